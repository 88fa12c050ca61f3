import PerfSupport

/// A histogram as JSON, exactly: what a report's sidecar and a shard's live figures carry.
extension LatencyHistogram {
    /// What is wrong with a histogram's JSON: the member at fault (`nil` for the object itself) and why.
    struct JSONProblem: Error {
        var member: String?
        var reason: String
    }

    /// `{count, sum, min, max, buckets}`, the buckets as flat pairs of index and count (non-empty ones only).
    var json: JSONValue {
        var buckets: [JSONValue] = []
        for (index, count) in nonZeroBuckets {
            buckets.append(.number(index))
            buckets.append(.number(count))
        }
        return .object([
            .init(key: "count", value: .number(totalCount)),
            .init(key: "sum", value: .number(sum)),
            .init(key: "min", value: .number(minValue)),
            .init(key: "max", value: .number(maxValue)),
            .init(key: "buckets", value: .array(buckets)),
        ])
    }

    /// Reads `json` back, checking that the buckets agree with the count and the extremes.
    /// - Throws: `JSONProblem` naming the member at fault.
    init(json object: JSONValue?) throws(JSONProblem) {
        guard let object, case let .array(flat)? = object["buckets"], flat.count % 2 == 0 else {
            throw JSONProblem(member: nil, reason: "expected an object with count, sum, min, max and buckets")
        }
        var buckets: [(index: Int, count: UInt64)] = []
        buckets.reserveCapacity(flat.count / 2)
        for pair in stride(from: 0, to: flat.count, by: 2) {
            guard let index = flat[pair].intValue, let count = flat[pair + 1].uint64Value else {
                throw JSONProblem(member: "buckets", reason: "expected pairs of bucket index and count")
            }
            buckets.append((index, count))
        }
        func count(_ key: String) throws(JSONProblem) -> UInt64 {
            guard let value = object[key]?.uint64Value else {
                throw JSONProblem(member: key, reason: "expected a count")
            }
            return value
        }
        guard
            let histogram = LatencyHistogram(
                buckets: buckets, sum: try count("sum"), minValue: try count("min"), maxValue: try count("max")),
            histogram.totalCount == (try count("count"))
        else { throw JSONProblem(member: nil, reason: "the buckets do not match count, min and max") }
        self = histogram
    }
}
