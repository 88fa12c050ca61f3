import PerfResult
import PerfSupport

/// A "total heap usage" line, as valgrind's memcheck prints it (`==12== total heap usage: 1,122 allocs, 1,103
/// frees, 683,975 bytes allocated`) and as `alloc-count-check` prints MemProbe's totals (`memprobe: total heap
/// usage: 1122 allocs, 1103 frees, 683975 bytes allocated`).
struct HeapUsageLine: Sendable, Equatable {
    var allocations: Double
    var frees: Double
    var bytes: Double

    /// The first such line in `text`, or `nil` when there is none.
    init?(in text: String) {
        guard let line = text.split(separator: "\n").first(where: { $0.contains("total heap usage:") }),
            let colon = line.firstRange(of: "total heap usage:")
        else { return nil }
        let numbers = line[colon.upperBound...].split(separator: ",", omittingEmptySubsequences: false)
            .joined().split(separator: " ").compactMap { Double($0) }
        guard numbers.count == 3 else { return nil }
        allocations = numbers[0]
        frees = numbers[1]
        bytes = numbers[2]
    }

    init(allocations: Double, frees: Double, bytes: Double) {
        self.allocations = allocations
        self.frees = frees
        self.bytes = bytes
    }
}
