import PerfResult
import Testing

@testable import LoadGen

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A scenario's `service.directory` and `tls.cacert` are relative to the scenario file, so that a scenario runs
/// the same from any working directory, and `loadgen plan` hands both on to the profiling scripts.
@Suite struct ServiceDirectoryTests {
    private static let scenario = """
        {
          "target": "https://127.0.0.1:18101/",
          "tls": { "cacert": "certs/ca.pem" },
          "service": { "command": "loadgen-target", "arguments": ["--tls-cert", "server.pem"], "directory": "certs" }
        }
        """

    /// A directory with `secure.json` and an empty `certs/` folder; removed by `remove`.
    private func folder() throws -> String {
        let path = temporaryPath("service-directory")
        try #require(mkdir(path, 0o755) == 0)
        try #require(mkdir(path + "/certs", 0o755) == 0)
        try AtomicFile.write(Array(Self.scenario.utf8), to: path + "/secure.json")
        return path
    }

    private func remove(_ path: String) {
        unlink(path + "/secure.json")
        rmdir(path + "/certs")
        rmdir(path)
    }

    @Test func serviceDirectoryAndCACertAreRelativeToTheScenarioFile() throws {
        let path = try folder()
        defer { remove(path) }
        let scenario = try Scenario.load(path: path + "/secure.json")
        #expect(scenario.service?.directory == path + "/certs")
        #expect(scenario.service?.arguments == ["--tls-cert", "server.pem"])
        #expect(scenario.configuration.tls.caFile == path + "/certs/ca.pem")
    }

    @Test func serviceDirectoryThatIsNoDirectoryIsAnErrorNamingTheField() throws {
        let text = #"{"target": "http://127.0.0.1:1/", "service": {"command": "x", "directory": "missing"}}"#
        #expect(
            throws: LoadGenError.invalidField(
                field: "service.directory",
                reason: "perf/macro/missing is not a directory (it is relative to the scenario file)",
                file: "perf/macro/s.json")
        ) {
            try Scenario.parse(Array(text.utf8), path: "perf/macro/s.json")
        }
    }

    @Test func thePlanCarriesTheServiceDirectoryAndAnAbsoluteCACert() throws {
        let path = try folder()
        defer { remove(path) }
        let plan = try ScenarioPlan.resolve("secure", directory: path, workingDirectory: "/", profile: nil)
        #expect(try plan.lines().hasSuffix("service-argument\tserver.pem\nservice-directory\t\(path)/certs\n"))
        #expect(plan.loadScenario.contains("\"cacert\": \"\(path)/certs/ca.pem\""))
        let elsewhere = temporaryPath("secure-load.json")
        defer { unlink(elsewhere) }
        try AtomicFile.write(Array(plan.loadScenario.utf8), to: elsewhere)
        #expect(try Scenario.load(path: elsewhere).configuration.tls.caFile == path + "/certs/ca.pem")
    }
}
