#ifndef CMICROBENCH_SPAWN_DIRECTORY_H
#define CMICROBENCH_SPAWN_DIRECTORY_H

/// Adds "change the working directory to `path`" to the `posix_spawn_file_actions_t` at `actions`
/// (`posix_spawn_file_actions_addchdir_np`, glibc 2.29 and musl 1.1.24, which Swift's Glibc module
/// does not import). Returns 0, or an `errno` value; `ENOSYS` where the call does not exist.
int microbench_spawn_file_actions_addchdir(void *actions, const char *path);

#endif
