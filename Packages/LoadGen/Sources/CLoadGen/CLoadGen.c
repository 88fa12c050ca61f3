#if defined(__linux__)
#define _GNU_SOURCE
#endif
#include "CLoadGen.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>

#if defined(__linux__)
#include <sys/prctl.h>
#include <sys/syscall.h>

const uint32_t LOADGEN_EPOLLIN = EPOLLIN;
const uint32_t LOADGEN_EPOLLOUT = EPOLLOUT;
const uint32_t LOADGEN_EPOLLERR = EPOLLERR;
const uint32_t LOADGEN_EPOLLHUP = EPOLLHUP;
const uint32_t LOADGEN_EPOLLRDHUP = EPOLLRDHUP;
const uint32_t LOADGEN_EPOLLEXCLUSIVE = EPOLLEXCLUSIVE;
const int LOADGEN_EPOLL_CTL_ADD = EPOLL_CTL_ADD;
const int LOADGEN_EPOLL_CTL_MOD = EPOLL_CTL_MOD;
const int LOADGEN_EPOLL_CTL_DEL = EPOLL_CTL_DEL;

// 0 = not probed yet, 1 = epoll_pwait2 works, 2 = the kernel lacks it. A benign race: every thread that
// probes finds the same answer.
static _Atomic int pwait2_state = 0;

int loadgen_has_epoll_pwait2(void) {
#ifdef SYS_epoll_pwait2
    int state = atomic_load_explicit(&pwait2_state, memory_order_relaxed);
    if (state == 0) {
        int epfd = epoll_create1(EPOLL_CLOEXEC);
        if (epfd < 0) return 0;
        struct epoll_event event;
        struct timespec zero = {0, 0};
        long result = syscall(SYS_epoll_pwait2, epfd, &event, 1, &zero, NULL, 0);
        state = (result < 0 && errno == ENOSYS) ? 2 : 1;
        close(epfd);
        atomic_store_explicit(&pwait2_state, state, memory_order_relaxed);
    }
    return state == 1;
#else
    return 0;
#endif
}

int loadgen_epoll_wait_ns(int epfd, struct epoll_event *events, int max_events, int64_t timeout_ns) {
    if (timeout_ns < 0) return epoll_wait(epfd, events, max_events, -1);
#ifdef SYS_epoll_pwait2
    if (loadgen_has_epoll_pwait2()) {
        struct timespec timeout = {(time_t)(timeout_ns / 1000000000), (long)(timeout_ns % 1000000000)};
        return (int)syscall(SYS_epoll_pwait2, epfd, events, max_events, &timeout, NULL, 0);
    }
#endif
    int64_t milliseconds = (timeout_ns + 999999) / 1000000;
    if (milliseconds > 2000000000) milliseconds = 2000000000;
    return epoll_wait(epfd, events, max_events, (int)milliseconds);
}

int loadgen_set_timer_slack(unsigned long nanoseconds) {
    return prctl(PR_SET_TIMERSLACK, nanoseconds, 0, 0, 0);
}

int loadgen_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.events = events;
    event.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &event);
}

int loadgen_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int loadgen_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

int loadgen_tcp_socket(void) { return socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0); }

int loadgen_accept(int listen_fd) { return accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC); }

#else

/// Makes `fd` non-blocking, close-on-exec and free of SIGPIPE, in three calls where Linux takes one flag; on
/// failure closes it and returns -1 with errno.
static int loadgen_prepare_socket(int fd) {
    if (fd < 0) return -1;
    int one = 1;
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0 || fcntl(fd, F_SETFD, FD_CLOEXEC) != 0
#if defined(SO_NOSIGPIPE)
        || setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one) != 0
#endif
    ) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    (void)one;
    return fd;
}

int loadgen_tcp_socket(void) { return loadgen_prepare_socket(socket(AF_INET, SOCK_STREAM, 0)); }

int loadgen_accept(int listen_fd) { return loadgen_prepare_socket(accept(listen_fd, NULL, NULL)); }

#endif

int loadgen_set_nodelay(int fd) {
    int one = 1;
    return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

int loadgen_set_linger_zero(int fd) {
    struct linger linger = {1, 0};
    return setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
}

int loadgen_set_reuseaddr(int fd) {
    int one = 1;
    return setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
}

int loadgen_socket_error(int fd) {
    int error = 0;
    socklen_t length = sizeof error;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0) return errno;
    return error;
}

int loadgen_bound_port(int fd) {
    struct sockaddr_in address;
    socklen_t length = sizeof address;
    if (getsockname(fd, (struct sockaddr *)&address, &length) != 0) return -1;
    return ntohs(address.sin_port);
}

int loadgen_connect_ipv4(int fd, uint32_t address, uint16_t port) {
    struct sockaddr_in target;
    memset(&target, 0, sizeof target);
    target.sin_family = AF_INET;
#if defined(__APPLE__)
    target.sin_len = sizeof target;
#endif
    target.sin_port = htons(port);
    target.sin_addr.s_addr = address;
    return connect(fd, (struct sockaddr *)&target, sizeof target);
}

int loadgen_bind_listen_ipv4(int fd, uint32_t address, uint16_t port, int backlog) {
    struct sockaddr_in local;
    memset(&local, 0, sizeof local);
    local.sin_family = AF_INET;
#if defined(__APPLE__)
    local.sin_len = sizeof local;
#endif
    local.sin_port = htons(port);
    local.sin_addr.s_addr = address;
    if (bind(fd, (struct sockaddr *)&local, sizeof local) != 0) return -1;
    return listen(fd, backlog);
}

long loadgen_find_head_end(const uint8_t *bytes, size_t count) {
    const uint8_t *found = memmem(bytes, count, "\r\n\r\n", 4);
    return found ? (long)(found - bytes) + 4 : -1;
}
