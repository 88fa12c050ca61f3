#ifndef CMICROBENCH_CALLGRIND_REQUESTS_H
#define CMICROBENCH_CALLGRIND_REQUESTS_H

// Valgrind client requests for callgrind, written out here so that building needs no valgrind headers.
//
// A client request is a "special instruction preamble" (rotations of one register by 128 bits in total,
// which leave it unchanged) followed by a marker instruction that is a no-op on a real CPU. Valgrind's
// instruction decoder recognizes the sequence and runs the request; natively the sequence costs a few
// instructions and returns the default value. The sequences and numbers are those of valgrind.h and
// callgrind.h (valgrind 3.x, a stable ABI): requests of tool ('C','T') start at 0x43540000.
//
// Only x86-64 and AArch64 on Linux issue requests; elsewhere every function returns 0 and does nothing.

#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))
#define MICROBENCH_CLIENT_REQUESTS 1
#endif

/// `VG_USERREQ__RUNNING_ON_VALGRIND`.
#define MICROBENCH_VG_RUNNING_ON_VALGRIND 0x1001UL
/// `VG_USERREQ_TOOL_BASE('C','T')`, callgrind's first request (`DUMP_STATS`).
#define MICROBENCH_VG_CALLGRIND_BASE 0x43540000UL
/// `VG_USERREQ__TOGGLE_COLLECT`.
#define MICROBENCH_VG_CALLGRIND_TOGGLE_COLLECT (MICROBENCH_VG_CALLGRIND_BASE + 2)
/// `VG_USERREQ__DUMP_STATS_AT`.
#define MICROBENCH_VG_CALLGRIND_DUMP_STATS_AT (MICROBENCH_VG_CALLGRIND_BASE + 3)

/// Issues client request `request` with one argument; returns valgrind's answer, or `fallback` natively.
static inline __attribute__((always_inline)) unsigned long microbench_client_request(
    unsigned long fallback, unsigned long request, unsigned long argument) {
#if defined(MICROBENCH_CLIENT_REQUESTS)
    volatile unsigned long arguments[6];
    volatile unsigned long result;
    arguments[0] = request;
    arguments[1] = argument;
    arguments[2] = 0;
    arguments[3] = 0;
    arguments[4] = 0;
    arguments[5] = 0;
#if defined(__x86_64__)
    __asm__ volatile("rolq $3,  %%rdi ; rolq $13, %%rdi\n\t"
                     "rolq $61, %%rdi ; rolq $51, %%rdi\n\t"
                     "xchgq %%rbx,%%rbx"
                     : "=d"(result)
                     : "a"(&arguments[0]), "0"(fallback)
                     : "cc", "memory");
#else
    __asm__ volatile("mov x3, %1\n\t"
                     "mov x4, %2\n\t"
                     "ror x12, x12, #3  ;  ror x12, x12, #13 \n\t"
                     "ror x12, x12, #51 ;  ror x12, x12, #61 \n\t"
                     "orr x10, x10, x10\n\t"
                     "mov %0, x3"
                     : "=r"(result)
                     : "r"(fallback), "r"(&arguments[0])
                     : "cc", "memory", "x3", "x4");
#endif
    return result;
#else
    (void)request;
    (void)argument;
    return fallback;
#endif
}

/// The number of valgrinds the process runs under: 0 natively, 1 under valgrind.
static inline __attribute__((always_inline)) unsigned long microbench_running_on_valgrind(void) {
    return microbench_client_request(0, MICROBENCH_VG_RUNNING_ON_VALGRIND, 0);
}

/// Switches callgrind's event collection on when it is off, off when it is on (`CALLGRIND_TOGGLE_COLLECT`).
static inline __attribute__((always_inline)) void microbench_callgrind_toggle_collect(void) {
    (void)microbench_client_request(0, MICROBENCH_VG_CALLGRIND_TOGGLE_COLLECT, 0);
}

/// Writes the costs collected since the last dump as one part of callgrind's output, described as
/// `Trigger: Client Request: <label>`, and zeroes them (`CALLGRIND_DUMP_STATS_AT`).
static inline __attribute__((always_inline)) void microbench_callgrind_dump_stats_at(const char *label) {
    (void)microbench_client_request(0, MICROBENCH_VG_CALLGRIND_DUMP_STATS_AT, (unsigned long)label);
}

#endif
