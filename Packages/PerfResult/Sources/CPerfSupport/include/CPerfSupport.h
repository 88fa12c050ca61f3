#ifndef CPERFSUPPORT_H
#define CPERFSUPPORT_H

#include <stdint.h>

/// Nanoseconds of `CLOCK_MONOTONIC` (the vDSO on Linux: no system call, no allocation).
///
/// In C so that Swift's inlinable `MonotonicClock.now()` can call it from other modules without naming
/// `timespec`, whose members Swift finds only through a module that cannot be imported publicly without a
/// warning. Out of line, so that this header includes no C library header that could claim `timespec` for
/// this module.
uint64_t perfsupport_monotonic_nanoseconds(void);

// The two system calls PerfSupport's process spawning needs that the C library declares only under
// _GNU_SOURCE, which Swift's Glibc module does not define.

/// Opens a pipe whose two descriptors are close-on-exec from the start (`pipe2(O_CLOEXEC)` on Linux), so a
/// child that another thread spawns at the same moment cannot inherit them. Elsewhere `pipe` then `fcntl`,
/// which leaves that window open. Returns 0, or -1 with `errno` set.
int perfsupport_pipe_cloexec(int descriptors[2]);

/// Adds "change the working directory to `path`" to spawn file actions (`posix_spawn_file_actions_addchdir_np`,
/// on glibc and on macOS 10.15 or later). Returns 0, or an error number: ENOSYS where the C library has no such
/// action.
int perfsupport_spawn_file_actions_addchdir(void *actions, const char *path);

#endif
