public import PerfSupport

/// The settings of a coordinated run: how many shards, which run, and the bound of every wait.
public struct CoordinatorSettings: Sendable, Hashable {
    /// How many workers (shards) take part; each has a distinct index 0 ..< `workers`.
    public var workers: Int
    /// Workers of another run (another `--run-id`) are refused.
    public var runID = "loadgen"
    /// How long every worker has to connect and report ready.
    public var readyTimeout: Duration = .seconds(120)
    /// The common start is this long after the last worker is ready (it must outlast the start message's trip).
    public var startDelay: Duration = .seconds(1)
    /// The longest a run may take from its start to the last result: warmup, duration, grace and margin.
    public var runTimeout: Duration = .seconds(660)
    /// A worker that sends nothing (workers report progress every second) this long during the run is hung.
    public var silenceTimeout: Duration = .seconds(10)
    /// After an abort, how long the other workers have to send their partial results.
    public var abortGrace: Duration = .seconds(10)
    /// Whether the workers are asked for their live figures every second (`Coordinator.liveFigures()`, for
    /// `/metrics`); off, their progress carries two counts only.
    public var liveFigures = false

    /// Settings for `workers` shards with the default bounds.
    public init(workers: Int) {
        self.workers = workers
    }
}

/// What one shard sent back: its report and its clock.
public struct ShardReport: Sendable {
    /// The shard's index.
    public var index: Int
    /// The coordinator's clock minus the shard's, from the round trip of least delay (NTP's estimate).
    public var offsetNs: Int64
    /// That round trip's time: the offset is right to within half of it.
    public var rttNs: Int64
    /// The report file as the shard sent it.
    public var reportBytes: [UInt8]
    /// Its results.
    public var entries: [LoadReport.Entry]

    /// When the shard's load actually started, by the coordinator's clock.
    public var startOnCoordinatorClockNs: Int64? {
        entries.compactMap(\.result.actualStartEpochNs).min().map { $0 + offsetNs }
    }
}

/// The outcome of a coordinated run: the shards' reports and, when it was aborted, why.
public struct CoordinatedRun: Sendable {
    /// The run's id.
    public var runID: String
    /// How many shards took part.
    public var shardCount: Int
    /// The common start sent to the workers, by the coordinator's clock; `nil` when they never all got ready.
    public var startAtEpochNs: Int64?
    /// The reports received, by shard index.
    public var shards: [ShardReport]
    /// Why the run was aborted (naming the shard), or `nil`.
    public var failure: String?
    /// Problems that did not abort the run: connections refused (another run, a duplicate index, garbage).
    public var warnings: [String]

    /// Whether some shard's result is missing or cut short: such a run is reported, never gated.
    public var partial: Bool { failure != nil || shards.count < shardCount }

    /// The shards' results merged exactly (`LoadReport.merged`), in shard order.
    public var merged: [LoadReport.Entry] { LoadReport.merged(shards.map(\.entries)) }

    /// The spread of the shards' actual starts, by the coordinator's clock (each shard's own start timestamp
    /// plus its clock offset), or `nil` with fewer than two.
    public var startSkewNs: Int64? {
        let starts = shards.compactMap(\.startOnCoordinatorClockNs)
        guard starts.count >= 2, let first = starts.min(), let last = starts.max() else { return nil }
        return last - first
    }

    /// The sidecar member `distributed` of the merged report: the run, the start, the skew, each shard's clock
    /// and start, and whether (and why) the result is partial.
    public var record: JSONValue.Member {
        let shardRecords: [JSONValue] = shards.map { shard in
            var members: [JSONValue.Member] = [
                .init(key: "index", value: .number(shard.index)),
                .init(key: "offsetNs", value: .number(shard.offsetNs)),
                .init(key: "rttNs", value: .number(shard.rttNs)),
            ]
            if let start = shard.entries.compactMap(\.result.actualStartEpochNs).min() {
                members.append(.init(key: "actualStartEpochNs", value: .number(start)))
            }
            return .object(members)
        }
        return .init(
            key: "distributed",
            value: .object([
                .init(key: "runId", value: .string(runID)),
                .init(key: "shards", value: .number(shardCount)),
                .init(key: "received", value: .array(shards.map { .number($0.index) })),
                .init(key: "partial", value: .bool(partial)),
                .init(key: "failure", value: failure.map(JSONValue.string) ?? .null),
                .init(key: "startAtEpochNs", value: startAtEpochNs.map(JSONValue.number) ?? .null),
                .init(key: "startSkewNs", value: startSkewNs.map(JSONValue.number) ?? .null),
                .init(key: "shardClocks", value: .array(shardRecords)),
            ]))
    }
}
