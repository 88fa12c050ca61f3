import PerfResult

/// `perf-check --update-baseline [--suite X]`: the only writer of `baselines/<suite>.json`.
///
/// Each selected suite's current results (every file of the suite, merged) are written whole, with
/// their raw samples and environment, atomically: a failed write leaves the previous baseline as it
/// was. Every input is read and checked before the first baseline is written, and debug results are
/// refused.
public enum BaselineUpdate {
    /// Writes the baselines; returns one line per baseline written.
    /// - Throws: `RegressionError` for bad input (nothing written), `.debugBaseline` for results of a
    ///   debug build (nothing written), or `.writeFailed` (baselines written before it stay written, the
    ///   failing one is unchanged).
    public static func run(_ options: CheckOptions) throws(RegressionError) -> String {
        let inputs = try CheckInputs.load(
            resultsDirectory: options.resultsDirectory, baselinesDirectory: options.baselinesDirectory,
            suiteFilters: options.suites, needBaselines: false)
        for input in inputs.suites where input.current.environment.buildConfiguration == .debug {
            throw .debugBaseline(path: input.currentPaths[0])
        }
        if let reason = FileSystem.makeDirectories(options.baselinesDirectory) {
            throw .writeFailed(.writeFailed(path: options.baselinesDirectory, reason: reason))
        }
        var text = ""
        for input in inputs.suites {
            do {
                try input.current.write(to: input.baselinePath)
            } catch {
                throw .writeFailed(error)
            }
            let count = input.current.results.count
            text +=
                "wrote \(input.baselinePath): \(count) result\(count == 1 ? "" : "s") from "
                + input.currentPaths.joined(separator: ", ") + "\n"
            text += "  environment: \(input.current.environment)\n"
        }
        text += "Commit the baselines in their own commit, saying why the numbers moved.\n"
        return text
    }
}
