/// Everything one suite run measured: the schema version, the suite, where it ran, and its results.
///
/// Every suite run writes one report; every tool that reads results reads only this type.
/// Result names are unique within a report.
///
/// ```swift
/// var report = try Report(suite: "micro", environment: .capture())
/// try report.append(Result(name: "stringOps/concat", metrics: [.nsPerOp(41.5)]))
/// try report.write(to: "perf/results/micro.json")
/// ```
public struct Report: Sendable, Hashable {
    /// The schema version this build writes and the only one it reads.
    public static let schemaVersion = "perfresult/1"

    /// The schema version of this report; always `Report.schemaVersion`.
    public var schema: String { Report.schemaVersion }
    /// The suite that produced the report, e.g. `micro` or `macro-http-login`.
    public let suite: String
    /// The machine, toolchain and build that produced the numbers.
    public var environment: Environment
    /// The results in the order they were produced; names are unique.
    public private(set) var results: [Result]
    /// Whether the run stopped before its planned end (a soak stopped by SIGINT or SIGTERM): its numbers cover
    /// only what was measured until then. Written as `"partial": true`, and only when true.
    public var partial = false

    /// Creates a report.
    /// - Throws: `PerfResultError.invalidSuiteName` or `.duplicateResult`.
    /// - Complexity: O(*n*) for *n* results.
    public init(suite: String, environment: Environment, results: [Result] = []) throws(PerfResultError) {
        guard Report.isValidSuiteName(suite) else { throw .invalidSuiteName(suite) }
        self.suite = suite
        self.environment = environment
        self.results = []
        self.indexByName = [:]
        for result in results { try append(result) }
    }

    private var indexByName: [String: Int]

    /// Appends a result.
    /// - Throws: `PerfResultError.duplicateResult` when a result with the same name is present.
    /// - Complexity: O(1) amortized.
    public mutating func append(_ result: Result) throws(PerfResultError) {
        guard indexByName[result.name] == nil else { throw .duplicateResult(result.name, suite: suite) }
        indexByName[result.name] = results.count
        results.append(result)
    }

    /// The result named `name`, if present.
    /// - Complexity: O(1).
    public func result(named name: String) -> Result? {
        indexByName[name].map { results[$0] }
    }

    /// Whether `name` is a valid suite name: 1–64 letters, digits, `-`, `_` or `.`.
    public static func isValidSuiteName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            }
    }

    /// The JSON path and the reason of the first physically impossible number (a negative time, rate, count,
    /// size or share: `Metric.mayBeNegative`), or `nil` when there is none.
    var firstImpossibleValue: (jsonPath: String, reason: String)? {
        firstMetricFinding { $0.firstImpossibleValue }.map { path, metric, found in
            (
                path + found.suffix,
                "\(found.value) \(metric.unit.rawValue) is impossible: \(metric.key) cannot be negative (only a key "
                    + "naming a Slope, Delta, Growth or Change may be); the tool that wrote this file is at fault, "
                    + "so measure again with a fixed tool"
            )
        }
    }

    /// The JSON path of the first NaN or infinite number, or `nil` when all are finite.
    var firstNonFinitePath: String? {
        firstMetricFinding { $0.firstNonFinitePath }.map { path, _, suffix in path + suffix }
    }

    /// The first metric, in file order, for which `find` finds something: the metric's JSON path with a
    /// trailing dot (`results[2].metrics.nsPerOp.`), the metric, and what was found.
    private func firstMetricFinding<Found>(_ find: (Metric) -> Found?) -> (String, Metric, Found)? {
        for (resultIndex, result) in results.enumerated() {
            for metric in result.metrics {
                if let found = find(metric) { return ("results[\(resultIndex)].metrics.\(metric.key).", metric, found) }
            }
        }
        return nil
    }
}
