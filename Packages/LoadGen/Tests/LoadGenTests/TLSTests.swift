import PerfResult
import PerfSupport
import Testing

@testable import LoadGen

#if os(Linux)

/// https against `loadgen-target` with certificates made at run time (`TLSFixture`). Every run is bounded by
/// a count or a short duration; verdicts rest on counts and reasons, never on timing. Skipped, with the note
/// below, where the `openssl` tool or `libssl.so.3` is missing.
@Suite(
    .serialized,
    .enabled(if: TLSFixture.available, "needs the openssl command-line tool (to make certificates) and libssl.so.3"))
struct TLSTests {
    let fixture: TLSFixture

    init() throws {
        fixture = try TLSFixture.shared.get()
    }

    private func https(_ server: some Any, port: Int, host: String = "127.0.0.1") throws -> LoadConfiguration {
        var configuration = LoadConfiguration(target: try Target(url: "https://\(host):\(port)/"))
        configuration.threads = 1
        configuration.tls.caFile = fixture.certificate
        return configuration
    }

    /// A run of `duration` that every handshake fails: nothing completes, every failure is a `tls` error.
    private func failingRun(_ configuration: LoadConfiguration) throws -> LoadResult {
        var configuration = configuration
        configuration.connections = 2
        configuration.duration = .milliseconds(600)
        configuration.timeout = .milliseconds(300)
        let result = try LoadTest(configuration).run()
        #expect(result.completed == 0)
        #expect(result.errors.tls > 0)
        #expect(result.errors.total == result.errors.tls)
        #expect(result.tls?.failureReasons.values.reduce(0, +) == result.errors.tls)
        #expect(result.tls?.handshakes == 0)
        return result
    }

    private func reasons(_ result: LoadResult) -> [String] { result.tls.map { Array($0.failureReasons.keys) } ?? [] }

    @Test func keepAliveCountsMatchTheServerWithVerificationAgainstTheCAFile() throws {
        let server = try fixture.server()
        defer { server.stop() }
        var configuration = try https(server, port: server.port)
        configuration.connections = 4
        configuration.pipelining = 3
        configuration.count = 1200
        configuration.duration = .seconds(30)
        let result = try LoadTest(configuration).run()
        #expect(result.completed == 1200)
        #expect(result.failures == 0)
        #expect(server.requestCount == 1200)
        #expect(result.statusCounts == [200: 1200])
        let tls = try #require(result.tls)
        #expect(tls.fullHandshakes == 4)
        #expect(tls.resumedHandshakes == 0)
        #expect(tls.handshakeTime.totalCount == 4)
        #expect(tls.connectTime.totalCount == 4)
        #expect(tls.protocolVersion == "TLSv1.3")
        #expect(tls.verification == "CA file \(fixture.certificate)")
        #expect(
            result.bytesInWindow
                == 1200 * UInt64(ServerShared.buildResponse(TargetOptions(), closing: false).count))
    }

    @Test func verificationUsesTheSystemStoreByDefaultAndInsecureSkipsIt() throws {
        let server = try fixture.server()
        defer { server.stop() }
        var configuration = try https(server, port: server.port)
        configuration.tls.caFile = nil
        let refused = try failingRun(configuration)
        #expect(reasons(refused).allSatisfy { $0.hasPrefix("certificate verify failed: self-signed certificate") })
        #expect(refused.tls?.verification == "system store")

        configuration.tls.verify = false
        configuration.connections = 2
        configuration.count = 200
        configuration.duration = .seconds(30)
        let before = server.requestCount
        let result = try LoadTest(configuration).run()
        #expect(result.completed == 200)
        #expect(result.failures == 0)
        #expect(server.requestCount - before == 200)
        #expect(result.tls?.verification == "off (--insecure)")
        #expect(result.summaryTable().contains("verification off (--insecure)"))
    }

    @Test func aWrongCAAWrongHostNameAndAnExpiredCertificateAreTLSErrorsWithTheirReasons() throws {
        let server = try fixture.server()
        defer { server.stop() }
        var configuration = try https(server, port: server.port)
        configuration.tls.caFile = fixture.otherCA
        #expect(
            reasons(try failingRun(configuration)).allSatisfy {
                $0.hasPrefix("certificate verify failed: self-signed certificate")
            })

        let wrongHost = try fixture.server(certificate: fixture.wrongHost)
        defer { wrongHost.stop() }
        configuration = try https(wrongHost, port: wrongHost.port)
        configuration.tls.caFile = fixture.wrongHost
        #expect(
            reasons(try failingRun(configuration)) == ["certificate verify failed: IP address mismatch (X509 error 64)"]
        )
        configuration = try https(wrongHost, port: wrongHost.port, host: "localhost")
        configuration.tls.caFile = fixture.wrongHost
        #expect(
            reasons(try failingRun(configuration)) == ["certificate verify failed: hostname mismatch (X509 error 62)"])

        let expired = try fixture.server(certificate: fixture.expired)
        defer { expired.stop() }
        configuration = try https(expired, port: expired.port)
        configuration.tls.caFile = fixture.expired
        #expect(
            reasons(try failingRun(configuration)) == [
                "certificate verify failed: certificate has expired (X509 error 10)"
            ])
    }

    @Test func aServerThatClosesDuringTheHandshakeOrSpeaksPlainHTTPIsCountedWithItsReason() throws {
        let closing = try RawServer(.closeAfterFirstRead)
        defer { closing.stop() }
        #expect(
            reasons(try failingRun(try https(closing, port: closing.port))) == [
                "closed by the server during the handshake"
            ])

        let plain = try RawServer(.answerPlainHTTP)
        defer { plain.stop() }
        let answered = reasons(try failingRun(try https(plain, port: plain.port)))
        #expect(answered.count == 1)
        #expect(
            answered.allSatisfy {
                $0.hasPrefix("handshake failed: ") && $0.hasSuffix("(the server does not speak TLS: plain HTTP?)")
            })

        // A plain HTTP server waits for a request head that a ClientHello never completes: the handshake times out.
        let silent = try TargetServer(TargetOptions())
        defer { silent.stop() }
        #expect(
            reasons(try failingRun(try https(silent, port: silent.port))).allSatisfy {
                $0.hasPrefix("handshake timed out")
            })
    }

    @Test func anAlertFromTheServerIsCountedWithItsText() throws {
        // `openssl s_server -Verify 1` requires a client certificate: a TLS 1.3 client finishes its handshake,
        // then reads the server's fatal alert in place of a response.
        let port = try freePort()
        let server = try ChildProcess(
            TLSFixture.openssl!,
            [
                "s_server", "-accept", "127.0.0.1:\(port)", "-cert", fixture.certificate, "-key", fixture.key,
                "-Verify", "1", "-www", "-quiet",
            ],
            environment: ["PATH": "/usr/bin:/bin"]
        ).spawn(standardOutput: .discard, standardError: .discard)
        defer { _ = try? server.terminate(grace: .seconds(1)) }
        try waitUntilListening(port)
        var configuration = try https(server, port: port)
        configuration.connections = 1
        configuration.duration = .milliseconds(600)
        let result = try LoadTest(configuration).run()
        #expect(result.completed == 0)
        #expect(result.errors.tls > 0)
        #expect(result.errors.total == result.errors.tls)
        #expect(reasons(result) == ["alert received: tlsv13 alert certificate required"])
        #expect(result.tls?.failureReasons.values.reduce(0, +) == result.errors.tls)
    }

    @Test func reconnectsResumeSessionsUnlessResumptionIsOff() throws {
        let server = try fixture.server()
        defer { server.stop() }
        var configuration = try https(server, port: server.port, host: "localhost")
        configuration.connections = 2
        configuration.count = 300
        configuration.duration = .seconds(30)
        configuration.requests = [RequestTemplate(headers: [.init(name: "Connection", value: "close")])]
        let resumed = try LoadTest(configuration).run()
        #expect(resumed.completed == 300)
        #expect(resumed.failures == 0)
        #expect(server.requestCount == 300)
        let tls = try #require(resumed.tls)
        // A handshake per response (each connection's last one may still be under way at the end).
        #expect(tls.handshakes >= 300)
        #expect(tls.resumedHandshakes > 0)
        #expect(tls.fullHandshakes >= 2)

        configuration.tls.resume = false
        let full = try LoadTest(configuration).run()
        #expect(full.completed == 300)
        #expect(full.failures == 0)
        #expect(server.requestCount == 600)
        #expect(full.tls?.resumedHandshakes == 0)
        #expect((full.tls?.fullHandshakes ?? 0) >= 300)
    }

    @Test func theFiguresReachTheReportAndMergeExactly() throws {
        let server = try fixture.server()
        defer { server.stop() }
        var configuration = try https(server, port: server.port)
        configuration.connections = 2
        configuration.count = 100
        configuration.duration = .seconds(30)
        configuration.requests = [RequestTemplate(headers: [.init(name: "Connection", value: "close")])]
        let result = try LoadTest(configuration).run()
        let keys = Set(try result.perfResult(name: "tls/total").metrics.map(\.key))
        #expect(Set(LoadResult.tlsKeys).isSubset(of: keys))
        #expect(Set(LoadResult.tlsKeys).isSubset(of: Set(LoadResult.thresholdKeys)))
        let path = temporaryPath("tls.json")
        defer { removeFile(path) }
        try LoadReport.write(
            [.init(name: "tls/total", result: result)], suite: "macro-tls", environment: .capture(), to: path)
        let read = try #require(try LoadReport.read(from: path).entries.first?.result)
        #expect(read.tls == result.tls)
        let merged = try #require(read.merged(with: result).tls)
        #expect(merged.handshakes == 2 * (result.tls?.handshakes ?? 0))
        #expect(merged.handshakeTime.totalCount == 2 * (result.tls?.handshakeTime.totalCount ?? 0))
        #expect(merged.failureReasons.isEmpty)
    }
}

/// Without libssl (`LOADGEN_LIBSSL` names a file that is not there): https is a usage error naming the library and
/// how to install it, exit 2; plain HTTP runs as before.
@Suite struct TLSLibraryMissingTests {
    private func tool(_ program: String, _ arguments: [String]) throws -> ChildProcess.Outcome {
        let environment = ["PATH": "/usr/bin:/bin", "LOADGEN_LIBSSL": "/nonexistent/libssl.so.3"]
        return try ChildProcess(try ExecutablePath.directory() + "/" + program, arguments, environment: environment)
            .run(timeout: .seconds(60))
    }

    @Test func httpsIsExitTwoNamingTheLibraryAndPlainHTTPIsUnaffected() throws {
        let https = try tool("loadgen", ["-c1", "-t1", "-n10", "--no-progress", "https://127.0.0.1:1/"])
        #expect(https.termination == .exited(2))
        #expect(
            https.standardErrorText.hasPrefix(
                "loadgen: https needs OpenSSL 3's /nonexistent/libssl.so.3, which cannot be loaded ("))
        #expect(https.standardErrorText.contains("apt-get install libssl3"))

        let target = try tool("loadgen-target", ["--port", "0", "--tls-cert", "cert.pem", "--tls-key", "key.pem"])
        #expect(target.termination == .exited(2))
        #expect(target.standardErrorText.contains("apt-get install libssl3"))

        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        let plain = try tool("loadgen", ["-c1", "-t1", "-n10", "--no-progress", "http://127.0.0.1:\(server.port)/"])
        #expect(plain.termination == .exited(0), "\(plain.standardErrorText)")
        #expect(plain.standardOutputText.contains("Status codes  200: 10"))
        #expect(!plain.standardOutputText.contains("TLS "))

        // The dynamic loader's own account: a plain run never opens libssl; an https one does.
        let traced = try ChildProcess(
            try ExecutablePath.directory() + "/loadgen",
            ["-c1", "-t1", "-n10", "--no-progress", "http://127.0.0.1:\(server.port)/"],
            environment: ["PATH": "/usr/bin:/bin", "LD_DEBUG": "files"]
        ).run(timeout: .seconds(60))
        #expect(traced.termination == .exited(0))
        #expect(traced.standardErrorText.contains("file="))
        #expect(!traced.standardErrorText.contains("libssl"))
        let tracedHTTPS = try ChildProcess(
            try ExecutablePath.directory() + "/loadgen",
            ["-c1", "-t1", "-d100ms", "--timeout", "50ms", "--no-progress", "https://127.0.0.1:\(server.port)/"],
            environment: ["PATH": "/usr/bin:/bin", "LD_DEBUG": "files"]
        ).run(timeout: .seconds(60))
        #expect(tracedHTTPS.standardErrorText.contains("file=libssl.so.3"))
    }
}

#if os(Linux)
/// A port that was free a moment ago (for a server started by another program).
private func freePort() throws -> Int {
    let probe = try TargetServer(TargetOptions())
    let port = probe.port
    probe.stop()
    return port
}

/// Waits (at most 10 s) until something accepts connections on 127.0.0.1:`port`.
private func waitUntilListening(_ port: Int) throws {
    let target = try Target(url: "http://127.0.0.1:\(port)/")
    for _ in 0..<200 {
        var configuration = LoadConfiguration(target: target)
        configuration.connections = 1
        configuration.threads = 1
        configuration.duration = .milliseconds(20)
        configuration.grace = .milliseconds(10)
        configuration.timeout = .milliseconds(10)
        if try LoadTest(configuration).run().errors.connect == 0 { return }
    }
    throw LoadGenError.serviceFailed(command: "openssl s_server", reason: "never listened on \(port)")
}
#endif

/// URLs and the plain-HTTP path, which never needs libssl.
@Suite struct TLSTargetTests {
    @Test func httpsURLsParseWithTheirDefaultPort() throws {
        let target = try Target(url: "https://localhost/x")
        #expect(target.isTLS)
        #expect(target.port == 443)
        #expect(target.description == "https://localhost:443/x")
        #expect(!target.hostIsAddress)
        #expect(try Target(url: "https://127.0.0.1:8443/").hostIsAddress)
        #expect(try !Target(url: "http://127.0.0.1/").isTLS)
    }
}

#endif

/// A scenario's `tls` section.
@Suite struct TLSScenarioTests {
    @Test func theTLSSectionSetsVerificationAndResumption() throws {
        let text =
            #"{"target": "https://localhost:8443/", "tls": {"cacert": "ca.pem", "insecure": false, "resume": false}}"#
        let scenario = try Scenario.parse(Array(text.utf8), path: "perf/macro/secure.json")
        #expect(scenario.configuration.target.isTLS)
        #expect(scenario.configuration.tls.caFile == "perf/macro/ca.pem")
        #expect(scenario.configuration.tls.verify)
        #expect(!scenario.configuration.tls.resume)
        let insecure = try Scenario.parse(
            Array(#"{"target": "https://127.0.0.1:8443/", "tls": {"insecure": true}}"#.utf8), path: "s.json")
        #expect(!insecure.configuration.tls.verify)
        #expect(insecure.configuration.tls.resume)
        #expect(throws: LoadGenError.self) {
            try Scenario.parse(
                Array(#"{"target": "https://127.0.0.1/", "tls": {"insecure": "yes"}}"#.utf8), path: "s.json")
        }
    }
}
