public import PerfSupport

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
    /// The path of the running executable (`/proc/self/exe` on Linux, else the first argument).
    public static var executablePath: String {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 {
            return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        #endif
        return CommandLine.arguments.first ?? ""
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
    /// the merged report; `progress` gets one line per finished fork.
    /// - Throws: `ForkError` naming a fork that failed; `PerfResultError` when the forks cannot be merged.
    public static func run(
        forks: Int, arguments: [String], environment: [String: String], timeout: Duration = .seconds(1800),
        progress: (String) -> Void = { _ in }
    ) throws -> Report {
        let scratch = try temporaryDirectory()
        defer { removeDirectory(scratch) }
        let command = ForkCommand(
            label: "fork", executable: executablePath, arguments: childArguments(arguments), environment: environment)
        let runner = ForkRunner(
            forks: forks, timeout: timeout, scratchDirectory: scratch, seed: UInt64(truncatingIfNeeded: getpid()))
        let reports = try runner.run([command]) { step in
            progress("fork \(step.fork)/\(step.forks) done in \(NumberText.duration(step.elapsed))")
        }
        return try Report.mergingForks(reports[0])
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
