import DemoService
import LoadGen
import PerfSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every scenario in perf/macro must load through LoadGen's own parser (as `make perf-macro` and `demo-load` load
/// them), in both profiles, and every demo-service scenario must start the service with flags it accepts.
@Suite struct ScenarioFilesTests {
    static let macro: String = {
        let file = #filePath
        let tests = file[..<file.lastIndex(of: "/")!]
        return String(tests[..<tests.lastIndex(of: "/")!].dropLast("/Tests".count)) + "/macro"
    }()

    static let files: [String] = {
        guard let directory = opendir(macro) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".json") { names.append(name) }
        }
        return names.sorted()
    }()

    @Test func theMacroFolderHasTheDemoServiceScenarios() {
        for name in [
            "http-login.json", "http-messages.json", "http-sustained.json", "http-spike.json", "http-stress.json",
            "http-connections.json", "http-payload.json",
        ] {
            #expect(Self.files.contains(name), "perf/macro/\(name) is missing")
        }
    }

    @Test(arguments: files)
    func everyScenarioParsesInBothProfilesWithThresholds(_ name: String) throws {
        for profile in [nil, "quick"] {
            let scenario = try Scenario.load(path: Self.macro + "/" + name, profile: profile)
            try scenario.configuration.validate()
            #expect(!scenario.thresholds.isEmpty, "\(name) has no thresholds")
            #expect(scenario.description != nil, "\(name) says nothing about what it is for")
        }
    }

    @Test(arguments: files)
    func demoServiceScenariosStartItWithValidFlagsOnTheirTargetPort(_ name: String) throws {
        let scenario = try Scenario.load(path: Self.macro + "/" + name)
        guard let service = scenario.service, service.command == "demo-service" else { return }
        let parsed = try ServiceConfiguration.command.parse(service.arguments)
        #expect(!parsed.helpRequested, "\(name): the service arguments ask for --help")
        let configuration = ServiceConfiguration(parsed)
        #expect(configuration.port == scenario.configuration.target.port)
        #expect(service.readiness == "http://127.0.0.1:\(configuration.port)/health")
        #expect(
            scenario.configuration.connectionPool < configuration.maxConnections, "\(name): connections over the limit")
    }
}

extension ScenarioFilesTests {
    /// The payload scenario's bodies (10, 25, 50 KiB) are answered 200 and echoed whole by a service configured with
    /// the scenario's own flags: its `--max-body` lets them in and the route it targets exists.
    @Test func thePayloadScenarioBodiesAreEchoedByTheServiceItStarts() throws {
        let scenario = try Scenario.load(path: Self.macro + "/http-payload.json")
        let arguments = try #require(scenario.service).arguments
        var configuration = ServiceConfiguration(try ServiceConfiguration.command.parse(arguments))
        configuration.users = 8
        configuration.hashRounds = 16
        let service = try DemoService(configuration: configuration)
        let sizes = scenario.configuration.requests.map(\.body.count)
        #expect(sizes == [10 * 1024, 25 * 1024, 50 * 1024])
        for template in scenario.configuration.requests {
            let route = try #require(Route.allCases.first { $0.path == template.path })
            let (response, body) = service.respond(route: route, method: .post, body: template.body)
            #expect(response.status == .ok)
            #expect(body == template.body)
            #expect(template.body.count <= configuration.maxBodyBytes)
        }
    }
}
