import PerfResult
import PerfSupport

/// One side of an A/B run: a tree of the repository (the base's worktree, or the working tree) and the commit it
/// holds, with the commands that build and run suites in it.
struct ABTree: Sendable {
    /// `base` or `head`: the fork label and the results directory's name.
    let side: String
    /// What messages call it: `BASE=origin/main (1a2b3c4)` or `the working tree`.
    let name: String
    /// The tree's root directory.
    let root: String
    /// The commit recorded in its reports (`GIT_COMMIT`).
    let commit: String

    /// Runs `command` in the tree's root through `env` (which searches `PATH`); returns the outcome.
    func execute(_ command: [String], environment: [String: String], timeout: Duration) throws(ABFailure)
        -> ChildProcess.Outcome
    {
        let child = ChildProcess("/usr/bin/env", command, environment: environment, workingDirectory: root)
        do {
            return try child.run(timeout: timeout)
        } catch {
            throw .git(command: command.joined(separator: " "), reason: "\(error)")
        }
    }

    /// Runs a suite's build commands.
    /// - Throws: `ABFailure.buildFailed` naming the tree, the suite, the command and the compiler's complaint.
    func build(_ suite: ABConfiguration.Suite, environment: [String: String]) throws(ABFailure) {
        for command in suite.build {
            let outcome = try execute(command, environment: environment, timeout: .seconds(3600))
            guard outcome.termination == .exited(0) else {
                throw .buildFailed(
                    revision: name, suite: suite.name, command: command.joined(separator: " "),
                    output: ABTree.complaint(outcome))
            }
        }
    }

    /// The fork command of `suite` in this tree: its executable resolved in the tree, `PATH` extended.
    /// - Throws: `ABFailure.suiteMissing` when the executable is not there.
    func forkCommand(_ suite: ABConfiguration.Suite, environment: [String: String]) throws(ABFailure) -> ForkCommand {
        let executable = suite.run[0].hasPrefix("/") ? suite.run[0] : "\(root)/\(suite.run[0])"
        guard ExecutablePath.isExecutableFile(executable) else {
            throw .suiteMissing(revision: name, suite: suite.name, path: executable)
        }
        var variables = environment
        let extra = suite.path.map { $0.hasPrefix("/") ? $0 : "\(root)/\($0)" }
        variables["PATH"] = (extra + [environment["PATH"] ?? "/usr/bin:/bin"]).joined(separator: ":")
        variables["GIT_COMMIT"] = commit
        return ForkCommand(
            label: side, executable: executable, arguments: Array(suite.run.dropFirst()), environment: variables,
            workingDirectory: root)
    }

    /// The lines of a failed command's output worth showing: its `error:` lines, else its last lines.
    static func complaint(_ outcome: ChildProcess.Outcome) -> String {
        let lines = (outcome.standardOutputText + "\n" + outcome.standardErrorText)
            .split(separator: "\n", omittingEmptySubsequences: true)
        let errors = lines.filter { $0.contains("error:") }
        return (errors.isEmpty ? Array(lines.suffix(15)) : Array(errors.prefix(15))).joined(separator: "\n")
            + (outcome.termination == .exited(0) ? "" : "\n(\(outcome.termination))")
    }
}
