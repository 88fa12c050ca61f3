import PerfResult

/// The files a check reads: every `*.json` report in the results directory, merged per suite, and each
/// suite's `<baselines>/<suite>.json`.
///
/// Everything is read and validated before anything is compared or written, so bad input never leaves a
/// half-updated report or baseline behind.
public struct CheckInputs: Sendable {
    /// The suites with current results, in name order.
    public var suites: [SuiteInput]
    /// Suites with a baseline but no current results (not run this time), in name order; only filled
    /// when no suite filter was given.
    public var baselinesWithoutResults: [String]

    /// Whether the suite `name` is selected by `--suite filter`: the same name, or `filter-…`
    /// (so `--suite macro` selects `macro-http-login` too).
    public static func suite(_ name: String, isSelectedBy filter: String) -> Bool {
        name == filter || name.hasPrefix(filter + "-")
    }

    /// Reads the inputs.
    ///
    /// - Parameters:
    ///   - suiteFilters: the `--suite` values; empty selects every suite found.
    ///   - needBaselines: `false` for `--update-baseline`, which does not read the old baselines.
    /// - Throws: `RegressionError` for a missing or empty results directory, a filter that selects
    ///   nothing, a file that is not a valid report, a result name repeated across a suite's files,
    ///   debug and release files mixed within a suite, or a baseline whose suite is not its file name.
    /// - Complexity: linear in the size of the files read.
    public static func load(
        resultsDirectory: String, baselinesDirectory: String, suiteFilters: [String] = [], needBaselines: Bool = true
    ) throws(RegressionError) -> CheckInputs {
        guard FileSystem.isDirectory(resultsDirectory) else { throw .missingResultsDirectory(resultsDirectory) }
        guard let names = FileSystem.jsonFiles(in: resultsDirectory) else {
            throw .badReport(.unreadableFile(path: resultsDirectory, reason: "cannot list the directory"))
        }
        guard !names.isEmpty else { throw .noResults(directory: resultsDirectory) }

        var bySuite: [String: [(path: String, report: Report)]] = [:]
        for name in names {
            let path = FileSystem.join(resultsDirectory, name)
            let report: Report
            do {
                report = try Report.read(from: path)
            } catch {
                throw .badReport(error)
            }
            bySuite[report.suite, default: []].append((path, report))
        }
        for filter in suiteFilters where !bySuite.keys.contains(where: { suite($0, isSelectedBy: filter) }) {
            throw .noResultsForSuite(filter, directory: resultsDirectory)
        }

        var inputs: [SuiteInput] = []
        for name in bySuite.keys.sorted() {
            guard suiteFilters.isEmpty || suiteFilters.contains(where: { suite(name, isSelectedBy: $0) }) else {
                continue
            }
            var input = try merge(suite: name, files: bySuite[name]!)
            input.baselinePath = FileSystem.join(baselinesDirectory, "\(name).json")
            if needBaselines {
                input.baseline = try readBaseline(suite: name, path: input.baselinePath)
            }
            inputs.append(input)
        }

        var notRun: [String] = []
        if suiteFilters.isEmpty && needBaselines, let baselineNames = FileSystem.jsonFiles(in: baselinesDirectory) {
            notRun = baselineNames.map { String($0.dropLast(5)) }.filter { bySuite[$0] == nil }
        }
        return CheckInputs(suites: inputs, baselinesWithoutResults: notRun)
    }

    private static func merge(suite: String, files: [(path: String, report: Report)]) throws(RegressionError)
        -> SuiteInput
    {
        let first = files[0]
        var merged = first.report
        var origins: [String: SuiteInput.Origin] = [:]
        for (index, result) in first.report.results.enumerated() {
            origins[result.name] = SuiteInput.Origin(path: first.path, index: index)
        }
        for file in files.dropFirst() {
            let firstBuild = first.report.environment.buildConfiguration
            let build = file.report.environment.buildConfiguration
            guard build == firstBuild else {
                throw .buildConfigurationMismatch(
                    suite: suite, first: first.path, firstConfiguration: firstBuild.rawValue, second: file.path,
                    secondConfiguration: build.rawValue)
            }
            for (index, result) in file.report.results.enumerated() {
                if let earlier = origins[result.name] {
                    throw .duplicateResultAcrossFiles(
                        name: result.name, suite: suite, first: earlier.path, second: file.path)
                }
                origins[result.name] = SuiteInput.Origin(path: file.path, index: index)
                // Names were just checked to be unique, so appending cannot fail.
                try? merged.append(result)
            }
        }
        return SuiteInput(
            suite: suite, current: merged, currentPaths: files.map(\.path), origins: origins, baseline: nil,
            baselinePath: "")
    }

    private static func readBaseline(suite: String, path: String) throws(RegressionError) -> Report? {
        guard FileSystem.exists(path) else { return nil }
        let baseline: Report
        do {
            baseline = try Report.read(from: path)
        } catch {
            throw .badReport(error)
        }
        guard baseline.suite == suite else {
            throw .baselineSuiteMismatch(path: path, expected: suite, found: baseline.suite)
        }
        return baseline
    }
}
