/// How `perf-check ab` builds and runs each suite in a tree: the contents of `perf/ab.json`.
///
/// Every path and command is relative to a tree's root: the base's worktree and the working tree run the same
/// commands (the head's configuration is used for both, so that a base predating this file still runs).
public struct ABConfiguration: Sendable, Hashable {
    /// One suite, or one report of a suite group (the macro scenarios are a group of one report each).
    public struct Suite: Sendable, Hashable {
        /// The name `--suite` selects, e.g. `micro` or `macro-http-login`.
        public var name: String
        /// The group it belongs to, selected as a whole by `--suite GROUP` (e.g. `macro`), if any.
        public var group: String?
        /// Commands that build what `run` needs, run in the tree's root in order.
        public var build: [[String]]
        /// The command that runs the suite once and writes one report to the path after `--json` (appended).
        public var run: [String]
        /// Directories (relative to the tree) put in front of `PATH` for `run`, e.g. where a scenario's service is.
        public var path: [String]
        /// Forks per side for this suite, overriding `--forks` and `ForkDefaults` (deterministic suites need one).
        public var forks: Int?
        /// Arguments that restrict a run to some results, `{results}` standing for a regular expression matching
        /// exactly their names (e.g. `["--filter", "{results}"]`), for the confirmation round; without it the
        /// whole suite runs again.
        public var filter: [String]

        /// A suite entry.
        public init(
            name: String, group: String? = nil, build: [[String]], run: [String], path: [String] = [],
            forks: Int? = nil, filter: [String] = []
        ) {
            self.name = name
            self.group = group
            self.build = build
            self.run = run
            self.path = path
            self.forks = forks
            self.filter = filter
        }

        /// `filter` with `{results}` replaced by a regular expression matching exactly `names`.
        public func filterArguments(for names: [String]) -> [String] {
            let escaped = names.map { name in
                name.map { "\\^$.|?*+()[]{}".contains($0) ? "\\\($0)" : String($0) }.joined()
            }
            let pattern = "^(" + escaped.joined(separator: "|") + ")$"
            return filter.map { $0.replacing("{results}", with: pattern) }
        }
    }

    /// The schema this build reads.
    public static let schema = "perf-ab/1"
    /// Where `perf-check ab` reads the configuration unless told otherwise.
    public static let defaultPath = "perf/ab.json"

    /// How long one fork may run.
    public var timeout: Duration
    /// The suites, in the order they run.
    public var suites: [Suite]

    /// A configuration.
    public init(timeout: Duration, suites: [Suite]) {
        self.timeout = timeout
        self.suites = suites
    }

    /// The suites `names` select (each a suite name or a group), in configuration order; every suite when
    /// `names` is empty.
    /// - Throws: `ABFailure.unknownSuite` for a name that selects nothing.
    public func selecting(_ names: [String]) throws(ABFailure) -> [Suite] {
        guard !names.isEmpty else { return suites }
        for name in names where !suites.contains(where: { $0.name == name || $0.group == name }) {
            let available = suites.flatMap { [$0.group, $0.name].compactMap { $0 } }
            var seen: Set<String> = []
            throw .unknownSuite(name, available: available.filter { seen.insert($0).inserted })
        }
        return suites.filter { suite in names.contains { $0 == suite.name || $0 == suite.group } }
    }
}
