/// A series a leak check can fit: what it measures and whether it may decide the verdict.
public enum LeakSignal: String, Sendable, Hashable, CaseIterable {
    /// Allocations minus frees, from the allocation counter: exact, so the preferred signal.
    case liveAllocations
    /// Bytes in use by malloc (`mallinfo2`): the signal when the counter is not linked or not counting.
    case heapBytes
    /// Resident set size: reported for context, never the verdict (the kernel and the allocator decide
    /// when pages come and go, so RSS moves without leaks and stays put with them).
    case residentBytes

    /// Words for messages, e.g. `live allocations`.
    public var label: String {
        switch self {
        case .liveAllocations: return "live allocations"
        case .heapBytes: return "heap bytes"
        case .residentBytes: return "resident bytes"
        }
    }

    /// The unit of the series' values, for messages.
    var unit: String {
        self == .liveAllocations ? "allocations" : "bytes"
    }

    /// The value of this signal in `sample`, if the sample has it.
    func value(in sample: MemorySample) -> Int? {
        switch self {
        case .liveAllocations: return sample.liveAllocations
        case .heapBytes: return sample.heapInUseBytes
        case .residentBytes: return sample.residentBytes
        }
    }
}
