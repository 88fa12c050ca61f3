// Test support: the Swift runtime's retain and release entry points, called exactly once per call (a
// debug build of `Unmanaged.retain()` adds traffic of its own, and Swift may not name them directly).
#ifndef CRUNTIME_CALLS_H
#define CRUNTIME_CALLS_H

/// Calls swift_retain(object) once.
void runtime_calls_retain(void *object);

/// Calls swift_release(object) once.
void runtime_calls_release(void *object);

#endif
