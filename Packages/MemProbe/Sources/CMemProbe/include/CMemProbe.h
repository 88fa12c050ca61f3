// The C side of MemProbe: the allocation counter (malloc interposition) and glibc's heap calls.
//
// On Linux with glibc, this target defines malloc, calloc, realloc, free, posix_memalign, aligned_alloc,
// memalign, valloc and pvalloc. Linked into an executable, these definitions come first in symbol
// resolution, so every allocation of the process (the Swift runtime's, Foundation's, libc's own) passes
// through them; they count it in thread-local counters and forward to glibc's __libc_* functions.
// Elsewhere (macOS, musl), and in AddressSanitizer or ThreadSanitizer builds (whose allocator must own malloc),
// nothing is interposed, glibc's heap calls answer "unavailable", and memprobe_counter_state() says so.
#ifndef CMEMPROBE_H
#define CMEMPROBE_H

#include <stddef.h>
#include <stdint.h>

#include "ARCCounter.h"
#include "AllocationSites.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Cumulative allocation counts: every successful allocation, every free of a non-null pointer, and the
/// bytes requested by the allocations (realloc counts as one free and one allocation, like valgrind).
typedef struct memprobe_counts {
    uint64_t allocations;
    uint64_t frees;
    uint64_t bytes_allocated;
} memprobe_counts;

/// The counter is compiled in and malloc calls of the process reach it.
#define MEMPROBE_COUNTER_ACTIVE 1
/// This platform cannot interpose malloc (not Linux with glibc); nothing is counted.
#define MEMPROBE_COUNTER_NOT_COMPILED 0
/// The counter is compiled in but malloc calls do not reach it (e.g. valgrind or an LD_PRELOAD allocator
/// replaced malloc in the executable); the counts are not the process's.
#define MEMPROBE_COUNTER_BYPASSED (-1)
/// This is an AddressSanitizer or ThreadSanitizer build: the counter (and glibc's heap calls) are compiled
/// out, since the sanitizer's allocator replaces malloc and the two cannot share a process; nothing is counted.
#define MEMPROBE_COUNTER_SANITIZER_BUILD (-2)

/// Whether the counter sees the process's allocations; one of the MEMPROBE_COUNTER_* values.
/// The first call runs a self-test (one strdup and free) and caches the answer; later calls are a load.
int memprobe_counter_state(void);

/// Adds up the counts of every thread, live or exited, since the process started. Does not allocate.
void memprobe_read_all_threads(memprobe_counts *out);

/// The counts of the calling thread since it started. Does not allocate and takes no lock.
void memprobe_read_current_thread(memprobe_counts *out);

/// The number of threads whose counters are currently registered (live threads that allocated).
uint64_t memprobe_registered_threads(void);

/// Bytes in use by malloc (mallinfo2's uordblks + hblkhd, over all arenas), or -1 when unavailable.
int64_t memprobe_heap_in_use(void);

/// Calls malloc_trim(0); returns 1 when memory was released, 0 when not, -1 when unavailable.
int memprobe_malloc_trim(void);

/// glibc's malloc_info XML in a buffer the caller releases with free(); NULL when unavailable.
/// `length` receives the number of bytes (no terminating NUL is counted).
char *memprobe_malloc_info(size_t *length);

#ifdef __cplusplus
}
#endif

#endif
