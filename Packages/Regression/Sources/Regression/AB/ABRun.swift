import PerfResult
public import PerfSupport

/// `perf-check ab`: builds a base revision in its own git worktree and the working tree, runs the selected suites
/// in forks alternating base and head (the order rotating fork by fork), merges each side's forks, and writes
/// `<output>/base/<suite>.json` and `<output>/head/<suite>.json` for the ordinary check to compare.
///
/// Comparing against a number stored on another day is the wrong design for timing on a shared machine; the
/// strongest gates measure both sides in the same job, interleaved, and compare those two samples.
public enum ABRun {
    /// What to compare.
    public struct Options: Sendable {
        /// The base revision (branch, tag, commit).
        public var base: String
        /// Suite names or groups (`--suite`); empty for every suite of the configuration.
        public var suites: [String] = []
        /// Forks per side; `nil` for `ForkDefaults`' number for the profile (a suite's own `forks` wins).
        public var forks: Int?
        /// The profile, for the default number of forks; the suites read `PERF_PROFILE` themselves.
        public var profile: PerfProfile = .full
        /// The configuration file, relative to the repository root unless absolute.
        public var configurationPath = ABConfiguration.defaultPath
        /// Where the results go, relative to the repository root unless absolute.
        public var outputDirectory = "perf/results/ab"
        /// The base's worktree, relative to the repository root unless absolute; reused between runs so that
        /// its builds are incremental.
        public var worktreeDirectory = ".build-ab/base"
        /// The repository root (the working tree measured as the head).
        public var repositoryRoot = "."
        /// The environment passed to builds and forks.
        public var environment: [String: String] = [:]
        /// The seed of the forks' layout paddings.
        public var seed: UInt64 = 0x5EED
        /// Per suite, the results to measure (a confirmation round): the suite's `filter` restricts its runs to
        /// them; a suite not listed runs whole.
        public var results: [String: [String]] = [:]

        /// Options comparing the working tree with `base`.
        public init(base: String) {
            self.base = base
        }
    }

    /// What a run produced.
    public struct Outcome: Sendable, Hashable {
        /// The base commit, in full.
        public var baseCommit: String
        /// The directory holding the base's merged reports.
        public var baseDirectory: String
        /// The directory holding the head's merged reports.
        public var headDirectory: String
        /// The report files written per side (`<suite>.json`).
        public var reports: [String]
        /// The configuration suite that wrote each report suite (a suite of the configuration may be named
        /// after its target, `consumer-bench`, while its reports name another suite, `consumer`).
        public var configurationSuites: [String: String] = [:]
    }

    /// Runs the comparison's measurements; `progress` receives one line per step (build, fork).
    /// - Throws: `ABFailure` naming the revision, suite, fork or file at fault; nothing is written then.
    public static func run(_ options: Options, progress: (String) -> Void = { _ in }) throws(ABFailure) -> Outcome {
        let root = FileSystem.absolute(options.repositoryRoot)
        func resolve(_ path: String) -> String { path.hasPrefix("/") ? path : FileSystem.join(root, path) }
        let configuration = try ABConfiguration.read(from: resolve(options.configurationPath))
        let suites = try configuration.selecting(options.suites)
        let git = ABGit(root: root, environment: options.environment)
        let baseCommit = try git.commit(of: options.base)
        let worktree = resolve(options.worktreeDirectory)
        progress("base \(options.base) = \(baseCommit.prefix(12)), in \(worktree)")
        try git.checkOut(baseCommit, at: worktree)
        let base = ABTree(
            side: "base", name: "BASE=\(options.base) (\(baseCommit.prefix(12)))", root: worktree, commit: baseCommit)
        let head = ABTree(side: "head", name: "the working tree", root: root, commit: try git.headDescription())
        var environment = options.environment
        environment.removeValue(forKey: "GIT_COMMIT")
        for tree in [base, head] {
            var built: Set<[[String]]> = []
            for suite in suites where built.insert(suite.build).inserted {
                progress("building \(suite.name) in \(tree.name)")
                try tree.build(suite, environment: environment)
            }
        }
        let output = resolve(options.outputDirectory)
        let sides = (FileSystem.join(output, "base"), FileSystem.join(output, "head"))
        var written: [(String, Report, Report)] = []
        for suite in suites {
            var commands = [
                try base.forkCommand(suite, environment: environment),
                try head.forkCommand(suite, environment: environment),
            ]
            if let names = options.results[suite.name], !suite.filter.isEmpty {
                for index in commands.indices { commands[index].arguments += suite.filterArguments(for: names) }
            }
            let forks = suite.forks ?? options.forks ?? ForkDefaults.count(profile: options.profile, environment: [:])
            let scratch = FileSystem.join(FileSystem.join(output, "forks"), suite.name)
            if let reason = FileSystem.makeDirectories(scratch) {
                throw .git(command: "mkdir -p \(scratch)", reason: reason)
            }
            let runner = ForkRunner(
                forks: forks, timeout: configuration.timeout, scratchDirectory: scratch, seed: options.seed,
                freshCopies: true)
            let reports: [[Report]]
            do {
                reports = try runner.run(commands) { step in
                    progress(
                        "\(suite.name): fork \(step.fork)/\(step.forks) \(step.label) \(NumberText.duration(step.elapsed))"
                    )
                }.reports
            } catch {
                throw .fork(suite: suite.name, error)
            }
            do {
                written.append((suite.name, try Report.mergingForks(reports[0]), try Report.mergingForks(reports[1])))
            } catch {
                throw .merge(suite: suite.name, error)
            }
        }
        var files: [String] = []
        var configurationSuites: [String: String] = [:]
        for directory in [sides.0, sides.1] { try clear(directory) }
        for (suiteName, baseReport, headReport) in written {
            configurationSuites[headReport.suite] = suiteName
            let name = "\(headReport.suite).json"
            do {
                try baseReport.write(to: FileSystem.join(sides.0, name))
                try headReport.write(to: FileSystem.join(sides.1, name))
            } catch {
                throw .merge(suite: headReport.suite, error)
            }
            files.append(name)
        }
        return Outcome(
            baseCommit: baseCommit, baseDirectory: sides.0, headDirectory: sides.1, reports: files,
            configurationSuites: configurationSuites)
    }

    /// Creates `directory` and removes the reports a previous run left in it, so the check compares this run only.
    private static func clear(_ directory: String) throws(ABFailure) {
        if let reason = FileSystem.makeDirectories(directory) {
            throw .git(command: "mkdir -p \(directory)", reason: reason)
        }
        for name in FileSystem.jsonFiles(in: directory) ?? [] {
            FileSystem.remove(FileSystem.join(directory, name))
        }
    }
}
