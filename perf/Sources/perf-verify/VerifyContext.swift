import PerfResult
import PerfSupport

/// Where `perf-verify`'s checks find the programs they compare and put what they write.
struct VerifyContext: Sendable {
    /// The folder of perf's release products (`perf-micro`, `alloc-count-check`): this executable's own.
    var perfProducts: String
    /// The folder of LoadGen's release products (`loadgen`, `loadgen-target`).
    var loadGenProducts: String
    /// Where logs, configurations and the tools' own reports go (`perf/results/verify`).
    var workDirectory: String
    /// The environment children get (`PATH` included).
    var environment: [String: String]
    /// The scenario of the coordinated-omission check (`perf/verify/coordinated-omission.json`).
    var coordinatedOmissionScenario: String

    /// `name` in `PATH`, or `nil`.
    func tool(_ name: String) -> String? {
        ExecutablePath.find(name, inSearchPath: environment["PATH"] ?? "/usr/bin:/bin")
    }

    /// `directory/name` when it is an executable file, else `nil`.
    func product(_ name: String, in directory: String) -> String? {
        ExecutablePath.find(name, in: [directory])
    }

    /// A fixture of `perf/verify/`, beside the coordinated-omission scenario.
    func fixture(_ name: String) -> String {
        let slash = coordinatedOmissionScenario.lastIndex(of: "/")
        return (slash.map { String(coordinatedOmissionScenario[...$0]) } ?? "") + name
    }

    /// `name` inside the work directory.
    func file(_ name: String) -> String { "\(workDirectory)/\(name)" }

    /// Runs `executable` with `arguments` to its end (at most `timeout`).
    func run(_ executable: String, _ arguments: [String], timeout: Duration) throws -> ChildProcess.Outcome {
        try ChildProcess(executable, arguments, environment: environment).run(timeout: timeout)
    }
}

/// The last lines of a child's output, for a failed row's note.
func lastLines(_ text: String, count: Int = 3) -> String {
    text.split(separator: "\n").suffix(count).joined(separator: " / ")
}
