public import PerfResult
import PerfSupport

/// The process's threads at the end of each window (`threads`, a figure per benchmark, not per operation),
/// from Linux's `/proc/self/stat`: it shows a benchmark that starts threads and leaves them running.
///
/// `stop()` makes one `pread` and allocates nothing; `start()` does nothing. Unavailable outside Linux.
public final class ThreadCountProbe: Probe {
    /// `threads`.
    public let name = "threads"
    /// Available on Linux when `/proc/self/stat` can be read and parsed.
    public let availability: ProbeAvailability
    private let file: ProcFile?
    private var count: Int?

    /// A probe of this process's thread count.
    public init() {
        #if os(Linux)
        let file = ProcFile(path: "/proc/self/stat", capacity: 1024)
        self.file = file
        if let code = file.openError {
            availability = .unavailable(reason: "cannot open \(file.path): \(SystemError.text(for: code))")
        } else if file.read().flatMap { ProcText.stat(buffer: $0)?.threads } == nil {
            availability = .unavailable(reason: "\(file.path) holds no thread count")
        } else {
            availability = .available
        }
        #else
        file = nil
        availability = .unavailable(reason: "needs Linux (/proc/self/stat)")
        #endif
    }

    /// Does nothing: the count is taken at the end of the window.
    public func start() {}

    /// Reads the thread count. One `pread`, no allocation.
    public func stop() {
        count = file?.read().flatMap { ProcText.stat(buffer: $0)?.threads }
    }

    /// `threads` at the end of the last window (not divided by `operations`); empty when unavailable or unread.
    public func metrics(operations: Int) -> [Metric] {
        guard availability == .available, let count else { return [] }
        return [.threads(Double(count))]
    }
}
