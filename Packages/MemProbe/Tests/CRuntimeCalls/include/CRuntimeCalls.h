// Test support: the Swift runtime's retain and release entry points, called exactly once per call (a
// debug build of `Unmanaged.retain()` adds traffic of its own, and Swift may not name them directly).
#ifndef CRUNTIME_CALLS_H
#define CRUNTIME_CALLS_H

#include <stdint.h>

/// Calls swift_retain(object) once.
void runtime_calls_retain(void *object);

/// Calls swift_release(object) once.
void runtime_calls_release(void *object);

/// The return address of this call: an address inside the function that calls it (AllocationSitesTests).
uintptr_t runtime_calls_return_address(void);

/// The symbol name dladdr gives for `address` (exported symbols only), or NULL.
const char *runtime_calls_dladdr_name(uintptr_t address);

#endif
