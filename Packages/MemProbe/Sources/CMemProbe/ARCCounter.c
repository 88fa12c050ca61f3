// The ARC counter (see include/ARCCounter.h for what is counted).
//
// How the Swift runtime dispatches: swift_retain (and its siblings) checks the atomic flag
// `_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly`; when it is set, it calls
// through the exported function pointer `_swift_retain`, which normally points at the runtime's own
// implementation. Opening the first window stores our hooks into those pointers and then sets the flag;
// closing the last clears the flag and then restores the pointers. The runtime's implementations are
// saved by a constructor before main runs (before any other thread exists) and never change, so a thread
// that loaded a hook pointer just before removal still forwards to the right function.
//
// Swift 6.3 on Linux routes swift_retain, once the flag is set, through a file-local pointer
// `_swift_retain_adapter` to `_swift_retain_adapterImpl`, which masks the object's spare bits *before*
// the runtime's null/tagged check; a small String's bridge bits then look like a pointer and the retain
// faults (swiftlang/swift#88924, fixed after 6.3). Where that adapter exists we therefore replace the
// adapter pointer itself (found in the runtime's symbol table, RuntimeSymbols.c) with a hook that takes
// the unmasked object and forwards it to the runtime's retain, which checks before it masks; the
// replacement stays once installed, so a flag set again by a racing swift_allocObject can never route
// a retain through the faulty adapter. Without a symbol table the dispatch cannot be verified and
// counting is refused.
//
// Each hook counts into the calling thread's block (initial-exec TLS: a plain add, no lock, no
// allocation) and, while an all-threads window is open, into process-wide relaxed atomics.
#include "ARCCounter.h"
#include "RuntimeSymbols.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef void *(*arc_retain_fn)(void *object);
typedef void (*arc_release_fn)(void *object);
typedef void *(*arc_retain_n_fn)(void *object, uint32_t n);
typedef void (*arc_release_n_fn)(void *object, uint32_t n);
typedef void *(*arc_alloc_fn)(const void *metadata, size_t size, size_t alignment_mask);

// The runtime's hook points, weak so that a runtime without them leaves the addresses null.
extern arc_retain_fn _swift_retain __attribute__((weak));
extern arc_release_fn _swift_release __attribute__((weak));
extern arc_retain_n_fn _swift_retain_n __attribute__((weak));
extern arc_release_n_fn _swift_release_n __attribute__((weak));
extern arc_retain_fn _swift_tryRetain __attribute__((weak));
extern arc_alloc_fn _swift_allocObject __attribute__((weak));
extern _Atomic(bool) _swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly
    __attribute__((weak));

// The runtime's own implementations, saved before main.
static arc_retain_fn original_retain;
static arc_release_fn original_release;
static arc_retain_n_fn original_retain_n;
static arc_release_n_fn original_release_n;
static arc_retain_fn original_try_retain;
static arc_alloc_fn original_alloc;
static bool hooks_exist;
// The file-local adapter pointer of runtimes that have one (0 when the runtime calls _swift_retain directly).
static arc_retain_fn *retain_adapter;
static arc_retain_fn original_adapter;
static int state = MEMPROBE_ARC_NO_HOOK_POINTS;
static pthread_once_t state_once = PTHREAD_ONCE_INIT;
static _Atomic int counting;

#if defined(__linux__)
static __thread memprobe_arc_counts current __attribute__((tls_model("initial-exec")));
#else
static __thread memprobe_arc_counts current;
#endif

static _Atomic uint64_t all_retains;
static _Atomic uint64_t all_releases;
static _Atomic uint64_t all_allocations;
static _Atomic int all_threads_windows;

static pthread_mutex_t windows_lock = PTHREAD_MUTEX_INITIALIZER;
static int open_windows;  // guarded by windows_lock
static bool forwarding_only;  // guarded by windows_lock: the forwarders are installed instead of the hooks

// The runtime ignores null and (on x86_64 and arm64) negative "pointers"; so does the count.
static inline bool counts_object(const void *object) {
#if defined(__x86_64__) || defined(__aarch64__) || defined(__arm64__)
    return (intptr_t)object > 0;
#else
    return object != NULL;
#endif
}

static inline void count(uint64_t *mine, _Atomic uint64_t *everyone) {
    *mine += 1;
    if (atomic_load_explicit(&all_threads_windows, memory_order_relaxed) > 0) {
        atomic_fetch_add_explicit(everyone, 1, memory_order_relaxed);
    }
}

static void *hook_retain(void *object) {
    if (counts_object(object)) count(&current.retains, &all_retains);
    return original_retain(object);
}

static void hook_release(void *object) {
    if (counts_object(object)) count(&current.releases, &all_releases);
    return original_release(object);
}

static void *hook_retain_n(void *object, uint32_t n) {
    if (counts_object(object)) count(&current.retains, &all_retains);
    return original_retain_n(object, n);
}

static void hook_release_n(void *object, uint32_t n) {
    if (counts_object(object)) count(&current.releases, &all_releases);
    original_release_n(object, n);
}

static void *hook_try_retain(void *object) {
    if (counts_object(object)) count(&current.retains, &all_retains);
    return original_try_retain(object);
}

// Replaces the faulty adapter: `object` arrives unmasked, so the runtime's own check sees tag bits.
static void *hook_retain_adapter(void *object) {
    if (atomic_load_explicit(&counting, memory_order_relaxed) && counts_object(object)) {
        count(&current.retains, &all_retains);
    }
    // The runtime's retain returns its argument: a tail call, no frame of ours on the way back.
    return original_retain(object);
}

static void *hook_alloc(const void *metadata, size_t size, size_t alignment_mask) {
    count(&current.object_allocations, &all_allocations);
    return original_alloc(metadata, size, alignment_mask);
}

__attribute__((constructor)) static void save_originals(void) {
    if (&_swift_retain == NULL || &_swift_release == NULL || &_swift_retain_n == NULL
        || &_swift_release_n == NULL || &_swift_tryRetain == NULL || &_swift_allocObject == NULL
        || &_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly == NULL) {
        return;
    }
    original_retain = _swift_retain;
    original_release = _swift_release;
    original_retain_n = _swift_retain_n;
    original_release_n = _swift_release_n;
    original_try_retain = _swift_tryRetain;
    original_alloc = _swift_allocObject;
    hooks_exist = original_retain && original_release && original_retain_n && original_release_n
        && original_try_retain && original_alloc;
}

static void decide_state(void) {
    if (!hooks_exist) return;
    static const char *const names[] = {
        "_ZL21_swift_retain_adapter", "_ZL25_swift_retain_adapterImplPN5swift10HeapObjectE"};
    uintptr_t addresses[2];
    int table = memprobe_find_symbols((const void *)&_swift_retain, "_swift_retain", names, addresses, 2);
    if (table < 0) {  // not ELF: how this runtime dispatches has not been checked here
        state = MEMPROBE_ARC_PLATFORM_UNVERIFIED;
        return;
    }
    if (table == 0) {
        state = MEMPROBE_ARC_DISPATCH_UNKNOWN;
        return;
    }
    if (addresses[0] == 0 && addresses[1] == 0) {
        state = MEMPROBE_ARC_AVAILABLE;
        return;
    }
    arc_retain_fn *adapter = (arc_retain_fn *)addresses[0];
    if (adapter == NULL || addresses[1] == 0 || (uintptr_t)*adapter != addresses[1]) {
        state = MEMPROBE_ARC_DISPATCH_UNKNOWN;
        return;
    }
    retain_adapter = adapter;
    original_adapter = *adapter;
    state = MEMPROBE_ARC_AVAILABLE;
}

int memprobe_arc_state(void) {
    pthread_once(&state_once, decide_state);
    return state;
}

// The forwarders: the hooks' dispatch without the count, for measuring what the dispatch alone costs.
static void *forward_retain(void *object) { return original_retain(object); }
static void forward_release(void *object) { original_release(object); }
static void *forward_retain_n(void *object, uint32_t n) { return original_retain_n(object, n); }
static void forward_release_n(void *object, uint32_t n) { original_release_n(object, n); }
static void *forward_try_retain(void *object) { return original_try_retain(object); }
static void *forward_alloc(const void *metadata, size_t size, size_t alignment_mask) {
    return original_alloc(metadata, size, alignment_mask);
}

static void install(bool counted) {
    if (counted) atomic_store_explicit(&counting, 1, memory_order_relaxed);
    if (retain_adapter != NULL) {
        __atomic_store_n(retain_adapter, counted ? hook_retain_adapter : forward_retain, __ATOMIC_RELEASE);
    } else {
        __atomic_store_n(&_swift_retain, counted ? hook_retain : forward_retain, __ATOMIC_RELEASE);
    }
    __atomic_store_n(&_swift_release, counted ? hook_release : forward_release, __ATOMIC_RELEASE);
    __atomic_store_n(&_swift_retain_n, counted ? hook_retain_n : forward_retain_n, __ATOMIC_RELEASE);
    __atomic_store_n(&_swift_release_n, counted ? hook_release_n : forward_release_n, __ATOMIC_RELEASE);
    __atomic_store_n(&_swift_tryRetain, counted ? hook_try_retain : forward_try_retain, __ATOMIC_RELEASE);
    __atomic_store_n(&_swift_allocObject, counted ? hook_alloc : forward_alloc, __ATOMIC_RELEASE);
    atomic_store_explicit(
        &_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly, true, memory_order_seq_cst);
}

// The allocation pointer goes back first: swift_allocObject sets the flag itself when it finds the
// pointer changed, so restoring it last could leave the flag set behind us. (A call that loaded the
// pointer just before can still set it; the hooks then run with counting off until the next window.)
static void uninstall(void) {
    __atomic_store_n(&_swift_allocObject, original_alloc, __ATOMIC_RELEASE);
    atomic_store_explicit(
        &_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly, false, memory_order_seq_cst);
    atomic_store_explicit(&counting, 0, memory_order_relaxed);
    __atomic_store_n(&_swift_retain, original_retain, __ATOMIC_RELEASE);
    __atomic_store_n(&_swift_release, original_release, __ATOMIC_RELEASE);
    __atomic_store_n(&_swift_retain_n, original_retain_n, __ATOMIC_RELEASE);
    __atomic_store_n(&_swift_release_n, original_release_n, __ATOMIC_RELEASE);
    __atomic_store_n(&_swift_tryRetain, original_try_retain, __ATOMIC_RELEASE);
}

int memprobe_arc_begin(int all_threads) {
    if (memprobe_arc_state() != MEMPROBE_ARC_AVAILABLE) return -1;
    pthread_mutex_lock(&windows_lock);
    if (forwarding_only) {
        pthread_mutex_unlock(&windows_lock);
        return -1;
    }
    if (all_threads) atomic_fetch_add_explicit(&all_threads_windows, 1, memory_order_relaxed);
    if (open_windows++ == 0) install(true);
    pthread_mutex_unlock(&windows_lock);
    return 0;
}

int memprobe_arc_begin_forwarding(void) {
    if (memprobe_arc_state() != MEMPROBE_ARC_AVAILABLE) return -1;
    pthread_mutex_lock(&windows_lock);
    int refused = open_windows > 0 || forwarding_only;
    if (!refused) {
        forwarding_only = true;
        install(false);
    }
    pthread_mutex_unlock(&windows_lock);
    return refused ? -1 : 0;
}

void memprobe_arc_end_forwarding(void) {
    pthread_mutex_lock(&windows_lock);
    if (forwarding_only) {
        uninstall();
        forwarding_only = false;
    }
    pthread_mutex_unlock(&windows_lock);
}

void memprobe_arc_end(int all_threads) {
    if (memprobe_arc_state() != MEMPROBE_ARC_AVAILABLE) return;
    pthread_mutex_lock(&windows_lock);
    if (open_windows > 0 && --open_windows == 0) uninstall();
    if (all_threads && atomic_load_explicit(&all_threads_windows, memory_order_relaxed) > 0) {
        atomic_fetch_sub_explicit(&all_threads_windows, 1, memory_order_relaxed);
    }
    pthread_mutex_unlock(&windows_lock);
}

void memprobe_arc_read_current_thread(memprobe_arc_counts *out) {
    *out = current;
}

void memprobe_arc_read_all_threads(memprobe_arc_counts *out) {
    out->retains = atomic_load_explicit(&all_retains, memory_order_relaxed);
    out->releases = atomic_load_explicit(&all_releases, memory_order_relaxed);
    out->object_allocations = atomic_load_explicit(&all_allocations, memory_order_relaxed);
}

int memprobe_arc_forwarders_installed(void) {
    if (memprobe_arc_state() != MEMPROBE_ARC_AVAILABLE) return 0;
    return __atomic_load_n(&_swift_release, __ATOMIC_ACQUIRE) == forward_release
        && atomic_load_explicit(
            &_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly, memory_order_relaxed);
}

int memprobe_arc_open_windows(void) {
    pthread_mutex_lock(&windows_lock);
    int windows = open_windows;
    pthread_mutex_unlock(&windows_lock);
    return windows;
}
