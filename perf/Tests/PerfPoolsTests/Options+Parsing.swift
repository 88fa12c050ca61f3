import PerfSupport

@testable import perf_pools

extension Options {
    /// Parses `arguments` (without the program name) and `environment` as `perf-pools` does, without exiting.
    /// - Throws: `UsageError` naming the flag or variable to fix.
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> Options {
        try Options(command.parse(arguments, environment: environment))
    }
}
