public import PerfResult

/// Every way `perf-check ab` can fail before it has two sets of results to compare; each is exit status 2 and
/// names the revision, the suite or the file at fault.
public enum ABFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The configuration file (`perf/ab.json`) is missing or invalid: `jsonPath` says where.
    case badConfiguration(path: String, jsonPath: String, reason: String)
    /// A `--suite` names no suite or group of the configuration.
    case unknownSuite(String, available: [String])
    /// `BASE` is not a commit of this repository.
    case unknownRevision(String, reason: String)
    /// A git command needed to prepare the base's worktree failed.
    case git(command: String, reason: String)
    /// A suite's build command failed in one tree: the revision (or `working tree`), the command and its last
    /// output.
    case buildFailed(revision: String, suite: String, command: String, output: String)
    /// A suite's executable is not in one tree after its build: the revision lacks the suite.
    case suiteMissing(revision: String, suite: String, path: String)
    /// A fork did not deliver a report.
    case fork(suite: String, ForkError)
    /// The forks' reports could not be merged.
    case merge(suite: String, PerfResultError)

    public var description: String {
        switch self {
        case let .badConfiguration(path, jsonPath, reason):
            return "\(path): at \(jsonPath): \(reason)"
        case let .unknownSuite(name, available):
            return "no suite or group \"\(name)\" in the A/B configuration; use one of: "
                + available.joined(separator: ", ")
        case let .unknownRevision(revision, reason):
            return "BASE=\(revision) is not a commit of this repository (\(reason)); use a branch, tag or commit, "
                + "e.g. BASE=origin/main or BASE=HEAD~1"
        case let .git(command, reason):
            return "\(command) failed: \(reason)"
        case let .buildFailed(revision, suite, command, output):
            let tail = output.isEmpty ? "" : ":\n\(output)"
            return "\(revision) does not build suite \"\(suite)\" (\(command))\(tail)"
        case let .suiteMissing(revision, suite, path):
            return "\(revision) has no suite \"\(suite)\": \(path) does not exist after its build; compare revisions "
                + "that both have the suite, or leave it out with --suite"
        case let .fork(suite, error):
            return "suite \"\(suite)\": \(error); nothing was compared"
        case let .merge(suite, error):
            return "suite \"\(suite)\": \(error)"
        }
    }
}
