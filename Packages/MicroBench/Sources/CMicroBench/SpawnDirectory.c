#if defined(__linux__)
#define _GNU_SOURCE
#endif

#include "SpawnDirectory.h"

#include <errno.h>
#include <spawn.h>

int microbench_spawn_file_actions_addchdir(void *actions, const char *path) {
#if defined(__linux__)
    return posix_spawn_file_actions_addchdir_np((posix_spawn_file_actions_t *)actions, path);
#else
    (void)actions;
    (void)path;
    return ENOSYS;
#endif
}
