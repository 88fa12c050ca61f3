/// What `heaptrack_print` says about a heap profile: its totals, and the backtraces under the two rankings
/// that name allocation sites (peak memory and number of calls).
///
/// Read it with ``init(heaptrackPrint:)`` from the text of `heaptrack_print -f FILE` (any `-n`/`-s`);
/// ``HeapSummary`` turns it into the top allocation sites.
public struct HeapProfile: Sendable, Equatable {
    /// The totals at the end of `heaptrack_print`'s output, as it wrote them (`2.01M`, `293330`); `nil` for a
    /// line it did not print.
    public struct Totals: Sendable, Equatable {
        /// The peak heap, e.g. `2.01M`.
        public var peakHeap: String?
        /// The peak resident set size, heaptrack's own overhead included.
        public var peakRSS: String?
        /// How many times an allocation function was called.
        public var allocationCalls: Int?
        /// Those calls per second of the run.
        public var allocationCallsPerSecond: Int?
        /// How many allocations were freed right after being made.
        public var temporaryAllocations: Int?
        /// What was still allocated when the program exited, e.g. `11.07K`.
        public var leaked: String?
        /// The run's length in seconds as written, e.g. `1.45`.
        public var runtimeSeconds: String?

        /// Totals with nothing known.
        public init() {}
    }

    /// The ranking an entry comes from.
    public enum Ranking: Sendable, Equatable, CaseIterable {
        /// `PEAK MEMORY CONSUMERS`: backtraces by the memory they held at the peak.
        case peakMemory
        /// `MOST CALLS TO ALLOCATION FUNCTIONS`: backtraces by how often they allocated.
        case calls
    }

    /// One frame of a backtrace: the function as heaptrack names it (mangled for Swift) and its `file:line`,
    /// empty when heaptrack knows none.
    public struct Frame: Sendable, Equatable {
        /// The function, e.g. `$s11DemoService13StoredMessageC14replacePayload4withySRys5UInt8VG_tF`.
        public var function: String
        /// Where, e.g. `/work/perf/Sources/DemoService/StoredMessage.swift:19`, or empty.
        public var location: String

        /// A frame.
        public init(function: String, location: String) {
            self.function = function
            self.location = location
        }
    }

    /// One backtrace under a ranking, allocator first, `main` last.
    public struct Entry: Sendable, Equatable {
        /// The ranking it was listed under.
        public var ranking: Ranking
        /// The memory it held at the peak, in bytes (from heaptrack's rounded `1.19M`).
        public var peakBytes: Double
        /// How many allocation calls it made.
        public var calls: Int
        /// The frames, innermost first.
        public var frames: [Frame]

        /// An entry.
        public init(ranking: Ranking, peakBytes: Double, calls: Int, frames: [Frame]) {
            self.ranking = ranking
            self.peakBytes = peakBytes
            self.calls = calls
            self.frames = frames
        }
    }

    /// The totals.
    public var totals: Totals
    /// The backtraces of both rankings, in the order printed.
    public var entries: [Entry]

    /// A profile from parts.
    public init(totals: Totals, entries: [Entry]) {
        self.totals = totals
        self.entries = entries
    }
}
