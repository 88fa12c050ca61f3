import LoadGen
import PerfSupport
import Testing

/// The HTTPS scenarios of perf/macro serve the committed test-only certificate (perf/macro/tls, made by
/// make-cert.sh) from `loadgen-target`, and their own `tls` settings verify it: a short run against a server with
/// the scenario's certificate and key completes every request with verification on, and resumes or not as the
/// scenario says. Counts decide, never timing.
@Suite(.enabled(if: (try? TLSLibrary.load()) != nil, "needs libssl.so.3"))
struct HTTPSScenarioTests {
    static let files = ScenarioFilesTests.files.filter { $0.hasPrefix("https-") }

    /// The value after `flag` in `arguments`.
    private func value(of flag: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    @Test func theHTTPSScenariosAreThere() {
        #expect(Self.files == ["https-full.json", "https-keepalive.json", "https-resumed.json"])
    }

    @Test(arguments: files)
    func theScenarioVerifiesTheCertificateItsServiceServes(_ name: String) throws {
        let scenario = try Scenario.load(path: ScenarioFilesTests.macro + "/" + name)
        let service = try #require(scenario.service)
        let target = scenario.configuration.target
        #expect(service.command == "loadgen-target")
        #expect(target.isTLS && target.host == "127.0.0.1")
        #expect(value(of: "--port", in: service.arguments) == String(target.port))
        #expect(service.readiness == target.description)
        #expect(scenario.configuration.tls.verify)
        #expect(scenario.configuration.tls.caFile == ScenarioFilesTests.macro + "/tls/ca.pem")

        let directory = try #require(service.directory)
        var options = TargetOptions()
        options.tlsCertificate = directory + "/" + (try #require(value(of: "--tls-cert", in: service.arguments)))
        options.tlsKey = directory + "/" + (try #require(value(of: "--tls-key", in: service.arguments)))
        let server = try TargetServer(options)
        defer { server.stop() }
        var configuration = scenario.configuration
        configuration.target = try Target(url: "https://127.0.0.1:\(server.port)/")
        configuration.connections = 2
        configuration.threads = 1
        configuration.stages = []
        configuration.warmup = .zero
        configuration.count = 20
        configuration.duration = .seconds(30)
        let result = try LoadTest(configuration).run()
        #expect(result.completed == 20)
        #expect(result.errors.total == 0, "\(result.tls?.failureReasons ?? [:])")
        let closes = scenario.configuration.requests.contains { request in
            request.headers.contains { $0.name == "Connection" && $0.value == "close" }
        }
        let tls = try #require(result.tls)
        if closes, configuration.tls.resume {
            #expect(tls.resumedHandshakes > 0)
        } else if closes {
            #expect(tls.resumedHandshakes == 0 && tls.fullHandshakes >= 20)
        } else {
            #expect(tls.handshakes == 2)
        }
    }
}
