// _GNU_SOURCE must come before any system header for accept4 to be declared.
#define _GNU_SOURCE
#include <errno.h>
#include <sys/random.h>
#include <sys/socket.h>

#include "CDemoServiceSystem.h"

int cds_accept_nonblocking(int listener) {
    return accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

int cds_fill_random(void *buffer, size_t count) {
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
}
