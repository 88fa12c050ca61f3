// The allocation counter: malloc-family definitions that count, then forward to glibc.
//
// Design (wrk's rule: per-thread counters merged at the end):
// - Each thread counts into its own thread-local block (initial-exec TLS: no allocation, no lock, plain
//   stores; relaxed atomics only so that a reader on another thread may load them).
// - On its first allocation a thread links its block into a registry (a mutex-guarded intrusive list,
//   so registering allocates nothing) and sets a pthread key whose destructor runs when the thread exits.
// - The destructor folds the block into `retired` totals and unlinks it, so exited threads' counts are
//   kept. Allocations a thread makes after that (libc's own teardown) go to shared atomic counters.
// - A reader sums retired + shared + every linked block under the registry mutex.
// Nothing here allocates, prints or reads a file, so a measured window can read the counters freely.
// Each allocation also passes its caller's return address on to allocation-site recording
// (AllocationSites.c), which costs one thread-local load and a branch while no thread records.
#if defined(__linux__)
#define _GNU_SOURCE
#endif

#include "CMemProbe.h"
#include "Sanitizer.h"
#include "SiteRecording.h"

#include <errno.h>
#include <stdlib.h>

// Not in sanitizer builds: their allocator must own malloc (Sanitizer.h).
#if defined(__linux__) && defined(__GLIBC__) && !defined(MEMPROBE_SANITIZER_BUILD)
#define MEMPROBE_INTERPOSE 1
#endif

#if MEMPROBE_INTERPOSE

#include <dlfcn.h>
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void __libc_free(void *pointer);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);

#define EXPORTED __attribute__((visibility("default"), used))

enum thread_state {
    // The thread has not allocated yet.
    THREAD_UNREGISTERED = 0,
    // The thread is registering; allocations made meanwhile (none with glibc) count in its block.
    THREAD_REGISTERING,
    // The block is in the registry.
    THREAD_LINKED,
    // The thread is exiting (or could not register): it counts into the shared counters.
    THREAD_RETIRED,
};

typedef struct thread_block {
    _Atomic uint64_t allocations;
    _Atomic uint64_t frees;
    _Atomic uint64_t bytes;
    struct thread_block *previous;
    struct thread_block *next;
    int state;
} thread_block;

static __thread thread_block current __attribute__((tls_model("initial-exec")));

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static thread_block *registry_head;   // guarded by registry_lock
static uint64_t registry_count;       // guarded by registry_lock
static memprobe_counts retired;       // guarded by registry_lock

static _Atomic uint64_t shared_allocations;
static _Atomic uint64_t shared_frees;
static _Atomic uint64_t shared_bytes;

static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static pthread_key_t exit_key;
static int key_created;

static _Atomic int cached_state = 2;  // 2 = not yet tested

// heaptrack's API for custom allocators (heaptrack_api.h). This file's malloc wins over heaptrack's
// LD_PRELOAD one, so under heaptrack the allocations are reported to it explicitly; set once by a
// constructor before main, NULL otherwise.
static void (*heaptrack_report_malloc)(void *pointer, size_t size);
static void (*heaptrack_report_free)(void *pointer);
static void (*heaptrack_report_realloc)(void *old, size_t size, void *pointer);

// Only the owning thread writes its block, so a load and a store (no lock prefix) suffice.
static inline void bump(_Atomic uint64_t *counter, uint64_t amount) {
    atomic_store_explicit(counter, atomic_load_explicit(counter, memory_order_relaxed) + amount,
                          memory_order_relaxed);
}

static void retire_thread(void *block_pointer) {
    thread_block *block = block_pointer;
    pthread_mutex_lock(&registry_lock);
    if (block->state == THREAD_LINKED) {
        if (block->previous) block->previous->next = block->next;
        else registry_head = block->next;
        if (block->next) block->next->previous = block->previous;
        registry_count -= 1;
    }
    retired.allocations += atomic_load_explicit(&block->allocations, memory_order_relaxed);
    retired.frees += atomic_load_explicit(&block->frees, memory_order_relaxed);
    retired.bytes_allocated += atomic_load_explicit(&block->bytes, memory_order_relaxed);
    block->state = THREAD_RETIRED;
    pthread_mutex_unlock(&registry_lock);
}

static void create_key(void) {
    key_created = pthread_key_create(&exit_key, retire_thread) == 0;
}

static void register_thread(thread_block *block) {
    block->state = THREAD_REGISTERING;
    pthread_once(&key_once, create_key);
    // pthread_setspecific allocates only for keys past the 32 kept inline, and any such allocation
    // re-enters here with state REGISTERING, so it simply counts in this block.
    if (!key_created || pthread_setspecific(exit_key, block) != 0) {
        retire_thread(block);
        return;
    }
    pthread_mutex_lock(&registry_lock);
    block->previous = NULL;
    block->next = registry_head;
    if (registry_head) registry_head->previous = block;
    registry_head = block;
    registry_count += 1;
    block->state = THREAD_LINKED;
    pthread_mutex_unlock(&registry_lock);
}

static inline thread_block *counting_block(void) {
    thread_block *block = &current;
    if (__builtin_expect(block->state == THREAD_UNREGISTERED, 0)) register_thread(block);
    return block->state == THREAD_RETIRED ? NULL : block;
}

static inline void count_allocation(size_t size) {
    thread_block *block = counting_block();
    if (__builtin_expect(block != NULL, 1)) {
        bump(&block->allocations, 1);
        bump(&block->bytes, size);
    } else {
        atomic_fetch_add_explicit(&shared_allocations, 1, memory_order_relaxed);
        atomic_fetch_add_explicit(&shared_bytes, size, memory_order_relaxed);
    }
}

static inline void count_free(void) {
    thread_block *block = counting_block();
    if (__builtin_expect(block != NULL, 1)) {
        bump(&block->frees, 1);
    } else {
        atomic_fetch_add_explicit(&shared_frees, 1, memory_order_relaxed);
    }
}

// Counts an allocation and, while this thread records sites, records it. `caller` is the interposed
// function's return address: where the recorded stack starts.
static inline void count_and_record(size_t size, void *caller) {
    count_allocation(size);
    if (__builtin_expect(memprobe_recording_table != NULL, 0)) memprobe_sites_note(size, caller);
}

static inline void *allocated(void *pointer, size_t size, void *caller) {
    if (__builtin_expect(pointer != NULL, 1)) {
        count_and_record(size, caller);
        if (__builtin_expect(heaptrack_report_malloc != NULL, 0)) heaptrack_report_malloc(pointer, size);
    }
    return pointer;
}

EXPORTED void *malloc(size_t size) {
    return allocated(__libc_malloc(size), size, __builtin_return_address(0));
}

EXPORTED void free(void *pointer) {
    if (pointer == NULL) return;
    count_free();
    if (__builtin_expect(heaptrack_report_free != NULL, 0)) heaptrack_report_free(pointer);
    __libc_free(pointer);
}

EXPORTED void *calloc(size_t count, size_t size) {
    // A non-null result means count * size did not overflow.
    void *pointer = __libc_calloc(count, size);
    return allocated(pointer, pointer != NULL ? count * size : 0, __builtin_return_address(0));
}

EXPORTED void *realloc(void *old, size_t size) {
    void *caller = __builtin_return_address(0);
    if (old == NULL) return allocated(__libc_malloc(size), size, caller);
    void *pointer = __libc_realloc(old, size);
    if (size == 0) {
        // glibc frees `old` and returns NULL.
        count_free();
        if (pointer != NULL) count_and_record(0, caller);
    } else if (pointer != NULL) {
        count_free();
        count_and_record(size, caller);
    } else {
        return NULL;  // `old` is untouched
    }
    if (__builtin_expect(heaptrack_report_realloc != NULL, 0)) heaptrack_report_realloc(old, size, pointer);
    return pointer;
}

EXPORTED void *memalign(size_t alignment, size_t size) {
    return allocated(__libc_memalign(alignment, size), size, __builtin_return_address(0));
}

EXPORTED void *aligned_alloc(size_t alignment, size_t size) {
    // glibc's aligned_alloc is memalign (2.38 adds a power-of-two check, which memalign enforces by
    // rounding up; an invalid alignment is the caller's undefined behaviour in C11).
    return allocated(__libc_memalign(alignment, size), size, __builtin_return_address(0));
}

EXPORTED int posix_memalign(void **result, size_t alignment, size_t size) {
    if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0 || alignment == 0) return EINVAL;
    void *pointer = allocated(__libc_memalign(alignment, size), size, __builtin_return_address(0));
    if (pointer == NULL) return ENOMEM;
    *result = pointer;
    return 0;
}

EXPORTED void *valloc(size_t size) {
    return allocated(__libc_valloc(size), size, __builtin_return_address(0));
}

EXPORTED void *pvalloc(size_t size) {
    return allocated(__libc_pvalloc(size), size, __builtin_return_address(0));
}

// fork() copies the registry; holding its lock across fork keeps the child's copy consistent.
static void before_fork(void) { pthread_mutex_lock(&registry_lock); }
static void after_fork(void) { pthread_mutex_unlock(&registry_lock); }

__attribute__((constructor)) static void install(void) {
    pthread_atfork(before_fork, after_fork, after_fork);
    // The heaptrack script sets DUMP_HEAPTRACK_OUTPUT and preloads its library.
    if (getenv("DUMP_HEAPTRACK_OUTPUT") != NULL) {
        heaptrack_report_malloc = (void (*)(void *, size_t))dlsym(RTLD_DEFAULT, "heaptrack_malloc");
        heaptrack_report_free = (void (*)(void *))dlsym(RTLD_DEFAULT, "heaptrack_free");
        heaptrack_report_realloc = (void (*)(void *, size_t, void *))dlsym(RTLD_DEFAULT, "heaptrack_realloc");
        // heaptrack starts recording on the first call to its own malloc, which this file shadows:
        // make that call once through the preloaded library.
        void *(*next_malloc)(size_t) = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
        void (*next_free)(void *) = (void (*)(void *))dlsym(RTLD_NEXT, "free");
        if (!heaptrack_report_malloc || !heaptrack_report_free || !heaptrack_report_realloc || !next_malloc
            || !next_free) {
            heaptrack_report_malloc = NULL;
            heaptrack_report_free = NULL;
            heaptrack_report_realloc = NULL;
        } else {
            next_free(next_malloc(1));
        }
    }
}

void memprobe_read_all_threads(memprobe_counts *out) {
    memprobe_counts sum;
    pthread_mutex_lock(&registry_lock);
    sum = retired;
    for (thread_block *block = registry_head; block != NULL; block = block->next) {
        sum.allocations += atomic_load_explicit(&block->allocations, memory_order_relaxed);
        sum.frees += atomic_load_explicit(&block->frees, memory_order_relaxed);
        sum.bytes_allocated += atomic_load_explicit(&block->bytes, memory_order_relaxed);
    }
    pthread_mutex_unlock(&registry_lock);
    sum.allocations += atomic_load_explicit(&shared_allocations, memory_order_relaxed);
    sum.frees += atomic_load_explicit(&shared_frees, memory_order_relaxed);
    sum.bytes_allocated += atomic_load_explicit(&shared_bytes, memory_order_relaxed);
    *out = sum;
}

void memprobe_read_current_thread(memprobe_counts *out) {
    out->allocations = atomic_load_explicit(&current.allocations, memory_order_relaxed);
    out->frees = atomic_load_explicit(&current.frees, memory_order_relaxed);
    out->bytes_allocated = atomic_load_explicit(&current.bytes, memory_order_relaxed);
}

uint64_t memprobe_registered_threads(void) {
    pthread_mutex_lock(&registry_lock);
    uint64_t count = registry_count;
    pthread_mutex_unlock(&registry_lock);
    return count;
}

int memprobe_counter_state(void) {
    int state = atomic_load_explicit(&cached_state, memory_order_acquire);
    if (state != 2) return state;
    // strdup allocates inside libc, so its malloc call resolves through the dynamic linker exactly like
    // the Swift runtime's: if it reaches this file, so do theirs. The volatile pointers keep the compiler
    // from folding the pair away; `free` is whichever free the executable exports (ours, or the one of a
    // tool that replaced malloc), so the copy is released by the allocator that made it.
    char *(*volatile duplicate)(const char *) = strdup;
    void (*volatile release)(void *) = free;
    memprobe_counts before, after;
    memprobe_read_current_thread(&before);
    char *copy = duplicate("memprobe");
    memprobe_read_current_thread(&after);
    release(copy);
    state = after.allocations == before.allocations + 1 ? MEMPROBE_COUNTER_ACTIVE : MEMPROBE_COUNTER_BYPASSED;
    atomic_store_explicit(&cached_state, state, memory_order_release);
    return state;
}

int64_t memprobe_heap_in_use(void) {
#if __GLIBC_PREREQ(2, 33)
    struct mallinfo2 info = mallinfo2();
    return (int64_t)(info.uordblks + info.hblkhd);
#else
    return -1;
#endif
}

int memprobe_malloc_trim(void) {
    return malloc_trim(0) ? 1 : 0;
}

char *memprobe_malloc_info(size_t *length) {
    char *buffer = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&buffer, &size);
    if (stream == NULL) return NULL;
    int status = malloc_info(0, stream);
    if (fclose(stream) != 0 || status != 0) {
        free(buffer);
        return NULL;
    }
    *length = size;
    return buffer;
}

#else

void memprobe_read_all_threads(memprobe_counts *out) {
    out->allocations = 0;
    out->frees = 0;
    out->bytes_allocated = 0;
}

void memprobe_read_current_thread(memprobe_counts *out) {
    memprobe_read_all_threads(out);
}

uint64_t memprobe_registered_threads(void) { return 0; }

int memprobe_counter_state(void) {
#if defined(MEMPROBE_SANITIZER_BUILD)
    return MEMPROBE_COUNTER_SANITIZER_BUILD;
#else
    return MEMPROBE_COUNTER_NOT_COMPILED;
#endif
}

// In a sanitizer build glibc's heap is not the one in use: its numbers would describe an almost empty arena.
int64_t memprobe_heap_in_use(void) { return -1; }

int memprobe_malloc_trim(void) { return -1; }

char *memprobe_malloc_info(size_t *length) {
    (void)length;
    return NULL;
}

#endif
