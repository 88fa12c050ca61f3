import PerfSupport

@testable import perf_viewmodel

extension Options {
    /// Parses `arguments` (without the program name) and `environment` as `perf-viewmodel` does, without exiting.
    /// - Throws: `UsageError` naming the flag or variable to fix.
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> Options {
        Options(try command.parse(arguments, environment: environment))
    }
}
