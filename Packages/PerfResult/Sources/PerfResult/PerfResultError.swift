/// Every way building, reading or writing a PerfResult report can fail.
///
/// Each message names the file, the JSON path or the value at fault and says what to do.
public enum PerfResultError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A result name is not of the form `group/case` with an optional `[key=value,...]` suffix.
    case invalidResultName(String, reason: String)
    /// A metric key is not camelCase.
    case invalidMetricKey(String)
    /// A suite name is empty or contains characters other than letters, digits, `-`, `_` and `.`.
    case invalidSuiteName(String)
    /// Two results of one report share a name.
    case duplicateResult(String, suite: String)
    /// Two metrics of one result share a key.
    case duplicateMetric(String, result: String)
    /// A metric value or sample is NaN or infinite; `path` is its JSON path.
    case nonFiniteValue(path: String)
    /// The file could not be read at all.
    case unreadableFile(path: String, reason: String)
    /// The file is not a valid report: `jsonPath` says where, `reason` what was expected.
    case malformedReport(path: String, jsonPath: String, reason: String)
    /// The file declares a schema version this build does not read.
    case unsupportedSchema(path: String, found: String)
    /// Writing the file failed; any previous file at `path` is unchanged.
    case writeFailed(path: String, reason: String)
    /// The reports of the forks of one run cannot be merged: `fork` is the 1-based fork at fault.
    case forkMismatch(fork: Int, reason: String)

    public var description: String {
        switch self {
        case let .invalidResultName(name, reason):
            return "invalid result name \"\(name)\": \(reason); use group/case, e.g. \"stringOps/concat\" "
                + "or \"stringOps/concat[size=4096]\""
        case let .invalidMetricKey(key):
            return "invalid metric key \"\(key)\": use camelCase letters and digits starting with a "
                + "lowercase letter, e.g. \"nsPerOp\""
        case let .invalidSuiteName(name):
            return "invalid suite name \"\(name)\": use letters, digits, '-', '_' or '.', e.g. \"micro\""
        case let .duplicateResult(name, suite):
            return "duplicate result name \"\(name)\" in suite \"\(suite)\": give every result a unique name "
                + "(a parameter sweep adds e.g. [size=16])"
        case let .duplicateMetric(key, result):
            return "duplicate metric \"\(key)\" in result \"\(result)\": a result holds each metric once"
        case let .nonFiniteValue(path):
            return "\(path) is not a finite number: metric values and samples must be finite (no NaN or infinity)"
        case let .unreadableFile(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .malformedReport(path, jsonPath, reason):
            return "\(path): at \(jsonPath): \(reason)"
        case let .unsupportedSchema(path, found):
            return "\(path): schema \"\(found)\" is not supported; this build reads \"\(Report.schemaVersion)\" "
                + "(re-run the suite with this version of the tools to regenerate the file)"
        case let .writeFailed(path, reason):
            return "\(path): cannot write: \(reason); the previous file, if any, is unchanged"
        case let .forkMismatch(fork, reason):
            return "fork \(fork): \(reason); every fork of a run must run the same build, suite and cases"
        }
    }
}
