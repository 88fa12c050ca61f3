/* Tells ThreadSanitizer about the lock hand-overs of Synchronization.Mutex that it cannot see on Linux.
 *
 * Mutex.withLock is @_transparent: its fast paths (one compare-and-exchange to lock, one to unlock) are inlined
 * into the caller and instrumented, so TSan sees them. When the lock is contended they call _lockSlow /
 * _unlockSlow / _tryLockSlow in libswiftSynchronization.so, which is not instrumented: a spinning
 * compare-and-exchange and the FUTEX_LOCK_PI / FUTEX_UNLOCK_PI system calls. A lock acquired there has no
 * happens-before edge in TSan's view, and the data the mutex protects looks raced (README.md, next to this file).
 *
 * Loaded with LD_PRELOAD, this library defines those three functions (same Swift symbols, same calling
 * convention: the handle's address in the swiftself register) and forwards to the real ones found with
 * dlsym(RTLD_NEXT), adding __tsan_acquire after a successful lock and __tsan_release before an unlock on the
 * mutex's address, the same address the inlined fast paths synchronize on. In a process without TSan (the
 * swift driver, a child that is not instrumented) the weak __tsan_* are null and it only forwards.
 * Built by Scripts/test-sanitizers.sh, which first checks it on mutex-tsan-repro.swift. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define LOCK_SLOW "$s15Synchronization12_MutexHandleV9_lockSlowyys6UInt32VF"
#define TRY_LOCK_SLOW "$s15Synchronization12_MutexHandleV12_tryLockSlowSbyF"
#define UNLOCK_SLOW "$s15Synchronization12_MutexHandleV11_unlockSlowyyF"
#define SWIFT_SELF __attribute__((swift_context))

void __tsan_acquire(void *address) __attribute__((weak));
void __tsan_release(void *address) __attribute__((weak));

typedef __attribute__((swiftcall)) void (*lock_slow_t)(uint32_t thread, void *SWIFT_SELF handle);
typedef __attribute__((swiftcall)) bool (*try_lock_slow_t)(void *SWIFT_SELF handle);
typedef __attribute__((swiftcall)) void (*unlock_slow_t)(void *SWIFT_SELF handle);

static void *real(const char *symbol, void **cache) {
    void *function = __atomic_load_n(cache, __ATOMIC_ACQUIRE);
    if (function == NULL) {
        function = dlsym(RTLD_NEXT, symbol);
        if (function == NULL) {
            fprintf(stderr, "mutex-tsan: %s not found after this library: %s\n", symbol, dlerror());
            abort();
        }
        __atomic_store_n(cache, function, __ATOMIC_RELEASE);
    }
    return function;
}

__attribute__((swiftcall)) void lock_slow(uint32_t thread, void *SWIFT_SELF handle) __asm__(LOCK_SLOW);
__attribute__((swiftcall)) bool try_lock_slow(void *SWIFT_SELF handle) __asm__(TRY_LOCK_SLOW);
__attribute__((swiftcall)) void unlock_slow(void *SWIFT_SELF handle) __asm__(UNLOCK_SLOW);

__attribute__((swiftcall, visibility("default"))) void lock_slow(uint32_t thread, void *SWIFT_SELF handle) {
    static void *cache;
    ((lock_slow_t)real(LOCK_SLOW, &cache))(thread, handle);
    if (__tsan_acquire) __tsan_acquire(handle);
}

__attribute__((swiftcall, visibility("default"))) bool try_lock_slow(void *SWIFT_SELF handle) {
    static void *cache;
    bool locked = ((try_lock_slow_t)real(TRY_LOCK_SLOW, &cache))(handle);
    if (locked && __tsan_acquire) __tsan_acquire(handle);
    return locked;
}

__attribute__((swiftcall, visibility("default"))) void unlock_slow(void *SWIFT_SELF handle) {
    static void *cache;
    if (__tsan_release) __tsan_release(handle);
    ((unlock_slow_t)real(UNLOCK_SLOW, &cache))(handle);
}
