public import PerfResult
public import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Logical and physical bytes read and written, and read and write system calls, of each window, from Linux's
/// `/proc/self/io` (every thread) or `/proc/thread-self/io` (the calling thread).
///
/// Per operation: `bytesReadPerOp` (`rchar`) and `bytesWrittenPerOp` (`wchar`), every byte through the read and
/// write family on files, pipes, sockets and terminals; `readSyscallsPerOp` (`syscr`) and `writeSyscallsPerOp`
/// (`syscw`), those calls; `storageBytesReadPerOp` (`read_bytes`) and `storageBytesWrittenPerOp`
/// (`write_bytes`), what reached storage (0 on tmpfs and on many container overlay mounts; writes count when they
/// are dirtied, not when they are flushed).
///
/// The probe's own read at `start()` is counted by the kernel after it produced the text, so the window would hold
/// one read call and the file's length in bytes more than the work did: the probe subtracts exactly those. Its read
/// at `stop()` is not counted (the text is produced before the call is). So an empty window reads 0.
///
/// `start()` and `stop()` make one `pread` each (plus an `open` when the thread changed, with `.currentThread`),
/// and allocate nothing. Unavailable outside Linux.
public final class ProcessIOProbe: Probe {
    /// `io`.
    public let name = "io"
    /// Whose counters a window counts.
    public let scope: UsageScope
    /// Available on Linux when the file can be read and parsed.
    public let availability: ProbeAvailability
    private let file: ProcFile?
    private var owner: pthread_t
    private var begin = ProcIOCounters()
    private var end = ProcIOCounters()
    /// Whether both edges of the last window were read; a failed read leaves the window without metrics.
    private var windowRead = false

    /// A probe of `scope`'s I/O counters.
    public init(scope: UsageScope = .allThreads) {
        self.scope = scope
        owner = pthread_self()
        #if os(Linux)
        let file = ProcFile(path: scope == .allThreads ? "/proc/self/io" : "/proc/thread-self/io", capacity: 512)
        self.file = file
        if let code = file.openError {
            availability = .unavailable(reason: "cannot open \(file.path): \(SystemError.text(for: code))")
        } else if file.read().flatMap(ProcIOCounters.init(bytes:)) == nil {
            availability = .unavailable(
                reason: "\(file.path) holds no I/O counters: the kernel lacks CONFIG_TASK_IO_ACCOUNTING")
        } else {
            availability = .available
        }
        #else
        file = nil
        availability = .unavailable(reason: "needs Linux (/proc/self/io)")
        #endif
    }

    /// Reads the counters (one `pread`), less the read's own call and bytes. Does not allocate.
    public func start() {
        guard let file, availability == .available else { return }
        if scope == .currentThread && pthread_equal(owner, pthread_self()) == 0 {
            owner = pthread_self()
            file.reopen()
        }
        windowRead = false
        guard let bytes = file.read(), var counters = ProcIOCounters(bytes: bytes) else { return }
        // The kernel counts this read after producing its text: one call and `bytes.count` bytes that are ours.
        counters.readCalls &+= 1
        counters.bytesRead &+= UInt64(bytes.count)
        begin = counters
        end = counters
        windowRead = true
    }

    /// Reads the counters (one `pread`, not itself counted). Does not allocate.
    public func stop() {
        guard let file, availability == .available else { return }
        guard windowRead, let bytes = file.read(), let counters = ProcIOCounters(bytes: bytes) else {
            windowRead = false
            return
        }
        end = counters
    }

    /// The last window's counts.
    public var lastWindow: ProcIOCounters { end - begin }

    /// The six I/O metrics of the last window, per operation; empty when unavailable or when a read of the window
    /// failed.
    /// - Precondition: `operations > 0`.
    public func metrics(operations: Int) -> [Metric] {
        precondition(operations > 0, "ProcessIOProbe.metrics(operations:) needs a positive operation count")
        guard availability == .available, windowRead else { return [] }
        let window = lastWindow
        let perOp = { (count: UInt64) in Double(count) / Double(operations) }
        return [
            .bytesReadPerOp(perOp(window.bytesRead)), .bytesWrittenPerOp(perOp(window.bytesWritten)),
            .readSyscallsPerOp(perOp(window.readCalls)), .writeSyscallsPerOp(perOp(window.writeCalls)),
            .storageBytesReadPerOp(perOp(window.storageBytesRead)),
            .storageBytesWrittenPerOp(perOp(window.storageBytesWritten)),
        ]
    }
}
