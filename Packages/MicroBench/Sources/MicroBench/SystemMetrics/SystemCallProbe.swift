public import PerfResult

/// Every system call of a window (`syscallsPerOp`): always unavailable, with the reason.
///
/// Linux keeps no per-process count of all system calls that a process may read without privileges: counting
/// them needs `perf_event_open` on the `raw_syscalls:sys_enter` tracepoint, which takes root or CAP_PERFMON (or
/// `kernel.perf_event_paranoid` at -1) and the tracepoint's id from tracefs. MicroBench does not open perf events,
/// so it reports this probe unavailable rather than a zero. What it can count without privileges it does:
/// `--metrics io` gives the read and write calls (`readSyscallsPerOp`, `writeSyscallsPerOp`).
public final class SystemCallProbe: Probe {
    /// `syscalls`.
    public let name = "syscalls"
    /// Always unavailable; the reason says why and what counts part of it.
    public let availability: ProbeAvailability

    /// The probe, with the reason for this platform.
    public init() {
        #if os(Linux)
        availability = .unavailable(
            reason: "counting every system call needs perf_event_open on the raw_syscalls:sys_enter tracepoint "
                + "(root or CAP_PERFMON, tracefs mounted), which MicroBench does not use; --metrics io counts read "
                + "and write calls (readSyscallsPerOp, writeSyscallsPerOp)")
        #else
        availability = .unavailable(reason: "needs Linux (perf_event_open on raw_syscalls:sys_enter)")
        #endif
    }

    /// Does nothing.
    public func start() {}
    /// Does nothing.
    public func stop() {}
    /// Empty: the probe is unavailable.
    public func metrics(operations: Int) -> [Metric] { [] }
}
