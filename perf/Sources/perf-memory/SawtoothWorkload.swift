import PerfSupport

/// Grows then frees: every iteration adds a record to a batch; every `period` iterations the batch is
/// flushed (encoded, then emptied and its storage released). Memory climbs steadily within each tooth,
/// which a check that only looks at growth over a window calls a leak.
final class SawtoothWorkload: MemoryWorkload {
    struct Record {
        var id: Int
        var name: String
        var values: [Int]
    }

    /// Iterations between flushes: not a multiple of any sampling interval, so samples fall anywhere on a tooth.
    static let period = 3700

    /// Where the first tooth starts (the seed picks it), so that different seeds sample different phases.
    private let phase: Int

    private var batch: [Record] = []
    private(set) var flushes = 0
    private(set) var flushedBytes = 0

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        phase = random.next(below: Self.period)
    }

    func iteration(_ index: Int) {
        batch.append(Record(id: index, name: "record-\(index)", values: [index, index &* 2, index &* 3]))
        if (index + phase) % Self.period == Self.period - 1 { flush() }
    }

    var status: String {
        "\(flushes) flushes, one every \(Self.period) records (\(flushedBytes) bytes encoded), \(batch.count) pending"
    }

    private func flush() {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(batch.count * 32)
        for record in batch {
            encoded.append(contentsOf: record.name.utf8)
            for value in record.values { encoded.append(UInt8(truncatingIfNeeded: value)) }
        }
        flushedBytes &+= encoded.count
        flushes += 1
        batch = []
    }
}
