/// The hot-path twin of `LatencyHistogram`: the same layout in memory that one worker thread owns,
/// with no copy-on-write or exclusivity checks per record, and the touched range tracked so that
/// resets and merges cost only what was used.
///
/// Not `Sendable`: a recorder lives and dies on its worker thread (`deallocate()` at the end);
/// `snapshot()` hands its contents out as a value.
struct HistogramRecorder {
    private let counts: UnsafeMutablePointer<UInt64>
    private(set) var totalCount: UInt64 = 0
    private var sum: UInt64 = 0
    private var minValue: UInt64 = .max
    private var maxValue: UInt64 = 0
    private var lowIndex = Int.max
    private var highIndex = -1

    static func allocate() -> HistogramRecorder {
        let counts = UnsafeMutablePointer<UInt64>.allocate(capacity: Layout.countsLength)
        counts.initialize(repeating: 0, count: Layout.countsLength)
        return HistogramRecorder(counts: counts)
    }

    private init(counts: UnsafeMutablePointer<UInt64>) {
        self.counts = counts
    }

    func deallocate() {
        counts.deallocate()
    }

    /// Records one value; `false` when it is out of range (nothing is recorded).
    @inline(__always)
    mutating func record(_ value: UInt64) -> Bool {
        guard value <= Layout.highestTrackable else { return false }
        let index = Layout.index(of: value)
        counts[index] &+= 1
        totalCount &+= 1
        sum &+= value
        if value < minValue { minValue = value }
        if value > maxValue { maxValue = value }
        if index < lowIndex { lowIndex = index }
        if index > highIndex { highIndex = index }
        return true
    }

    /// The contents as a `LatencyHistogram`.
    func snapshot() -> LatencyHistogram {
        var histogram = LatencyHistogram()
        merge(into: &histogram)
        return histogram
    }

    /// Adds the contents to `histogram`, touching only the used range.
    func merge(into histogram: inout LatencyHistogram) {
        guard totalCount > 0 else { return }
        for index in lowIndex...highIndex where counts[index] != 0 {
            histogram.addBucket(index, count: counts[index])
        }
        histogram.addSummary(count: totalCount, sum: sum, min: minValue, max: maxValue)
    }

    /// Empties the recorder, touching only the used range.
    mutating func reset() {
        if totalCount > 0 {
            (counts + lowIndex).update(repeating: 0, count: highIndex - lowIndex + 1)
        }
        totalCount = 0
        sum = 0
        minValue = .max
        maxValue = 0
        lowIndex = .max
        highIndex = -1
    }
}

extension LatencyHistogram {
    /// Adds `count` to bucket `index` without touching the summary (see `addSummary`).
    mutating func addBucket(_ index: Int, count: UInt64) {
        counts[index] &+= count
    }

    /// Adds the summary of values whose buckets were added with `addBucket`.
    mutating func addSummary(count: UInt64, sum: UInt64, min: UInt64, max: UInt64) {
        guard count > 0 else { return }
        minValue = totalCount == 0 ? min : Swift.min(minValue, min)
        maxValue = Swift.max(maxValue, max)
        totalCount &+= count
        self.sum &+= sum
    }
}
