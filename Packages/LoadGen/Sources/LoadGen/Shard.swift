import PerfSupport

/// One part of a load split over several processes or hosts: shard `index` of `count` (0-based).
///
/// Every total of the scenario is split exactly: connections, the count, the rate and every stage's level.
/// An integer total *T* gives shard *i* ⌊*T*/*N*⌋ plus one when *i* < *T* mod *N*, so the shares differ by one at
/// most, add up to *T*, and none is zero unless *T* < *N* (then shards *T* … *N* − 1 get zero). A rate with a
/// fraction splits its whole part so and adds the fraction to the first shard with the smaller share.
///
/// ```swift
/// let shard = try Shard(parsing: "1/4")
/// shard.share(of: 10)            // 3 (the shares are 3, 3, 2, 2)
/// shard.share(ofRate: 20_000.5)  // 5000
/// ```
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// The most shards of one run.
    public static let maximumCount = 4096

    /// This shard's position, 0 ..< `count`.
    public var index: Int
    /// How many shards the run has.
    public var count: Int

    /// Shard `index` of `count`.
    /// - Throws: `LoadGenError.invalidField` (field `shard`) unless 0 ≤ `index` < `count` ≤ `maximumCount`.
    public init(index: Int, count: Int) throws(LoadGenError) {
        guard (1...Shard.maximumCount).contains(count) else {
            throw .invalidField(
                field: "shard", reason: "the shard count must be in 1...\(Shard.maximumCount), got \(count)", file: nil)
        }
        guard (0..<count).contains(index) else {
            throw .invalidField(
                field: "shard", reason: "the index must be in 0...\(count - 1) (0-based), got \(index)", file: nil)
        }
        self.index = index
        self.count = count
    }

    /// Reads `I/N`, e.g. `0/4`.
    /// - Throws: `LoadGenError.invalidField` (field `shard`) for any other text or an index out of range.
    public init(parsing text: String) throws(LoadGenError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw .invalidField(
                field: "shard", reason: "expected I/N with 0 ≤ I < N (e.g. 0/4), got \"\(text)\"", file: nil)
        }
        try self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// This shard's share of an integer total: ⌊`total`/N⌋, plus one for the first `total` mod N shards.
    public func share(of total: Int) -> Int {
        total / count + (index < total % count ? 1 : 0)
    }

    /// This shard's share of a rate: the whole part split as `share(of:)`, the fraction added to shard
    /// ⌊`rate`⌋ mod N (the first with the smaller share). Rates above 2⁵³ are not split exactly.
    public func share(ofRate rate: Double) -> Double {
        let whole = rate.rounded(.down)
        guard whole < 9e15 else { return rate / Double(count) }
        let units = Int(whole)
        let fraction = rate - whole
        return Double(share(of: units)) + (index == units % count ? fraction : 0)
    }

    /// The share of `configuration` this shard runs: connections (and a closed model's connection stages),
    /// the count, the rate and every stage's level split; threads, requests and times unchanged.
    /// - Throws: `LoadGenError.invalidField` naming the field whose share would leave this shard without load
    ///   (fewer connections, a lower rate or count, or stages whose levels are all below N).
    public func apply(to configuration: LoadConfiguration) throws(LoadGenError) -> LoadConfiguration {
        func tooSmall(_ field: String, _ total: String) -> LoadGenError {
            .invalidField(
                field: field,
                reason: "\(total) split into \(count) shards leaves shard \(index) without load; "
                    + "use at most \(total) shards or raise it", file: nil)
        }
        var shared = configuration
        shared.connections = share(of: configuration.connections)
        guard shared.connections > 0 else { throw tooSmall("connections", "\(configuration.connections)") }
        if let total = configuration.count {
            shared.count = share(of: total)
            guard shared.count ?? 0 > 0 else { throw tooSmall("count", "\(total)") }
        }
        if let rate = configuration.rate {
            shared.rate = share(ofRate: rate)
            guard shared.rate ?? 0 > 0 else { throw tooSmall("rate", NumberText.plain(rate)) }
        }
        shared.stages = configuration.stages.map { stage in
            var part = stage
            if let rate = stage.rate { part.rate = share(ofRate: rate) }
            if let connections = stage.connections { part.connections = share(of: connections) }
            return part
        }
        if !shared.stages.isEmpty, !shared.stages.contains(where: { $0.level > 0 }) {
            let highest = configuration.stages.map(\.level).max() ?? 0
            throw tooSmall("stages", "the highest stage level \(NumberText.plain(highest))")
        }
        return shared
    }
}
