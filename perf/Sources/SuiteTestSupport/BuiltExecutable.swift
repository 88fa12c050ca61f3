import PerfSupport

/// An executable of the perf package, found in the build folder next to the running test binary (a test
/// target that depends on it makes SwiftPM build it there).
///
///     let perfMemory = BuiltExecutable("perf-memory", unsetting: ["PERF_PROFILE"])
///     let run = try perfMemory.run(["--help"])
///     #expect(run.status == 0)
public struct BuiltExecutable: Sendable {
    /// The executable's product name, such as `perf-memory`.
    public let name: String
    /// Variables removed from the test's environment before every run (`PERF_PROFILE`, `NO_COLOR`), so
    /// that a developer's shell does not change what a test sees; a run's own `environment` may set them.
    public let unsetVariables: [String]

    /// The executable `name` of the build folder, run without `unsetVariables`.
    public init(_ name: String, unsetting unsetVariables: [String] = []) {
        self.name = name
        self.unsetVariables = unsetVariables
    }

    /// The executable's path: the folder of the running test binary (`ExecutablePath.directory()`), then `name`.
    public var path: String {
        ((try? ExecutablePath.directory()) ?? ".") + "/" + name
    }
}
