// Whether CMemProbe is compiled for a sanitizer build. Private to CMemProbe.
//
// `swift build --sanitize=address|thread` passes -fsanitize= to C targets too. AddressSanitizer's and
// ThreadSanitizer's runtimes replace malloc, free and the rest with their own allocator; the interposer of
// AllocationCounter.c would take those calls away from them (glibc's __libc_* underneath), and memory from
// one allocator would reach the other (the test process died with SIGSEGV under TSan). So in such a build
// the interposer and glibc's heap calls are compiled out and memprobe_counter_state() says why.
#ifndef MEMPROBE_SANITIZER_H
#define MEMPROBE_SANITIZER_H

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define MEMPROBE_SANITIZER_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define MEMPROBE_SANITIZER_BUILD 1
#endif
#endif

#endif
