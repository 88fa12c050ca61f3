import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `--forks N` for a suite executable: it runs itself N times as independent processes (`--forks 1`, the same
/// other arguments) and merges their reports (`Report.mergingForks`).
///
/// A suite's `main` calls `run` when it was given more than one fork, prints the merged report, and writes it
/// where `--json` said; the children do the measuring, rotating their cases by `PERF_FORK`.
public enum SelfForks {
    /// The path of the running executable (`ExecutablePath.current()`), else the first argument.
    public static var executablePath: String {
        (try? ExecutablePath.current()) ?? CommandLine.arguments.first ?? ""
    }

    /// `arguments` without `--forks`/`--json` (and their values, in either form), then `--forks 1`: what each fork
    /// runs (the runner appends its own `--json`).
    /// - Complexity: O(*n*) in the number of arguments.
    public static func childArguments(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext {
                skipNext = false
                continue
            }
            if argument == "--forks" || argument == "--json" {
                skipNext = true
            } else if !argument.hasPrefix("--forks=") && !argument.hasPrefix("--json=") {
                kept.append(argument)
            }
        }
        return kept + ["--forks", "1"]
    }

    /// Runs this executable `forks` times with `arguments` (the process's own, without the program name) and returns
    /// the merged report and the forks whose check failed (they exited 1 after writing their report); `progress`
    /// gets one line per finished fork.
    /// - Throws: `ForkError` naming a fork that failed; `PerfResultError` when the forks cannot be merged.
    public static func run(
        forks: Int, arguments: [String], environment: [String: String], timeout: Duration = .seconds(1800),
        progress: (String) -> Void = { _ in }
    ) throws -> (report: Report, failedChecks: [String]) {
        let scratch = try temporaryDirectory()
        defer { removeDirectory(scratch) }
        let command = ForkCommand(
            label: "fork", executable: executablePath, arguments: childArguments(arguments), environment: environment)
        let runner = ForkRunner(
            forks: forks, timeout: timeout, scratchDirectory: scratch, seed: UInt64(truncatingIfNeeded: getpid()),
            freshCopies: true)
        let outcome = try runner.run([command]) { step in
            progress("fork \(step.fork)/\(step.forks) done in \(NumberText.duration(step.elapsed))")
        }
        return (try Report.mergingForks(outcome.reports[0]), outcome.failedChecks)
    }

    private static func temporaryDirectory() throws(PerfResultError) -> String {
        let base = ProcessEnvironment.current()["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/perf-forks-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .writeFailed(path: base, reason: SystemError.capture("mkdtemp").text)
        }
        return String(cString: made)
    }

    private static func removeDirectory(_ path: String) {
        guard let handle = opendir(path) else { return }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { unlink("\(path)/\(name)") }
        }
        closedir(handle)
        rmdir(path)
    }
}

extension SelfForks {
    /// The whole of `--forks N` for a suite executable's `main`: prints the environment line, runs the forks,
    /// prints the merged table (`Report.forkTable(keys:)`), writes the report to `jsonPath`, and returns the exit
    /// status: 0; 1 when a fork's check failed (it exited 1 with its report); 2 after `program: message` on
    /// standard error when a fork fails or the report cannot be written.
    /// For executables only (it prints).
    public static func main(
        program: String, forks: Int, environment: Environment, jsonPath: String?, keys: [String],
        arguments: [String] = Array(CommandLine.arguments.dropFirst())
    ) -> Int32 {
        let variables = ProcessEnvironment.current()
        let colors = TerminalColors.standardOutput(environment: variables)
        StandardStream.write(colors.paint(environment.description, .bold) + "\n", to: .output)
        StandardStream.write(
            colors.paint("\(program) · \(forks) forks, each in its own process (layout perturbed, order rotated)", .dim)
                + "\n\n", to: .output)
        let progress = isatty(STDERR_FILENO) == 1
        do {
            let (merged, failedChecks) = try run(forks: forks, arguments: arguments, environment: variables) { line in
                if progress { StandardStream.write("\r\u{1B}[2K\(program): \(line)", to: .error) }
            }
            if progress { StandardStream.write("\r\u{1B}[2K", to: .error) }
            StandardStream.write(merged.forkTable(keys: keys, colors: colors) + "\n", to: .output)
            if let jsonPath {
                try merged.write(to: jsonPath)
                StandardStream.write(
                    "wrote \(jsonPath) (\(merged.results.count) results, \(forks) forks)\n", to: .output)
            }
            guard failedChecks.isEmpty else {
                printError(
                    "\(program): a check failed in \(failedChecks.joined(separator: ", ")) (see its own run)")
                return 1
            }
            return 0
        } catch {
            if progress { StandardStream.write("\r\u{1B}[2K", to: .error) }
            printError("\(program): \(error); nothing was written")
            return UsageError.exitStatus
        }
    }
}
