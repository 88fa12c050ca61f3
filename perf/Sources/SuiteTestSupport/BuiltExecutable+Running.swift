import Foundation

extension BuiltExecutable {
    /// Runs the executable to its end with `arguments`, in the test's environment without
    /// `unsetVariables` and with `environment` on top, and returns its status and output.
    ///
    /// It waits without a time limit: run only what is bounded by its own arguments (iterations, ticks,
    /// a duration) or stops before measuring.
    /// - Throws: What `Process.run()` throws when the executable cannot be started (for example when it
    ///   was not built).
    public func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ExecutableRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        for name in unsetVariables { variables[name] = nil }
        variables.merge(environment) { $1 }
        process.environment = variables
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ExecutableRun(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
