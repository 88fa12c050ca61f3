import PerfResult
import PerfSupport
import Testing

@testable import LoadGen

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An https scenario where libssl cannot be loaded (`LOADGEN_LIBSSL` names a file that is not there): it stops
/// before its service starts, exit 2; with `--skip-without-tls` (as `make perf-macro` runs every scenario) it
/// says it is skipped and exits 0, writing no report.
@Suite struct SkipWithoutTLSTests {
    private func run(_ arguments: [String]) throws -> ChildProcess.Outcome {
        let environment = ["PATH": "/usr/bin:/bin", "LOADGEN_LIBSSL": "/nonexistent/libssl.so.3"]
        return try ChildProcess(try ExecutablePath.directory() + "/loadgen", arguments, environment: environment)
            .run(timeout: .seconds(60))
    }

    /// A scenario whose service would leave `marker` behind if it were started.
    private func scenario(marker: String) throws -> String {
        let path = temporaryPath("secure.json")
        let text = """
            {"name": "secure", "target": "https://127.0.0.1:9/", "count": 1, "tls": {"cacert": "/nonexistent/ca.pem"},
             "service": {"command": "sh", "arguments": ["-c", "touch \(marker); sleep 30"],
                         "readiness": "https://127.0.0.1:9/", "timeout": "1s"}}
            """
        try AtomicFile.write(Array(text.utf8), to: path)
        return path
    }

    @Test func anHTTPSScenarioWithoutLibsslIsSkippedOnRequestAndExitTwoOtherwise() throws {
        let marker = temporaryPath("service-started")
        let file = try scenario(marker: marker)
        let report = temporaryPath("secure-report.json")
        defer {
            removeFile(file)
            removeFile(marker)
        }

        let skipped = try run(["--no-progress", "--scenario", file, "--json", report, "--skip-without-tls"])
        #expect(skipped.termination == .exited(0), "\(skipped.standardErrorText)")
        #expect(
            skipped.standardOutputText.contains(
                "loadgen: secure skipped: /nonexistent/libssl.so.3 cannot be loaded (/nonexistent/libssl.so.3: "))
        #expect(skipped.standardOutputText.contains("install libssl3 (Debian/Ubuntu: apt-get install libssl3"))
        #expect(access(report, F_OK) != 0, "a skipped run writes no report")

        let failed = try run(["--no-progress", "--scenario", file])
        #expect(failed.termination == .exited(2))
        #expect(failed.standardErrorText.hasPrefix("loadgen: https needs OpenSSL 3's /nonexistent/libssl.so.3"))
        #expect(access(marker, F_OK) != 0, "the service must not start without libssl")
    }
}
