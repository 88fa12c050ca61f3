import PerfResult
import PerfSupport
import Testing

@testable import LoadGen

#if os(Linux)

/// A service's readiness URL: `https://` is checked over TLS with the run's verification settings, and a
/// readiness that never comes names what the last try got. Each wait is bounded by the spec's timeout.
@Suite(
    .serialized,
    .enabled(if: TLSFixture.available, "needs the openssl command-line tool (to make certificates) and libssl.so.3"))
struct HTTPSReadinessTests {
    let fixture: TLSFixture

    init() throws {
        fixture = try TLSFixture.shared.get()
    }

    /// A service that stays up (and is not itself the server): readiness is asked of `url`.
    private func waiting(for url: String, timeout: Duration = .seconds(5)) throws -> ServiceProcess {
        var spec = ServiceSpec(command: "sleep")
        spec.arguments = ["30"]
        spec.readiness = url
        spec.timeout = timeout
        spec.log = temporaryPath("readiness.log")
        return try ServiceProcess.start(spec)
    }

    @Test func httpsReadinessIsReadyOnceTheTLSServerAnswersWithAVerifiedCertificate() throws {
        let server = try fixture.server()
        defer { server.stop() }
        let service = try waiting(for: "https://127.0.0.1:\(server.port)/")
        defer { service.stop() }
        var tls = TLSSettings()
        tls.caFile = fixture.certificate
        try service.waitUntilReady(tls: tls)
        #expect(server.requestCount >= 1)
    }

    @Test func httpsReadinessAgainstAnotherCAFailsNamingTheVerificationError() throws {
        let server = try fixture.server()
        defer { server.stop() }
        let url = "https://127.0.0.1:\(server.port)/"
        let service = try waiting(for: url, timeout: .milliseconds(300))
        defer { service.stop() }
        var tls = TLSSettings()
        tls.caFile = fixture.otherCA
        let error = #expect(throws: LoadGenError.self) { try service.waitUntilReady(tls: tls) }
        let text = error?.description ?? ""
        #expect(
            text.contains("\(url) did not answer 2xx or 3xx within 300ms (last try: TLS: certificate verify failed"))
        #expect(server.requestCount == 0)
        // Without verification the same server is ready.
        tls.verify = false
        try service.waitUntilReady(tls: tls)
    }

    @Test func httpsReadinessWithAnUnreadableCAFileFailsAtOnce() throws {
        let service = try waiting(for: "https://127.0.0.1:9/")
        defer { service.stop() }
        var tls = TLSSettings()
        tls.caFile = "/nonexistent/ca.pem"
        let error = #expect(throws: LoadGenError.self) { try service.waitUntilReady(tls: tls) }
        #expect(error?.description.hasPrefix("TLS: cannot load CA certificates from /nonexistent/ca.pem") == true)
    }

    @Test func plainReadinessAgainstATLSPortTimesOutNamingWhatItGot() throws {
        let server = try fixture.server()
        defer { server.stop() }
        let service = try waiting(for: "http://127.0.0.1:\(server.port)/", timeout: .milliseconds(200))
        defer { service.stop() }
        let error = #expect(throws: LoadGenError.self) { try service.waitUntilReady() }
        #expect(error?.description.contains("within 200ms (last try: no HTTP response); see its log") == true)
    }
}

#endif
