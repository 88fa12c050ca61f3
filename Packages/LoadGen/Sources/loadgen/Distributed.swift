import LoadGen
import PerfResult
import PerfSupport

/// A worker's flags: which shard it is (`--shard`, `--shards`), when it starts (`--start-at`) and its coordinator.
enum Distributed {
    /// The variable a Kubernetes Indexed Job sets to each pod's index.
    static let indexVariable = "JOB_COMPLETION_INDEX"

    /// The shard `--shard I/N` or `--shards N` (with `JOB_COMPLETION_INDEX`) names, or `nil`.
    /// - Throws: `UsageError` naming the flag.
    static func shard(from parsed: ParsedArguments, environment: [String: String]) throws(UsageError) -> Shard? {
        try parsed.exclusive(Options.shard, Options.shards)
        if let text = parsed.given(Options.shard) {
            do {
                return try Shard(parsing: text)
            } catch {
                throw UsageError("--shard \(text): \(reason(error))")
            }
        }
        guard let count = parsed.given(Options.shards) else { return nil }
        guard let text = environment[indexVariable] else {
            throw UsageError(
                "--shards \(count): \(indexVariable) is not set (a Kubernetes Indexed Job sets it); give --shard I/N")
        }
        guard let index = Int(text) else {
            throw UsageError("--shards \(count): \(indexVariable)=\"\(text)\" is not an index")
        }
        do {
            return try Shard(index: index, count: count)
        } catch {
            throw UsageError("--shards \(count) with \(indexVariable)=\(index): \(reason(error))")
        }
    }

    /// The reason of a `LoadGenError.invalidField` without its field prefix.
    static func reason(_ error: LoadGenError) -> String {
        if case let .invalidField(_, reason, _) = error { return reason }
        return error.description
    }

    /// `--start-at`, in nanoseconds since the epoch.
    /// - Throws: `UsageError` naming the flag.
    static func startAt(from parsed: ParsedArguments) throws(UsageError) -> Int64? {
        guard let text = parsed.given(Options.startAt) else { return nil }
        guard let time = StartTime.parse(text) else {
            throw UsageError("--start-at \(text): expected an RFC 3339 time such as 2026-12-07T23:30:00Z")
        }
        return time
    }

    /// `HOST:PORT` split, for `--coordinator` and `loadgen coordinate --listen`.
    /// - Throws: `UsageError` naming `flag`.
    static func address(_ text: String, flag: String) throws(UsageError) -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port), colon > text.startIndex
        else { throw UsageError("--\(flag) \(text): expected HOST:PORT, e.g. 10.77.0.2:7000") }
        return (String(text[..<colon]), port)
    }

    /// Joins the coordinator and waits for the start: the client, and the start by this host's clock.
    /// - Throws: `LoadGenError.coordinationFailed`.
    static func join(_ address: (host: String, port: Int), shard: Shard, parsed: ParsedArguments)
        throws(LoadGenError) -> (client: CoordinatorClient, startAtEpochNs: Int64)
    {
        let deadline = MonotonicClock.now() + (parsed[Options.joinTimeout] ?? .seconds(300)).nanosecondsClamped
        let client = try CoordinatorClient.join(
            host: address.host, port: address.port, shard: shard, runID: parsed[Options.runID] ?? "loadgen",
            deadlineNs: deadline)
        let clock = try client.measureClock(deadlineNs: deadline)
        print(
            "Coordinator   \(address.host):\(address.port), shard \(shard), clock offset \(clock.offsetNs) ns "
                + "(round trip \(clock.rttNs) ns)")
        try client.ready(clock, deadlineNs: deadline)
        let start = try client.awaitStart(clock, deadlineNs: deadline)
        return (client, start)
    }
}
