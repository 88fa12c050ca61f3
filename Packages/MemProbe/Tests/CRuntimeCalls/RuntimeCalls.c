#if defined(__linux__)
#define _GNU_SOURCE
#endif

#include <dlfcn.h>
#include <stddef.h>

#include "CRuntimeCalls.h"

extern void *swift_retain(void *object);
extern void swift_release(void *object);

void runtime_calls_retain(void *object) {
    swift_retain(object);
}

void runtime_calls_release(void *object) {
    swift_release(object);
}

__attribute__((noinline)) uintptr_t runtime_calls_return_address(void) {
    return (uintptr_t)__builtin_return_address(0);
}

const char *runtime_calls_dladdr_name(uintptr_t address) {
    Dl_info info;
    return dladdr((const void *)address, &info) != 0 ? info.dli_sname : NULL;
}
