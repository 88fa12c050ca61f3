/// One measured number with its unit, the direction that is better, and optionally its raw samples.
///
/// The direction is data, never guessed from the key: tools that compare metrics read `better`.
/// Build metrics with the typed constructors (`Metric.nsPerOp(12.5)`), which spell the keys of
/// docs/ARCHITECTURE.md, "Metric keys"; `init(key:value:unit:better:samples:)` is for a suite's own keys.
public struct Metric: Sendable, Hashable {
    /// The camelCase key, e.g. `nsPerOp`; unique within a result.
    public let key: String
    /// The headline value (for sampled metrics, usually the median).
    public var value: Double
    /// The unit of `value` and of every sample.
    public var unit: Unit
    /// Which direction of change is an improvement.
    public var better: Direction
    /// Raw per-sample values for statistical comparison, when the producer kept them.
    public var samples: [Double]?

    /// Creates a metric with a key of the suite's own.
    ///
    /// - Throws: `PerfResultError.invalidMetricKey` unless `key` is camelCase
    ///   (a lowercase letter, then letters, digits or `_`, at most 64 characters).
    public init(key: String, value: Double, unit: Unit, better: Direction, samples: [Double]? = nil)
        throws(PerfResultError)
    {
        guard Metric.isValidKey(key) else { throw .invalidMetricKey(key) }
        self.init(validKey: key, value: value, unit: unit, better: better, samples: samples)
    }

    init(validKey key: String, value: Double, unit: Unit, better: Direction, samples: [Double]?) {
        self.key = key
        self.value = value
        self.unit = unit
        self.better = better
        self.samples = samples
    }

    /// Whether `key` is a valid metric key.
    /// - Complexity: O(*n*) in the length of `key`.
    public static func isValidKey(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard let first = bytes.first, bytes.count <= 64, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
        else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }

    /// Whether the metric may be negative: only a key that names a slope, delta, growth or change
    /// (`heapSlopeBytesPerIter`, `heapGrowthRatio`) may. Every other metric measures a time, a rate, a count, a
    /// size or a share, which cannot be below zero (docs/ARCHITECTURE.md, "Metric keys").
    public var mayBeNegative: Bool {
        ["Slope", "Delta", "Growth", "Change"].contains { key.contains($0) }
    }

    /// The first negative number among `value` and `samples` of a metric that cannot be negative, as a JSON
    /// path suffix (`value` or `samples[3]`) with the number, or `nil` when there is none.
    var firstImpossibleValue: (suffix: String, value: Double)? {
        if mayBeNegative { return nil }
        if value < 0 { return ("value", value) }
        if let samples, let index = samples.firstIndex(where: { $0 < 0 }) {
            return ("samples[\(index)]", samples[index])
        }
        return nil
    }

    /// The first non-finite number among `value` and `samples`, as a JSON path suffix
    /// (`value` or `samples[3]`), or `nil` when every number is finite.
    var firstNonFinitePath: String? {
        if !value.isFinite { return "value" }
        if let index = samples?.firstIndex(where: { !$0.isFinite }) { return "samples[\(index)]" }
        return nil
    }
}

extension Metric {
    /// The unit of a metric. The raw value is what the JSON file holds.
    public enum Unit: String, Sendable, Hashable, CaseIterable, Codable {
        case nanoseconds = "ns"
        case microseconds = "us"
        case milliseconds = "ms"
        case seconds = "s"
        case operationsPerSecond = "ops/s"
        case requestsPerSecond = "req/s"
        case bytesPerSecond = "bytes/s"
        case perSecond = "1/s"
        case bytes
        case count
        case ratio
        case percent = "%"
    }

    /// Which direction of change is an improvement.
    public enum Direction: String, Sendable, Hashable, CaseIterable, Codable {
        /// Larger values are better (throughput, hit rate).
        case higher
        /// Smaller values are better (time, latency, memory, counts).
        case lower
    }
}
