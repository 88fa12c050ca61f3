#include "CPoolingTLS.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

__thread pooling_tls_table pooling_tls_current;

static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;
static void (*_Atomic retire_hook)(void *_Nonnull cache);

// Runs at thread exit (pthread key destructor). Retiring a cache can run user code (an element's
// deinit) that uses a pool again and installs a new table, so detach the table first and repeat.
static void retire_thread_caches(void *unused) {
    (void)unused;
    void (*retire)(void *_Nonnull) = retire_hook;
    for (int round = 0; round < 4; round++) {
        pooling_tls_table table = pooling_tls_current;
        pooling_tls_current.slots = NULL;
        pooling_tls_current.capacity = 0;
        if (table.slots == NULL) {
            return;
        }
        for (intptr_t index = 0; index < table.capacity; index++) {
            if (table.slots[index].cache != NULL && retire != NULL) {
                retire(table.slots[index].cache);
            }
        }
        free(table.slots);
    }
}

static void make_exit_key(void) {
    if (pthread_key_create(&exit_key, retire_thread_caches) != 0) {
        abort();
    }
}

void *_Nullable pooling_tls_install(
    intptr_t index, uint64_t owner, void *_Nonnull cache, void *_Nonnull block,
    void (*_Nonnull retire)(void *_Nonnull cache)) {
    retire_hook = retire;
    pooling_tls_table *table = &pooling_tls_current;
    if (index >= table->capacity) {
        intptr_t capacity = table->capacity < 8 ? 8 : table->capacity * 2;
        while (capacity <= index) {
            capacity *= 2;
        }
        // Whole cache lines of its own, so that no other thread's writes share a line with this table.
        pooling_tls_slot *slots = aligned_alloc(64, (size_t)capacity * sizeof(pooling_tls_slot));
        if (slots == NULL) {
            abort();
        }
        memset(slots, 0, (size_t)capacity * sizeof(pooling_tls_slot));
        if (table->slots != NULL) {
            memcpy(slots, table->slots, (size_t)table->capacity * sizeof(pooling_tls_slot));
            free(table->slots);
        }
        if (table->slots == NULL) {
            pthread_once(&exit_key_once, make_exit_key);
            // Any non-NULL value makes the destructor run at thread exit.
            pthread_setspecific(exit_key, (void *)1);
        }
        table->slots = slots;
        table->capacity = capacity;
    }
    void *previous = table->slots[index].cache;
    table->slots[index].owner = owner;
    table->slots[index].cache = cache;
    table->slots[index].block = block;
    return previous;
}

void *_Nullable pooling_tls_remove(intptr_t index, uint64_t owner) {
    pooling_tls_table *table = &pooling_tls_current;
    if (index >= table->capacity || table->slots[index].owner != owner) {
        return NULL;
    }
    void *cache = table->slots[index].cache;
    table->slots[index].owner = 0;
    table->slots[index].cache = NULL;
    table->slots[index].block = NULL;
    return cache;
}
