// _GNU_SOURCE must come before any system header for accept4 to be declared.
#if defined(__linux__)
#define _GNU_SOURCE
#include <sys/random.h>
#else
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#endif
#include <errno.h>
#include <sys/socket.h>

#include "CDemoServiceSystem.h"

int cds_accept_nonblocking(int listener) {
#if defined(__linux__)
    return accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
#else
    // No accept4 on Darwin: the same flags in two more calls.
    int fd = accept(listener, NULL, NULL);
    if (fd < 0) return -1;
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0 || fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
#endif
}

int cds_fill_random(void *buffer, size_t count) {
#if !defined(__linux__)
    arc4random_buf(buffer, count);  // Darwin and the BSDs: cannot fail
    return 0;
#else
    unsigned char *bytes = buffer;
    while (count > 0) {
        ssize_t filled = getrandom(bytes, count, 0);
        if (filled < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        bytes += filled;
        count -= (size_t)filled;
    }
    return 0;
#endif
}
