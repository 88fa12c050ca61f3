public import PerfResult

/// Everything one suite brings to a check: its current results (merged from one or more files) and
/// its baseline, if any, with the paths they came from.
public struct SuiteInput: Sendable {
    /// Where a result was read from, for messages that name a file and a JSON path.
    public struct Origin: Sendable, Hashable {
        /// The file.
        public var path: String
        /// The result's index in the file's `results`.
        public var index: Int
    }

    /// The suite name.
    public var suite: String
    /// The current results of every file of the suite, in file-name order; the environment is the
    /// first file's.
    public var current: Report
    /// The files `current` was read from.
    public var currentPaths: [String]
    /// Where each current result came from, by name.
    public var origins: [String: Origin]
    /// The baseline, or `nil` when there is none yet.
    public var baseline: Report?
    /// Where the baseline is (or would be): `<baselines>/<suite>.json`.
    public var baselinePath: String

    /// Creates an input from reports already in memory; `origins` default to `currentPaths[0]` and the
    /// result's index.
    public init(
        suite: String, current: Report, currentPaths: [String], origins: [String: Origin] = [:], baseline: Report?,
        baselinePath: String
    ) {
        self.suite = suite
        self.current = current
        self.currentPaths = currentPaths
        var origins = origins
        for (index, result) in current.results.enumerated() where origins[result.name] == nil {
            origins[result.name] = Origin(path: currentPaths.first ?? "(memory)", index: index)
        }
        self.origins = origins
        self.baseline = baseline
        self.baselinePath = baselinePath
    }
}
