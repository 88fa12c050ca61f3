import CLoadGen
import PerfResult
import PerfSupport
import Testing

@testable import LoadGen

#if canImport(Glibc)
import Glibc
#endif

/// Figures with a few latencies, for a server to serve.
private func servedFigures() -> LiveFigures {
    var figures = LiveFigures()
    figures.requests = 3
    figures.statuses[2] = 3
    for value: UInt64 in [80_000, 90_000, 2_000_000] { figures.latency.record(value) }
    return figures
}

/// `GET /metrics` over HTTP on loopback: what Prometheus sees.
@Suite struct MetricsServerTests {
    @Test func getMetricsAnswersTheFeedsExpositionWithTheFormatsContentType() throws {
        let feed = LiveFeed()
        feed.follow { servedFigures() }
        let server = try MetricsServer(host: "127.0.0.1", port: 0, feed: feed)
        defer { server.stop() }
        let answer = try exchange(port: server.port, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(answer.status == 200)
        #expect(answer.head.contains("\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"))
        #expect(answer.head.contains("\r\nContent-Length: \(answer.body.utf8.count)\r\n"))
        #expect(answer.body == PrometheusText.render(servedFigures()))
        // A query string is ignored (Prometheus may add one); HEAD has the head only.
        #expect(try exchange(port: server.port, "GET /metrics?x=1 HTTP/1.0\r\n\r\n").status == 200)
        let head = try exchange(port: server.port, "HEAD /metrics HTTP/1.1\r\n\r\n")
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(server.scrapes == 3)
    }

    @Test func otherPathsMethodsAndGarbageGetTheirHTTPErrors() throws {
        let server = try MetricsServer(host: "127.0.0.1", port: 0, feed: LiveFeed())
        defer { server.stop() }
        #expect(try exchange(port: server.port, "GET / HTTP/1.1\r\n\r\n").status == 404)
        #expect(try exchange(port: server.port, "GET /metricsx HTTP/1.1\r\n\r\n").status == 404)
        let post = try exchange(port: server.port, "POST /metrics HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
        #expect(post.status == 405)
        #expect(post.head.contains("\r\nAllow: GET, HEAD\r\n"))
        #expect(try exchange(port: server.port, "hello\r\n\r\n").status == 400)
        let huge = "GET /metrics HTTP/1.1\r\nX: " + String(repeating: "a", count: 10_000) + "\r\n\r\n"
        #expect(try exchange(port: server.port, huge).status == 431)
        #expect(server.scrapes == 0)
    }

    @Test func theFinishedFeedIsServedAsFinalAndFollowsNoLongerTheProvider() throws {
        let feed = LiveFeed()
        feed.follow { LiveFigures() }
        let server = try MetricsServer(host: "127.0.0.1", port: 0, feed: feed)
        defer { server.stop() }
        #expect(samples(try scrape(port: server.port))["loadgen_finished"] == "0")
        feed.finish(servedFigures())
        let final = samples(try scrape(port: server.port))
        #expect(final["loadgen_finished"] == "1")
        #expect(final["loadgen_requests_total"] == "3")
    }

    @Test func aPortInUseIsRefusedWithEADDRINUSEAndStopFreesThePort() throws {
        let first = try MetricsServer(host: "127.0.0.1", port: 0, feed: LiveFeed())
        #expect(
            throws: LoadGenError.systemCallFailed(call: "bind/listen on 127.0.0.1:\(first.port)", errno: EADDRINUSE)
        ) {
            _ = try MetricsServer(host: "127.0.0.1", port: first.port, feed: LiveFeed())
        }
        first.stop()
        first.stop()
        #expect(throws: (any Error).self) { try scrape(port: first.port) }
        let again = try MetricsServer(host: "127.0.0.1", port: first.port, feed: LiveFeed())
        again.stop()
    }

    @Test func anAddressThatIsNotIPv4IsAnInvalidField() {
        #expect(
            throws: LoadGenError.invalidField(
                field: "metrics-address", reason: "\"localhost\" is not an IPv4 address", file: nil)
        ) {
            _ = try MetricsServer(host: "localhost", port: 0, feed: LiveFeed())
        }
    }

    @Test(.enabled(if: promtool != nil, "promtool is not on PATH (apt-get install prometheus): check skipped"))
    func promtoolFindsNoProblemInAScrapedExposition() throws {
        let feed = LiveFeed()
        var figures = servedFigures()
        figures.errors.timeout = 2
        feed.finish(figures)
        let server = try MetricsServer(host: "127.0.0.1", port: 0, feed: feed)
        defer { server.stop() }
        let path = temporaryPath("scrape.prom")
        defer { removeFile(path) }
        try AtomicFile.write(Array(try scrape(port: server.port).utf8), to: path)
        try checkWithPromtool(path)
    }
}

/// Runs `promtool check metrics` on the exposition at `path` and expects no complaint.
func checkWithPromtool(_ path: String) throws {
    guard let promtool else { return }
    let outcome = try ChildProcess(promtool, ["check", "metrics"], standardInput: path).run(timeout: .seconds(30))
    #expect(outcome.termination == .exited(0), "\(outcome.standardOutputText)\(outcome.standardErrorText)")
    #expect(outcome.standardOutputText.isEmpty, "\(outcome.standardOutputText)")
    #expect(outcome.standardErrorText.isEmpty, "\(outcome.standardErrorText)")
}
