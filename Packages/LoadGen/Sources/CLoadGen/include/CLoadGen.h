#ifndef CLOADGEN_H
#define CLOADGEN_H

// The Linux calls LoadGen needs that Swift's Glibc module does not export: epoll, eventfd, timer slack,
// TCP options and process spawning helpers. Everything here is a thin, allocation-free wrapper.
//
// The epoll, eventfd and timer-slack part exists on Linux only (`#if defined(__linux__)` below): LoadGen's
// engine is Linux-only. The socket helpers build everywhere (macOS too), for the code that shares them.

#include <stdint.h>
#include <sys/types.h>
#if defined(__linux__)
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif
#include <sys/socket.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#if defined(__linux__)
/// Waits for events with a nanosecond timeout (`epoll_pwait2`); a negative timeout waits forever.
/// Falls back to `epoll_wait` with the timeout rounded up to whole milliseconds on kernels before 5.11.
int loadgen_epoll_wait_ns(int epfd, struct epoll_event *events, int max_events, int64_t timeout_ns);

/// Whether `loadgen_epoll_wait_ns` has microsecond resolution here (the kernel has `epoll_pwait2`).
int loadgen_has_epoll_pwait2(void);

/// Sets the calling thread's timer slack to `nanoseconds` (the default 50 µs would blur pacing).
int loadgen_set_timer_slack(unsigned long nanoseconds);

/// Registers, modifies or removes `fd` in `epfd` with `events`, tagging events with `data`.
int loadgen_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data);

/// The events bits and the tag of the `index`-th entry of an array of `struct epoll_event`
/// (the struct is packed on x86_64, so Swift reads it through these).
static inline uint32_t loadgen_event_bits(const struct epoll_event *events, int index) {
    return events[index].events;
}
static inline uint64_t loadgen_event_data(const struct epoll_event *events, int index) {
    return events[index].data.u64;
}
#endif

/// The flags of every send: MSG_NOSIGNAL where it exists (Linux). Darwin has no such flag; there the sockets
/// that `loadgen_tcp_socket` and `loadgen_accept` make carry SO_NOSIGPIPE instead.
#if defined(MSG_NOSIGNAL)
#define LOADGEN_SEND_FLAGS MSG_NOSIGNAL
#else
#define LOADGEN_SEND_FLAGS 0
#endif

/// Sends the `count` buffers of `vectors` without SIGPIPE when the peer is gone (`LOADGEN_SEND_FLAGS`).
static inline ssize_t loadgen_send_vectors(int fd, struct iovec *vectors, int count) {
    struct msghdr message = {0};
    message.msg_iov = vectors;
    message.msg_iovlen = (size_t)count;
    return sendmsg(fd, &message, LOADGEN_SEND_FLAGS);
}

/// Sends bytes without SIGPIPE (`LOADGEN_SEND_FLAGS`).
static inline ssize_t loadgen_send(int fd, const void *bytes, size_t count) {
    return send(fd, bytes, count, LOADGEN_SEND_FLAGS);
}

/// Sets TCP_NODELAY on a TCP socket.
int loadgen_set_nodelay(int fd);

/// Sets SO_LINGER to zero so that `close` sends a reset instead of a FIN.
int loadgen_set_linger_zero(int fd);

/// Sets SO_REUSEADDR.
int loadgen_set_reuseaddr(int fd);

/// The pending error of a socket (SO_ERROR), or errno when it cannot be read.
int loadgen_socket_error(int fd);

/// The port a bound socket listens on, or -1.
int loadgen_bound_port(int fd);

/// Connects a non-blocking socket to an IPv4 address (`address` in network byte order). Returns 0, or -1
/// with errno (EINPROGRESS while the connection is being made).
int loadgen_connect_ipv4(int fd, uint32_t address, uint16_t port);

/// Binds a socket to an IPv4 address (`address` in network byte order) and listens.
int loadgen_bind_listen_ipv4(int fd, uint32_t address, uint16_t port, int backlog);

/// The offset just past the first CRLFCRLF in `bytes`, or -1.
long loadgen_find_head_end(const uint8_t *bytes, size_t count);

#if defined(__linux__)
/// Constants whose Swift import is awkward (macros built from enums).
extern const uint32_t LOADGEN_EPOLLIN;
extern const uint32_t LOADGEN_EPOLLOUT;
extern const uint32_t LOADGEN_EPOLLERR;
extern const uint32_t LOADGEN_EPOLLHUP;
extern const uint32_t LOADGEN_EPOLLRDHUP;
extern const uint32_t LOADGEN_EPOLLEXCLUSIVE;
extern const int LOADGEN_EPOLL_CTL_ADD;
extern const int LOADGEN_EPOLL_CTL_MOD;
extern const int LOADGEN_EPOLL_CTL_DEL;

/// Creates an epoll instance (close-on-exec).
int loadgen_epoll_create(void);

/// Creates a non-blocking, close-on-exec eventfd.
int loadgen_eventfd(void);
#endif

/// Creates a non-blocking, close-on-exec TCP socket (with SO_NOSIGPIPE on Darwin).
int loadgen_tcp_socket(void);

/// Accepts a connection as a non-blocking, close-on-exec socket (with SO_NOSIGPIPE on Darwin), or -1 with
/// errno.
int loadgen_accept(int listen_fd);

#endif
