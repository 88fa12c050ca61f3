// Thread-local slot tables for Pooling's per-thread caches.
//
// Every live pool owns a small slot index (reused after the pool is gone) and a serial number (never
// reused). Each thread has a table indexed by slot; an entry holds the serial of the pool that installed
// it, a retained pointer to that pool's cache object for this thread, and the cache's block (its counter
// words and object slots), which is all the hot path touches. A lookup that finds another serial (a pool
// that has since died and whose slot was reused) reports no cache, so a stale entry is never
// dereferenced: the installing pool retires it instead.
//
// Only the owning thread reads or writes its table, so nothing here is atomic.

#ifndef CPOOLINGTLS_H
#define CPOOLINGTLS_H

#include <stdint.h>

typedef struct {
    uint64_t owner;
    void *_Nullable cache;
    void *_Nullable block;
    uint64_t unused;
} pooling_tls_slot;

typedef struct {
    pooling_tls_slot *_Nullable slots;
    intptr_t capacity;
} pooling_tls_table;

/// This thread's table. Zero (no slots) until the thread's first cache is installed.
extern __thread pooling_tls_table pooling_tls_current;

/// The block of the cache installed for slot `index` by the pool with serial `owner`, or NULL.
///
/// The hot path of every pool: a thread-local load, a bounds check and one compare.
static inline void *_Nullable pooling_tls_lookup_block(intptr_t index, uint64_t owner) {
    pooling_tls_table *table = &pooling_tls_current;
    if (__builtin_expect(index < table->capacity, 1)) {
        pooling_tls_slot *slot = &table->slots[index];
        if (__builtin_expect(slot->owner == owner, 1)) {
            return slot->block;
        }
    }
    return (void *)0;
}

/// The cache object installed for slot `index` by the pool with serial `owner`, or NULL.
static inline void *_Nullable pooling_tls_lookup(intptr_t index, uint64_t owner) {
    pooling_tls_table *table = &pooling_tls_current;
    if (index < table->capacity && table->slots[index].owner == owner) {
        return table->slots[index].cache;
    }
    return (void *)0;
}

/// Installs `cache` (already retained) and its `block` for slot `index` and pool serial `owner` on this
/// thread.
///
/// Returns the cache the slot held before (a stale one of a dead pool), which the caller must retire,
/// or NULL. `retire` is called at thread exit for every installed cache; every caller passes the same
/// function.
void *_Nullable pooling_tls_install(
    intptr_t index, uint64_t owner, void *_Nonnull cache, void *_Nonnull block,
    void (*_Nonnull retire)(void *_Nonnull cache));

/// Removes and returns the cache installed for `index` by `owner` on this thread, or NULL.
void *_Nullable pooling_tls_remove(intptr_t index, uint64_t owner);

/// Word access for the per-thread caches' counters: written by the owning thread, read by others for
/// statistics. Relaxed loads and stores, and release/acquire ones, compile to plain moves on x86-64.
static inline intptr_t pooling_word_load(const intptr_t *_Nonnull word) {
    return __atomic_load_n(word, __ATOMIC_RELAXED);
}

static inline intptr_t pooling_word_load_acquire(const intptr_t *_Nonnull word) {
    return __atomic_load_n(word, __ATOMIC_ACQUIRE);
}

static inline void pooling_word_store(intptr_t *_Nonnull word, intptr_t value) {
    __atomic_store_n(word, value, __ATOMIC_RELAXED);
}

static inline void pooling_word_store_release(intptr_t *_Nonnull word, intptr_t value) {
    __atomic_store_n(word, value, __ATOMIC_RELEASE);
}

#endif
