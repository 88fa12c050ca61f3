// Allocation-site recording (see include/AllocationSites.h for what is recorded).
//
// Design:
// - Per thread: a thread records only while it has a table (memprobe_recording_table, initial-exec TLS),
//   so a window is exact for the thread that opens it whatever other threads allocate, and two threads
//   may record at once, each into its own table.
// - Exact, not sampled: every allocation of the recording thread unwinds its stack. That costs a
//   backtrace() per allocation (microseconds), which is why recording runs in an untimed window of its
//   own; in exchange a site's count is the exact count, comparable with allocsPerOp.
// - The table is an open-addressing hash table keyed by the site's return addresses, mapped with mmap
//   before recording starts; the malloc path only probes and adds (no lock: one writer, read after end).
// - Frames skipped: everything up to the interposed function's own return address (this file and
//   AllocationCounter.c), then any frame inside a known allocator function (the Swift runtime's
//   swift_slowAlloc, swift_allocObject and their local implementations, swift_allocBox, MemProbe's own
//   ARC allocation hook, C++'s operator new, libc's strdup), so the first frame kept is the code that asked
//   for memory.
// - Recursion: memprobe_sites_note clears the thread's table pointer while it unwinds, so an allocation
//   the unwinder makes is counted (AllocationCounter.c) but not recorded; begin() calls backtrace() once
//   first, which loads libgcc_s (glibc's backtrace allocates on its first call only).
#if defined(__linux__)
#define _GNU_SOURCE
#endif

#include "AllocationSites.h"
#include "CMemProbe.h"
#include "RuntimeSymbols.h"
#include "SiteRecording.h"

#if defined(__linux__) && defined(__GLIBC__)

#include <dlfcn.h>
#include <elf.h>
#include <execinfo.h>
#include <link.h>
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>

struct memprobe_site_table {
    int frames;
    size_t used;
    uint64_t unattributed_allocations;
    uint64_t unattributed_bytes;
    memprobe_site sites[MEMPROBE_SITES_CAPACITY];
};

__thread memprobe_site_table *memprobe_recording_table __attribute__((tls_model("initial-exec")));

// Frames captured beyond the kept ones: the interposer's own (up to 3 unoptimized) and allocator frames.
#define EXTRA_FRAMES 12
#define MAX_SKIPPED_RANGES 32

typedef struct code_range {
    uintptr_t start;
    uintptr_t end;
} code_range;

static code_range skipped[MAX_SKIPPED_RANGES];
static int skipped_count;
static pthread_once_t skipped_once = PTHREAD_ONCE_INIT;

static void add_range(uintptr_t start, uintptr_t size) {
    if (start == 0 || size == 0 || skipped_count == MAX_SKIPPED_RANGES) return;
    for (int i = 0; i < skipped_count; i++) {
        if (skipped[i].start == start) return;
    }
    skipped[skipped_count++] = (code_range){start, start + size};
}

/// The code of an exported function, from the dynamic symbol's size.
static void add_exported(const char *name) {
    void *address = dlsym(RTLD_DEFAULT, name);
    if (address == NULL) return;
    Dl_info info;
    const ElfW(Sym) *symbol = NULL;
    if (dladdr1(address, &info, (void **)&symbol, RTLD_DL_SYMENT) == 0 || symbol == NULL) return;
    add_range((uintptr_t)address, symbol->st_size);
}

static void find_skipped_ranges(void) {
    // The Swift runtime's allocation entry points and the local functions behind them (in its .symtab).
    static const char *const runtime_names[] = {
        "swift_slowAlloc", "swift_allocObject", "__swift_allocObject_", "_swift_allocObject_",
        "_ZN5swift20swift_slowAllocTypedEmmy", "swift_slowAllocTyped", "swift_allocBox", "swift_allocEmptyBox",
    };
    enum { runtime_count = sizeof runtime_names / sizeof runtime_names[0] };
    void *anchor = dlsym(RTLD_DEFAULT, "swift_allocObject");
    if (anchor != NULL) {
        uintptr_t addresses[runtime_count];
        uintptr_t sizes[runtime_count];
        if (memprobe_find_symbol_ranges(anchor, "swift_allocObject", runtime_names, addresses, sizes, runtime_count)
            == 1) {
            for (int i = 0; i < runtime_count; i++) add_range(addresses[i], sizes[i]);
        }
    }
    // MemProbe's own ARC hook and its forwarder (ARCCounter.c), through which swift_allocObject runs while an
    // ARC window (or a forwarding-only measurement) is open on any thread: without them one call site would
    // split in two.
    static const char *const own_names[] = {"hook_alloc", "forward_alloc"};
    enum { own_count = sizeof own_names / sizeof own_names[0] };
    uintptr_t own_addresses[own_count] = {0};
    uintptr_t own_sizes[own_count] = {0};
    if (memprobe_find_symbol_ranges((const void *)memprobe_sites_begin, "memprobe_sites_begin", own_names,
                                    own_addresses, own_sizes, own_count)
        == 1) {
        for (int i = 0; i < own_count; i++) {
            if (own_addresses[i] != 0) add_range(own_addresses[i], own_sizes[i]);
        }
    }
    static const char *const exported_names[] = {
        "swift_slowAlloc", "swift_allocObject", "swift_slowAllocTyped", "swift_allocBox", "swift_allocEmptyBox",
        "_Znwm", "_Znam", "_ZnwmRKSt9nothrow_t", "_ZnamRKSt9nothrow_t", "_ZnwmSt11align_val_t",
        "_ZnamSt11align_val_t", "strdup", "strndup", "__strdup", "__strndup",
    };
    for (size_t i = 0; i < sizeof exported_names / sizeof exported_names[0]; i++) add_exported(exported_names[i]);
}

static inline int is_skipped(uintptr_t address) {
    // A return address lies just after its call instruction; the call itself is the byte before.
    uintptr_t call = address - 1;
    for (int i = 0; i < skipped_count; i++) {
        if (call >= skipped[i].start && call < skipped[i].end) return 1;
    }
    return 0;
}

static inline uint64_t hash_frames(const uintptr_t *frames, uint32_t depth) {
    uint64_t hash = 0x9E3779B97F4A7C15ull ^ depth;
    for (uint32_t i = 0; i < depth; i++) {
        hash ^= frames[i];
        hash *= 0xBF58476D1CE4E5B9ull;
        hash ^= hash >> 31;
    }
    return hash;
}

static void add_to_table(memprobe_site_table *table, const uintptr_t *frames, uint32_t depth, size_t size) {
    size_t mask = MEMPROBE_SITES_CAPACITY - 1;
    size_t index = (size_t)hash_frames(frames, depth) & mask;
    for (size_t probe = 0; probe < MEMPROBE_SITES_CAPACITY; probe++) {
        memprobe_site *site = &table->sites[index];
        if (site->allocations == 0) {
            // Keep probe chains short: a table seven-eighths full takes no new sites.
            if (table->used >= MEMPROBE_SITES_CAPACITY / 8 * 7) break;
            site->depth = depth;
            memcpy(site->frames, frames, depth * sizeof(uintptr_t));
            site->allocations = 1;
            site->bytes = size;
            table->used += 1;
            return;
        }
        if (site->depth == depth && memcmp(site->frames, frames, depth * sizeof(uintptr_t)) == 0) {
            site->allocations += 1;
            site->bytes += size;
            return;
        }
        index = (index + 1) & mask;
    }
    table->unattributed_allocations += 1;
    table->unattributed_bytes += size;
}

__attribute__((noinline)) void memprobe_sites_note(size_t size, void *caller) {
    memprobe_site_table *table = memprobe_recording_table;
    memprobe_recording_table = NULL;  // the recursion guard: the unwinder's allocations are not recorded
    void *raw[MEMPROBE_SITES_MAX_FRAMES + EXTRA_FRAMES];
    int captured = backtrace(raw, table->frames + EXTRA_FRAMES);
    int start = 0;
    for (int i = 0; i < captured; i++) {
        if (raw[i] == caller) {
            start = i;
            break;
        }
    }
    while (start < captured && is_skipped((uintptr_t)raw[start])) start++;
    uint32_t depth = 0;
    uintptr_t frames[MEMPROBE_SITES_MAX_FRAMES];
    while (start + (int)depth < captured && depth < (uint32_t)table->frames) {
        frames[depth] = (uintptr_t)raw[start + depth];
        depth++;
    }
    add_to_table(table, frames, depth, size);
    memprobe_recording_table = table;
}

int memprobe_sites_begin(int frames) {
    if (frames < 1 || frames > MEMPROBE_SITES_MAX_FRAMES) return MEMPROBE_SITES_BAD_FRAMES;
    switch (memprobe_counter_state()) {
    case MEMPROBE_COUNTER_ACTIVE: break;
    case MEMPROBE_COUNTER_BYPASSED: return MEMPROBE_SITES_BYPASSED;
    default: return MEMPROBE_SITES_NOT_COMPILED;
    }
    if (memprobe_recording_table != NULL) return MEMPROBE_SITES_ALREADY_RECORDING;
    pthread_once(&skipped_once, find_skipped_ranges);
    void *warm[4];
    (void)backtrace(warm, 4);
    memprobe_site_table *table =
        mmap(NULL, sizeof(memprobe_site_table), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (table == MAP_FAILED) return MEMPROBE_SITES_NO_MEMORY;
    table->frames = frames;  // the rest is zero: a fresh anonymous mapping
    memprobe_recording_table = table;
    return MEMPROBE_SITES_RECORDING;
}

memprobe_site_table *memprobe_sites_end(void) {
    memprobe_site_table *table = memprobe_recording_table;
    memprobe_recording_table = NULL;
    return table;
}

void memprobe_sites_release(memprobe_site_table *table) {
    if (table != NULL) munmap(table, sizeof(memprobe_site_table));
}

#else

struct memprobe_site_table {
    size_t used;
    uint64_t unattributed_allocations;
    uint64_t unattributed_bytes;
    memprobe_site sites[1];
};

int memprobe_sites_begin(int frames) {
    (void)frames;
    return MEMPROBE_SITES_NOT_COMPILED;
}

memprobe_site_table *memprobe_sites_end(void) { return NULL; }

void memprobe_sites_release(memprobe_site_table *table) { (void)table; }

#endif

size_t memprobe_sites_count(const memprobe_site_table *table) {
    return table != NULL ? table->used : 0;
}

size_t memprobe_sites_copy(const memprobe_site_table *table, memprobe_site *out, size_t capacity) {
    if (table == NULL) return 0;
    size_t copied = 0;
    for (size_t i = 0; i < sizeof table->sites / sizeof table->sites[0] && copied < capacity; i++) {
        if (table->sites[i].allocations > 0) out[copied++] = table->sites[i];
    }
    return copied;
}

void memprobe_sites_unattributed(const memprobe_site_table *table, uint64_t *allocations, uint64_t *bytes) {
    *allocations = table != NULL ? table->unattributed_allocations : 0;
    *bytes = table != NULL ? table->unattributed_bytes : 0;
}
