public import PerfResult

/// Every way a regression check can be unable to give a verdict. All of them mean exit status 2; a mistake on the
/// command line is PerfSupport's `UsageError` (exit status 2 as well).
///
/// Each message names the file (and where it helps, the JSON path) and says what to do. When a check
/// fails with one of these, nothing has been written: no report, no baseline.
public enum RegressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A results or baseline file could not be read or is not a valid `perfresult/1` report.
    case badReport(PerfResultError)
    /// An output file (report, baseline) could not be written; the previous file, if any, is unchanged.
    case writeFailed(PerfResultError)
    /// The results directory does not exist.
    case missingResultsDirectory(String)
    /// The results directory holds no `*.json` file.
    case noResults(directory: String)
    /// `--suite NAME` selected nothing in the results directory.
    case noResultsForSuite(String, directory: String)
    /// A file named explicitly on the command line does not exist.
    case missingFile(path: String, what: String)
    /// The thresholds file is not valid: `jsonPath` says where, `reason` what is wrong.
    case badThresholds(path: String, jsonPath: String, reason: String)
    /// A baseline file's `suite` is not the suite its file name says.
    case baselineSuiteMismatch(path: String, expected: String, found: String)
    /// Two result files of one suite hold a result with the same name.
    case duplicateResultAcrossFiles(name: String, suite: String, first: String, second: String)
    /// Debug and release results were about to be compared (or mixed within one suite).
    case buildConfigurationMismatch(
        suite: String, first: String, firstConfiguration: String, second: String,
        secondConfiguration: String)
    /// `--require-same-env` was given and the environments differ.
    case environmentMismatch(suite: String, differences: [EnvironmentDifference])
    /// A metric's unit or direction differs between the baseline and the current results.
    case metricShapeChanged(
        path: String, jsonPath: String, field: String, baseline: String, current: String,
        baselinePath: String)
    /// `--update-baseline` was asked to store numbers from a debug build.
    case debugBaseline(path: String)
    /// Change-point options out of range; the text says which and why.
    case invalidChangePointOptions(String)
    /// An entry of a history directory (`<seq>-<commit>/<suite>.json`) is missing, misnamed or unreadable.
    case badHistory(path: String, reason: String)
    /// `perf-check ab` could not produce two sets of results to compare.
    case ab(ABFailure)

    public var description: String {
        switch self {
        case let .badReport(error):
            return "\(error)"
        case let .writeFailed(error):
            return "\(error)"
        case let .missingResultsDirectory(path):
            return "\(path): no such directory; run `make perf` (or one suite's `make perf-<suite>`) first, "
                + "or pass --results DIR"
        case let .noResults(directory):
            return "\(directory): no result files (*.json); run `make perf` (or one suite's `make perf-<suite>`) "
                + "first"
        case let .noResultsForSuite(suite, directory):
            return "\(directory): no results for suite \"\(suite)\"; run `make perf-\(suite)` first, or check the "
                + "name passed to --suite"
        case let .missingFile(path, what):
            return "\(path): no such file (the \(what)); check the path"
        case let .badThresholds(path, jsonPath, reason):
            return "\(path): at \(jsonPath): \(reason)"
        case let .baselineSuiteMismatch(path, expected, found):
            return "\(path): at suite: the file holds suite \"\(found)\" but its name says \"\(expected)\"; "
                + "regenerate it with `perf-check --update-baseline --suite \(found)`"
        case let .duplicateResultAcrossFiles(name, suite, first, second):
            return "\(second): result \"\(name)\" of suite \"\(suite)\" is also in \(first); give each result of a "
                + "suite a unique name across its files"
        case let .buildConfigurationMismatch(suite, first, firstConfiguration, second, secondConfiguration):
            return "suite \"\(suite)\": \(first) is a \(firstConfiguration) build but \(second) is a "
                + "\(secondConfiguration) build; debug and release numbers are never compared. Re-run the suite "
                + "with -c release (the Makefile's perf targets do)"
        case let .environmentMismatch(suite, differences):
            let list = differences.map(\.description).joined(separator: "; ")
            return "suite \"\(suite)\": the environment differs from the baseline's (\(list)) and "
                + "--require-same-env was given; run on the baseline's machine class or update the baseline"
        case let .metricShapeChanged(path, jsonPath, field, baseline, current, baselinePath):
            return "\(path): at \(jsonPath): \(field) \"\(current)\" differs from the baseline's \"\(baseline)\" "
                + "(\(baselinePath)); results are compared like with like: fix the suite or update the baseline"
        case let .debugBaseline(path):
            return "\(path): the results come from a debug build; baselines hold release numbers only. Re-run the "
                + "suite with -c release (the Makefile's perf targets do), then update the baseline"
        case let .ab(failure):
            return failure.description
        case let .invalidChangePointOptions(reason):
            return "change-point options: \(reason)"
        case let .badHistory(path, reason):
            return "\(path): \(reason)"
        }
    }
}
