#include "CRuntimeCalls.h"

extern void *swift_retain(void *object);
extern void swift_release(void *object);

void runtime_calls_retain(void *object) {
    swift_retain(object);
}

void runtime_calls_release(void *object) {
    swift_release(object);
}
