public import PerfSupport

/// Live figures on the coordination protocol: the `live` member of a worker's `progress` message, cumulative
/// (each message replaces the shard's previous figures, so one lost or late changes nothing for good).
///
/// `{"version": 1, "requests": N, "statuses": [other, 1xx, …, 5xx], "errors": {"connect": N, …},
/// "bytes": N, "lastSecond": N, "inFlight": N, "connections": N, "latency": {count, sum, min, max, buckets}}`
/// with the histogram as in a report's sidecar (exact). A version this build does not read is an error that
/// says so, as is a member that is missing or not a count.
extension LiveFigures {
    /// The version of the `live` member this build writes and reads.
    public static let messageVersion = 1

    /// The `live` member of a progress message.
    public var message: JSONValue {
        .object([
            .init(key: "version", value: .number(LiveFigures.messageVersion)),
            .init(key: "requests", value: .number(requests)),
            .init(key: "statuses", value: .array(statuses.map(JSONValue.number))),
            .init(
                key: "errors",
                value: .object(ErrorClass.allCases.map { .init(key: $0.rawValue, value: .number(errors[$0])) })),
            .init(key: "bytes", value: .number(bytes)),
            .init(key: "lastSecond", value: .number(lastSecondRequests)),
            .init(key: "inFlight", value: .number(inFlight)),
            .init(key: "connections", value: .number(connections)),
            .init(key: "latency", value: latency.json),
        ])
    }

    /// Reads a `live` member that `peer` (`shard 2`) sent.
    /// - Throws: `LoadGenError.coordinationFailed` naming the peer, the member and what was expected.
    public init(message live: JSONValue, from peer: String) throws(LoadGenError) {
        func bad(_ member: String, _ reason: String) -> LoadGenError {
            .coordinationFailed(reason: "\(peer) sent live figures that cannot be read: at live.\(member): \(reason)")
        }
        func count(_ value: JSONValue?, _ member: String) throws(LoadGenError) -> UInt64 {
            guard let number = value?.uint64Value else { throw bad(member, "expected a count") }
            return number
        }
        guard case .object = live else { throw bad("", "expected an object") }
        guard let version = live["version"]?.intValue else { throw bad("version", "expected an integer") }
        guard version == LiveFigures.messageVersion else {
            throw .coordinationFailed(
                reason: "\(peer) sent live figures of version \(version); this loadgen reads version "
                    + "\(LiveFigures.messageVersion): run the same loadgen build on the coordinator and every worker")
        }
        self.init()
        requests = try count(live["requests"], "requests")
        guard case let .array(statusValues)? = live["statuses"], statusValues.count == statuses.count else {
            throw bad("statuses", "expected \(statuses.count) counts (other, 1xx … 5xx)")
        }
        for (index, value) in statusValues.enumerated() { statuses[index] = try count(value, "statuses[\(index)]") }
        for errorClass in ErrorClass.allCases {
            errors[errorClass] = try count(live["errors"]?[errorClass.rawValue], "errors.\(errorClass.rawValue)")
        }
        bytes = try count(live["bytes"], "bytes")
        lastSecondRequests = try count(live["lastSecond"], "lastSecond")
        inFlight = try count(live["inFlight"], "inFlight")
        connections = try count(live["connections"], "connections")
        do {
            latency = try LatencyHistogram(json: live["latency"])
        } catch {
            throw bad(error.member.map { "latency.\($0)" } ?? "latency", error.reason)
        }
    }
}
