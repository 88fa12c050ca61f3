// The interposer's side of allocation-site recording (see include/AllocationSites.h). Private to CMemProbe.
#ifndef MEMPROBE_SITE_RECORDING_H
#define MEMPROBE_SITE_RECORDING_H

#include <stddef.h>

#include "AllocationSites.h"

#if defined(__linux__) && defined(__GLIBC__)
/// The calling thread's table while it records, NULL otherwise: the one load malloc pays when recording is off.
extern __thread memprobe_site_table *memprobe_recording_table __attribute__((tls_model("initial-exec")));

/// Records one allocation of `size` bytes whose allocator function was called from return address
/// `caller` (the interposed function's __builtin_return_address(0)) into the calling thread's table.
/// Call only when memprobe_recording_table is not NULL. Never allocates; an allocation made inside it
/// (by the unwinder) is not recorded.
void memprobe_sites_note(size_t size, void *caller);
#endif

#endif
