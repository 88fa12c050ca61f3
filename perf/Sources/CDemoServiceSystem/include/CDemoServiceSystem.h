// The Linux calls the demo service needs that the Swift Glibc module does not expose.
#ifndef C_DEMO_SERVICE_SYSTEM_H
#define C_DEMO_SERVICE_SYSTEM_H

#include <stddef.h>
#if defined(__linux__)
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif

/// accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC): -1 with errno set on failure.
int cds_accept_nonblocking(int listener);

/// Fills `count` bytes from the kernel's random source (getrandom); returns 0, or -1 with errno set.
int cds_fill_random(void *buffer, size_t count);

#endif
