#if defined(__linux__)
#define _GNU_SOURCE
#endif

#include "CPerfSupport.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <time.h>
#include <unistd.h>

uint64_t perfsupport_monotonic_nanoseconds(void) {
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    return (uint64_t)time.tv_sec * 1000000000u + (uint64_t)time.tv_nsec;
}

int perfsupport_pipe_cloexec(int descriptors[2]) {
#if defined(__linux__)
    return pipe2(descriptors, O_CLOEXEC);
#else
    if (pipe(descriptors) != 0) {
        return -1;
    }
    if (fcntl(descriptors[0], F_SETFD, FD_CLOEXEC) != 0 || fcntl(descriptors[1], F_SETFD, FD_CLOEXEC) != 0) {
        int saved = errno;
        close(descriptors[0]);
        close(descriptors[1]);
        errno = saved;
        return -1;
    }
    return 0;
#endif
}

int perfsupport_spawn_file_actions_addchdir(void *actions, const char *path) {
#if defined(__linux__)
    return posix_spawn_file_actions_addchdir_np((posix_spawn_file_actions_t *)actions, path);
#elif defined(__APPLE__)
    // Declared since macOS 10.15; SwiftPM's default deployment target can be older, hence the check.
    if (__builtin_available(macOS 10.15, *)) {
        return posix_spawn_file_actions_addchdir_np((posix_spawn_file_actions_t *)actions, path);
    }
    (void)actions;
    (void)path;
    return ENOSYS;
#else
    (void)actions;
    (void)path;
    return ENOSYS;
#endif
}
