/// The finished seconds a run keeps in memory: all of them, or only the most recent `limit`
/// (`LoadConfiguration.secondsKept`) in storage reserved once that never grows.
///
/// A second can finish in parts (a worker lagged, or retired before another published it), so the store holds
/// two things. The records in the order they finished, for the progress callback (`records(from:)`, a cursor
/// counts them): all, or the latest `limit`. And, bounded only, the series: second `s` in slot `s % limit`,
/// where a later part of `s` is added, a newer second evicts it, and a part of a second older than the slot's
/// arrives too late and is left out. Either way `evictedThrough` grows to cover it, so that every kept second
/// is whole, and the kept seconds are exactly those after it: the last `limit` seconds of the run.
struct RecentSeconds: Sendable {
    /// The most seconds kept, or `nil` for all.
    let limit: Int?
    /// Records finished so far, kept or not.
    private(set) var finished = 0
    /// The highest second evicted or left out of the bounded series; -1 while there is none.
    private(set) var evictedThrough = -1
    private var records: [SecondSample] = []
    /// Where the oldest record is in `records` once it holds `limit`.
    private var head = 0
    private var slots: [SecondSample?] = []

    /// An empty store keeping at most `limit` seconds (all with `nil`).
    /// - Precondition: `limit` is nil or at least 1.
    init(limit: Int?) {
        precondition(limit.map { $0 >= 1 } ?? true, "keep at least one second")
        self.limit = limit
        if let limit {
            records.reserveCapacity(limit)
            slots = Array(repeating: nil, count: limit)
        }
    }

    /// The seconds kept: of the series when bounded, else the records.
    var count: Int {
        limit == nil ? records.count : slots.reduce(0) { $0 + ($1.map { $0.second > evictedThrough ? 1 : 0 } ?? 0) }
    }

    /// The bytes the storage holds without growing (bounded: reserved once, for `limit` records and `limit`
    /// slots or a little more).
    var storageBytes: Int {
        records.capacity * MemoryLayout<SecondSample>.stride + slots.capacity * MemoryLayout<SecondSample?>.stride
    }

    /// Keeps the record `sample` (the oldest record goes when `limit` are kept) and, bounded, adds it to its
    /// second's slot.
    mutating func append(_ sample: SecondSample) {
        finished += 1
        guard let limit else {
            records.append(sample)
            return
        }
        if records.count < limit {
            records.append(sample)
        } else {
            records[head] = sample
            head = (head + 1) % limit
        }
        let index = sample.second % limit
        guard let held = slots[index] else {
            slots[index] = sample
            return
        }
        if held.second == sample.second {
            slots[index] = RecentSeconds.combined(held, sample)
        } else if held.second < sample.second {
            evictedThrough = max(evictedThrough, held.second)
            slots[index] = sample
        } else {
            evictedThrough = max(evictedThrough, sample.second)
        }
    }

    /// The kept records numbered `cursor` and later, in the order they finished (those already gone are
    /// skipped).
    func records(from cursor: Int) -> [SecondSample] {
        let firstKept = finished - records.count
        let start = max(cursor, firstKept)
        guard start < finished else { return [] }
        return (start..<finished).map { records[(head + $0 - firstKept) % records.count] }
    }

    /// The kept seconds, sorted and whole (the parts of a second combined), and how many seconds from the
    /// window's start are not among them.
    func series() -> (seconds: [SecondSample], dropped: Int) {
        guard limit == nil else {
            let kept = slots.compactMap { $0 }.filter { $0.second > evictedThrough }
            return (kept.sorted { $0.second < $1.second }, evictedThrough + 1)
        }
        var combined: [Int: SecondSample] = [:]
        for sample in records {
            combined[sample.second] = combined[sample.second].map { RecentSeconds.combined($0, sample) } ?? sample
        }
        return (combined.values.sorted { $0.second < $1.second }, 0)
    }

    /// Two parts of one second as one: the counts add up; the percentiles are the first part's (those of
    /// two parts cannot be combined).
    private static func combined(_ first: SecondSample, _ later: SecondSample) -> SecondSample {
        var sample = first
        sample.requests += later.requests
        sample.errors += later.errors
        sample.bytes += later.bytes
        return sample
    }
}
