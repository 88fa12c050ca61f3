// The ARC counter: retains, releases and object allocations of the Swift runtime, counted per thread.
//
// The Swift runtime calls its retain, release and object-allocation entry points through function
// pointers (`_swift_retain`, `_swift_release`, `_swift_retain_n`, `_swift_release_n`, `_swift_tryRetain`,
// `_swift_allocObject`) when `_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly`
// is set; runtimes built without those hook points (or executables that do not export them) leave
// memprobe_arc_state() at MEMPROBE_ARC_NO_HOOK_POINTS and nothing is counted.
#ifndef MEMPROBE_ARC_COUNTER_H
#define MEMPROBE_ARC_COUNTER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Cumulative counts of calls into the runtime's entry points on a non-null object: `retains` counts
/// swift_retain, swift_retain_n (one per call, whatever n) and swift_tryRetain; `releases` counts
/// swift_release and swift_release_n; `object_allocations` counts swift_allocObject (class instances,
/// boxes, array and dictionary buffers, closures' contexts).
typedef struct memprobe_arc_counts {
    uint64_t retains;
    uint64_t releases;
    uint64_t object_allocations;
} memprobe_arc_counts;

/// The runtime has the hook points; counting can be switched on.
#define MEMPROBE_ARC_AVAILABLE 1
/// The runtime has no hook points (a runtime built without them, or a statically linked one whose
/// symbols are not visible); nothing can be counted.
#define MEMPROBE_ARC_NO_HOOK_POINTS 0
/// The runtime has hook points, but how it dispatches swift_retain through them cannot be verified (its
/// file has no symbol table, or the retain adapter is not where it should be); counting is refused,
/// since Swift 6.3's adapter faults on tagged values unless it is replaced.
#define MEMPROBE_ARC_DISPATCH_UNKNOWN (-1)
/// Not Linux: the hooks are not installed where their dispatch has not been verified (Apple platforms).
#define MEMPROBE_ARC_PLATFORM_UNVERIFIED (-2)

/// Whether counting can be switched on; one of the MEMPROBE_ARC_* values. The first call reads the
/// runtime's symbol table from disk (a few milliseconds); later calls are a load.
int memprobe_arc_state(void);

/// Switches counting on: installs the hooks when no window is open yet (nested windows share them).
/// With `all_threads`, every thread's calls also count into the process-wide totals until the matching
/// memprobe_arc_end(1). Returns 0, or -1 when the hook points are unavailable. Does not allocate.
int memprobe_arc_begin(int all_threads);

/// Ends a window begun by memprobe_arc_begin with the same `all_threads`; the last open window removes
/// the hooks. A thread inside a hook meanwhile finishes normally: hooks forward to the runtime's own
/// functions, saved when the process started and never changed.
void memprobe_arc_end(int all_threads);

/// The calling thread's counts since it started (only calls made while a window was open count).
/// Takes no lock and does not allocate.
void memprobe_arc_read_current_thread(memprobe_arc_counts *out);

/// The process-wide counts, made while an all-threads window was open. Does not allocate.
void memprobe_arc_read_all_threads(memprobe_arc_counts *out);

/// For cost measurements: installs forwarders in the hooks' places, which take the same swizzled path
/// through the runtime and count nothing, so that the dispatch's cost can be told from the count's.
/// Returns 0, or -1 when the hook points are unavailable or a window (of either kind) is open; while it
/// is installed, memprobe_arc_begin returns -1. Does not allocate.
int memprobe_arc_begin_forwarding(void);

/// Removes the forwarders installed by memprobe_arc_begin_forwarding (nothing when none are).
void memprobe_arc_end_forwarding(void);

/// Whether the forwarders are in the runtime's hook points with its swizzling flag set; for tests.
int memprobe_arc_forwarders_installed(void);

/// How many windows are open (0 when the hooks are not installed); for tests.
int memprobe_arc_open_windows(void);

#ifdef __cplusplus
}
#endif

#endif
