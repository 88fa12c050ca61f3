#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One reading of a process by its id, from `/proc/PID/stat`, `/proc/PID/status`, `/proc/PID/fd` and each
/// thread's `/proc/PID/task/TID/status` (Linux; elsewhere `read(pid:)` finds nothing). A field is `nil` when its
/// file could not be read or parsed: a sample never holds a made-up number.
public struct ProcessSample: Sendable, Hashable {
    /// When the sample was taken, on the monotonic clock (for rates between samples).
    public var monotonicNs: UInt64
    /// When the sample was taken, in nanoseconds since the Unix epoch (to line samples up with a run's window).
    public var epochNs: Int64
    /// `VmRSS`: resident set size in bytes.
    public var residentBytes: Int?
    /// CPU time used so far, user plus system (`utime + stime`), in nanoseconds; clock-tick resolution (10 ms).
    public var cpuNs: UInt64?
    /// Threads of the process.
    public var threads: Int?
    /// Open file descriptors (entries of `/proc/PID/fd`); `nil` when the directory cannot be read.
    public var openFiles: Int?
    /// Voluntary context switches so far, summed over its running threads (they waited); a thread that
    /// ended takes its count with it, so a rate over a thread-per-request server's samples is a lower bound.
    public var voluntaryContextSwitches: Int?
    /// Involuntary context switches so far, summed over its threads (the scheduler preempted them).
    public var involuntaryContextSwitches: Int?

    /// Creates a sample from its fields (for tests and series built elsewhere).
    public init(
        monotonicNs: UInt64, epochNs: Int64, residentBytes: Int? = nil, cpuNs: UInt64? = nil, threads: Int? = nil,
        openFiles: Int? = nil, voluntaryContextSwitches: Int? = nil, involuntaryContextSwitches: Int? = nil
    ) {
        self.monotonicNs = monotonicNs
        self.epochNs = epochNs
        self.residentBytes = residentBytes
        self.cpuNs = cpuNs
        self.threads = threads
        self.openFiles = openFiles
        self.voluntaryContextSwitches = voluntaryContextSwitches
        self.involuntaryContextSwitches = involuntaryContextSwitches
    }

    /// Reads the process `pid` now; `nil` when it does not exist, has exited (a zombie waiting for its parent
    /// counts as exited) or `/proc` is not there (not Linux).
    /// - Complexity: three file reads, two directory listings and one file read per thread (context switches
    ///   are counted per thread); tens of µs for a few threads. Not for a hot path.
    public static func read(pid: Int32) -> ProcessSample? {
        #if os(Linux)
        let monotonic = MonotonicClock.now()
        let epoch = WallClock.nanosecondsSinceEpoch()
        guard let stat = readText("/proc/\(pid)/stat", capacity: 1024, ProcText.stat(buffer:)) ?? nil,
            !stat.hasExited
        else { return nil }
        let status = readText("/proc/\(pid)/status", capacity: 8192, ProcText.status(buffer:))
        let switches = contextSwitches(pid)
        let ticks = UInt64(clamping: stat.userTicks + stat.systemTicks)
        let ticksPerSecond = UInt64(max(1, sysconf(Int32(_SC_CLK_TCK))))
        return ProcessSample(
            monotonicNs: monotonic, epochNs: epoch, residentBytes: status?.residentBytes,
            cpuNs: ticks.multipliedReportingOverflow(by: 1_000_000_000 / ticksPerSecond).partialValue,
            threads: status?.threads ?? stat.threads, openFiles: countEntries("/proc/\(pid)/fd"),
            voluntaryContextSwitches: switches?.voluntary, involuntaryContextSwitches: switches?.involuntary)
        #else
        return nil
        #endif
    }

    /// Whether a process `pid` exists and has not exited (signal 0 finds it, and it is not a zombie).
    public static func isRunning(pid: Int32) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        #if os(Linux)
        return read(pid: pid) != nil
        #else
        return true
        #endif
    }

    #if os(Linux)
    /// The whole of a small `/proc` file, parsed by `parse` from a stack buffer; `nil` when it cannot be read.
    private static func readText<Parsed>(
        _ path: String, capacity: Int, _ parse: (UnsafeRawBufferPointer) -> Parsed
    ) -> Parsed? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return withUnsafeTemporaryAllocation(byteCount: capacity, alignment: 8) { buffer -> Parsed? in
            var filled = 0
            while filled < buffer.count {
                let count = readBytes(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                filled += count
            }
            guard filled > 0 else { return nil }
            return parse(UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
        }
    }

    /// The entries of a directory other than `.` and `..`; `nil` when it cannot be opened.
    private static func countEntries(_ path: String) -> Int? {
        var count = 0
        return forEachEntry(path) { _ in count += 1 } ? count : nil
    }

    /// The context switches of every thread of `pid` (`/proc/PID/status` has the main thread's only), summed
    /// over `/proc/PID/task/TID/status`; `nil` when no thread's status could be read.
    private static func contextSwitches(_ pid: Int32) -> (voluntary: Int, involuntary: Int)? {
        var voluntary = 0
        var involuntary = 0
        var read = false
        _ = forEachEntry("/proc/\(pid)/task") { name in
            guard let status = readText("/proc/\(pid)/task/\(name)/status", capacity: 8192, ProcText.status(buffer:)),
                let threadVoluntary = status.voluntaryContextSwitches,
                let threadInvoluntary = status.involuntaryContextSwitches
            else { return } // a thread that ended between the listing and the read
            voluntary &+= threadVoluntary
            involuntary &+= threadInvoluntary
            read = true
        }
        return read ? (voluntary, involuntary) : nil
    }

    /// Calls `body` with the name of each entry of a directory other than `.` and `..`; whether it could be
    /// opened.
    private static func forEachEntry(_ path: String, _ body: (String) -> Void) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { body(name) }
        }
        return true
    }
    #endif
}

#if os(Linux)
/// `read(2)`, named apart from `ProcessSample.read(pid:)`, which would shadow it inside the type.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
#endif
