import PerfSupport

/// The git commands of an A/B run: resolving the base, and keeping its worktree at that commit.
struct ABGit: Sendable {
    let root: String
    let environment: [String: String]

    private func git(_ arguments: [String], timeout: Duration = .seconds(600)) throws(ABFailure) -> ChildProcess.Outcome
    {
        let child = ChildProcess("/usr/bin/env", ["git", "-C", root] + arguments, environment: environment)
        do {
            return try child.run(timeout: timeout)
        } catch {
            throw .git(command: "git " + arguments.joined(separator: " "), reason: "\(error)")
        }
    }

    private func checked(_ arguments: [String]) throws(ABFailure) -> String {
        let outcome = try git(arguments)
        guard outcome.termination == .exited(0) else {
            throw .git(command: "git " + arguments.joined(separator: " "), reason: ABTree.complaint(outcome))
        }
        return outcome.standardOutputText.trimmingTrailingNewlines
    }

    /// The full commit `revision` names.
    /// - Throws: `ABFailure.unknownRevision` when it names none.
    func commit(of revision: String) throws(ABFailure) -> String {
        let outcome = try git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"])
        guard outcome.termination == .exited(0), !outcome.standardOutputText.isEmpty else {
            let reason = outcome.standardErrorText.trimmingTrailingNewlines
            throw .unknownRevision(revision, reason: reason.isEmpty ? "git rev-parse found no such commit" : reason)
        }
        return outcome.standardOutputText.trimmingTrailingNewlines
    }

    /// The head's commit as reports record it: `HEAD`'s, with `+dirty` when the working tree has changes.
    func headDescription() throws(ABFailure) -> String {
        let commit = try checked(["rev-parse", "HEAD"])
        let status = try checked(["status", "--porcelain", "--untracked-files=no"])
        return status.isEmpty ? commit : commit + "+dirty"
    }

    /// Puts a detached worktree of `commit` at `path` (absolute), reusing one already there (its build folders
    /// survive, so builds are incremental) or adding it.
    /// - Throws: `ABFailure.git` when `path` exists and is not a worktree, or a git command fails.
    func checkOut(_ commit: String, at path: String) throws(ABFailure) {
        _ = try checked(["worktree", "prune"])
        if FileSystem.exists(path) {
            guard FileSystem.exists(FileSystem.join(path, ".git")),
                !FileSystem.isDirectory(FileSystem.join(path, ".git"))
            else {
                throw .git(
                    command: "git worktree add \(path)",
                    reason: "\(path) exists and is not a worktree of this repository; remove it (make clean does)")
            }
            _ = try checked(["-C", path, "checkout", "--quiet", "--detach", "--force", commit])
            _ = try checked(["-C", path, "clean", "--quiet", "-ffdx", "-e", ".build*"])
        } else {
            _ = try checked(["worktree", "add", "--quiet", "--detach", "--force", path, commit])
        }
    }
}

extension String {
    /// The text without the newlines at its end.
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return text
    }
}
