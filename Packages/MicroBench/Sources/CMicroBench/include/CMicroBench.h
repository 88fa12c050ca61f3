#ifndef CMICROBENCH_H
#define CMICROBENCH_H

#include "CallgrindRequests.h"

/// Tells the compiler that the memory at `pointer` is read, and may be written, by code it cannot see.
///
/// An empty inline-assembly statement that takes the pointer as an input and clobbers memory: the
/// value behind it must be materialized before this point and reloaded after it. It emits no
/// instruction, so it costs nothing beyond keeping the value in memory. Swift inlines it, because
/// it is `static inline` in a header.
static inline __attribute__((always_inline)) void microbench_escape(const void *pointer) {
#if defined(__GNUC__) || defined(__clang__)
    __asm__ __volatile__("" : : "r"(pointer) : "memory");
#else
    static const void *volatile sink;
    sink = pointer;
#endif
}

/// `microbench_escape` behind a real call. SwiftPM needs a source file in every C target; this
/// out-of-line copy is that file's content.
void microbench_escape_call(const void *pointer);

#endif
