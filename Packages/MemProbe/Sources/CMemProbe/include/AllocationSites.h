// Allocation sites: where the calling thread's allocations come from, recorded by the malloc interposer.
//
// memprobe_sites_begin() maps a fixed-size table and switches recording on for the calling thread only.
// While it is on, every allocation of that thread that reaches the interposer (malloc, calloc, realloc,
// memalign, aligned_alloc, posix_memalign, valloc, pvalloc) captures its return addresses with glibc's
// backtrace(), drops the interposer's own frames and the allocator frames of the Swift runtime, C++ and
// libc (swift_slowAlloc, swift_allocObject, operator new, strdup, …), and adds one allocation and its
// bytes to the table entry keyed by the remaining `frames` addresses. Every allocation is recorded (not
// sampled). Nothing in the malloc path allocates: the table is mapped before recording starts, and an
// allocation made while a stack is captured is counted but not recorded (the recursion guard).
// memprobe_sites_end() switches recording off and hands the table over for reading.
//
// With recording off, the interposer pays one thread-local load and a branch per allocation.
// Elsewhere than Linux with glibc nothing is interposed and memprobe_sites_begin() refuses.
#ifndef MEMPROBE_ALLOCATION_SITES_H
#define MEMPROBE_ALLOCATION_SITES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The most return addresses a site keeps.
#define MEMPROBE_SITES_MAX_FRAMES 16
/// The distinct sites one table holds; allocations from further sites are counted as unattributed.
#define MEMPROBE_SITES_CAPACITY 4096

/// memprobe_sites_begin: recording is on for the calling thread.
#define MEMPROBE_SITES_RECORDING 0
/// memprobe_sites_begin: this platform cannot interpose malloc (not Linux with glibc).
#define MEMPROBE_SITES_NOT_COMPILED (-1)
/// memprobe_sites_begin: malloc does not reach the interposer (valgrind, an LD_PRELOAD allocator).
#define MEMPROBE_SITES_BYPASSED (-2)
/// memprobe_sites_begin: the calling thread is already recording (windows do not nest).
#define MEMPROBE_SITES_ALREADY_RECORDING (-3)
/// memprobe_sites_begin: the table could not be mapped (mmap failed; errno says why).
#define MEMPROBE_SITES_NO_MEMORY (-4)
/// memprobe_sites_begin: `frames` is not in 1...MEMPROBE_SITES_MAX_FRAMES.
#define MEMPROBE_SITES_BAD_FRAMES (-5)

/// One call site: the allocations whose stacks start with `frames[0..<depth]` (return addresses, the
/// innermost caller first) and the bytes they requested. `depth` is 0 for allocations whose stack had no
/// frame left after the allocator's own.
typedef struct memprobe_site {
    uint64_t allocations;
    uint64_t bytes;
    uint32_t depth;
    uintptr_t frames[MEMPROBE_SITES_MAX_FRAMES];
} memprobe_site;

/// A recorded table, owned by the caller of memprobe_sites_end until memprobe_sites_release.
typedef struct memprobe_site_table memprobe_site_table;

/// Switches recording on for the calling thread, keeping `frames` return addresses per site (1...16).
/// Returns MEMPROBE_SITES_RECORDING or one of the refusals above. Maps the table (about 600 KiB, touched
/// only as sites arrive) and warms up backtrace() (whose first call loads libgcc_s), so call it outside
/// the measured work.
int memprobe_sites_begin(int frames);

/// Switches recording off for the calling thread and returns its table (NULL when it was not recording).
/// Does not allocate.
memprobe_site_table *memprobe_sites_end(void);

/// The number of distinct sites in `table`.
size_t memprobe_sites_count(const memprobe_site_table *table);

/// Copies up to `capacity` sites of `table` into `out`, in no particular order; returns the number copied.
size_t memprobe_sites_copy(const memprobe_site_table *table, memprobe_site *out, size_t capacity);

/// The allocations (and their bytes) that found the table full and are in no site.
void memprobe_sites_unattributed(const memprobe_site_table *table, uint64_t *allocations, uint64_t *bytes);

/// Unmaps `table`.
void memprobe_sites_release(memprobe_site_table *table);

/// What symbolication found for one address.
typedef struct memprobe_frame_symbol {
    /// The function symbol containing the address (or the nearest one before it), as the file spells it
    /// (mangled); a malloc'd copy, NULL when nothing names it.
    char *name;
    /// The path of the executable or shared library that contains the address; a malloc'd copy, NULL when
    /// no loaded object does.
    char *file;
    /// The address minus the symbol's start (0 without a name).
    uintptr_t offset;
    /// The address minus the object's load bias: what `addr2line -e FILE` takes.
    uintptr_t file_address;
} memprobe_frame_symbol;

/// Names each of `count` return addresses: the loaded object comes from dladdr, the function from the
/// object's ELF symbol table (.symtab, which holds local functions dladdr cannot see; .dynsym when the file
/// is stripped), else from dladdr. Fills `out[i]`; free the strings with memprobe_frame_symbols_free.
/// Returns 1, 0 when out of memory, -1 on a platform without ELF (every entry empty). Allocates and reads
/// files: call it after recording, never inside a measured window.
int memprobe_symbolize(const uintptr_t *addresses, size_t count, memprobe_frame_symbol *out);

/// Frees the strings memprobe_symbolize put into `symbols`.
void memprobe_frame_symbols_free(memprobe_frame_symbol *symbols, size_t count);

#ifdef __cplusplus
}
#endif

#endif
