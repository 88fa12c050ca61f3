import PerfSupport
import Testing

@testable import LoadGen

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Figures whose exposition is known line by line: seven responses (one 404), three errors, and latencies on
/// both sides of bucket edges (1 000 447 ns is the top of the 1 ms bucket, 1 000 448 ns the next one's first).
private func knownFigures() -> LiveFigures {
    var figures = LiveFigures()
    figures.requests = 7
    figures.statuses = [0, 0, 6, 0, 1, 0]
    figures.errors.connect = 1
    figures.errors.timeout = 2
    figures.bytes = 980
    figures.lastSecondRequests = 5
    figures.inFlight = 3
    figures.connections = 4
    for value: UInt64 in [50_000, 50_000, 150_000, 1_000_447, 1_000_448, 3_000_000_000, 60_000_000_000] {
        figures.latency.record(value)
    }
    return figures
}

/// The exposition of live figures in the Prometheus text format 0.0.4.
@Suite struct PrometheusTextTests {
    @Test func aKnownSnapshotRendersExactlyTheseLines() {
        let expected = """
            # HELP loadgen_requests_total Responses to measured requests (after the warmup).
            # TYPE loadgen_requests_total counter
            loadgen_requests_total 7
            # HELP loadgen_responses_total Responses to measured requests by status class (other: a status outside 100-599).
            # TYPE loadgen_responses_total counter
            loadgen_responses_total{status="other"} 0
            loadgen_responses_total{status="1xx"} 0
            loadgen_responses_total{status="2xx"} 6
            loadgen_responses_total{status="3xx"} 0
            loadgen_responses_total{status="4xx"} 1
            loadgen_responses_total{status="5xx"} 0
            # HELP loadgen_errors_total Requests that failed without a response, by class (connect counts connection attempts).
            # TYPE loadgen_errors_total counter
            loadgen_errors_total{class="connect"} 1
            loadgen_errors_total{class="read"} 0
            loadgen_errors_total{class="write"} 0
            loadgen_errors_total{class="timeout"} 2
            loadgen_errors_total{class="parse"} 0
            loadgen_errors_total{class="closed"} 0
            loadgen_errors_total{class="tls"} 0
            # HELP loadgen_requests_per_second Responses in the last whole second of the measured window (each shard's last whole second, summed).
            # TYPE loadgen_requests_per_second gauge
            loadgen_requests_per_second 5
            # HELP loadgen_received_bytes_total Bytes read in the measured window.
            # TYPE loadgen_received_bytes_total counter
            loadgen_received_bytes_total 980
            # HELP loadgen_in_flight_requests Requests written and not yet answered, at the last second.
            # TYPE loadgen_in_flight_requests gauge
            loadgen_in_flight_requests 3
            # HELP loadgen_open_connections Open connections to the target, at the last second.
            # TYPE loadgen_open_connections gauge
            loadgen_open_connections 4
            # HELP loadgen_shards_reporting Processes whose figures these are (1 for a single run).
            # TYPE loadgen_shards_reporting gauge
            loadgen_shards_reporting 1
            # HELP loadgen_finished 1 once the run has ended and these are its exact final figures.
            # TYPE loadgen_finished gauge
            loadgen_finished 0
            # HELP loadgen_latency_seconds Latency from the intended send time (corrected for coordinated omission); le are bucket edges, exact.
            # TYPE loadgen_latency_seconds histogram
            loadgen_latency_seconds_bucket{le="0.000010007"} 0
            loadgen_latency_seconds_bucket{le="0.000020015"} 0
            loadgen_latency_seconds_bucket{le="0.000050015"} 2
            loadgen_latency_seconds_bucket{le="0.000100031"} 2
            loadgen_latency_seconds_bucket{le="0.000200063"} 3
            loadgen_latency_seconds_bucket{le="0.000500223"} 3
            loadgen_latency_seconds_bucket{le="0.001000447"} 4
            loadgen_latency_seconds_bucket{le="0.002000895"} 5
            loadgen_latency_seconds_bucket{le="0.005001215"} 5
            loadgen_latency_seconds_bucket{le="0.010002431"} 5
            loadgen_latency_seconds_bucket{le="0.020004863"} 5
            loadgen_latency_seconds_bucket{le="0.050003967"} 5
            loadgen_latency_seconds_bucket{le="0.100007935"} 5
            loadgen_latency_seconds_bucket{le="0.200015871"} 5
            loadgen_latency_seconds_bucket{le="0.500170751"} 5
            loadgen_latency_seconds_bucket{le="1.000341503"} 5
            loadgen_latency_seconds_bucket{le="2.000683007"} 5
            loadgen_latency_seconds_bucket{le="5.003804671"} 6
            loadgen_latency_seconds_bucket{le="10.007609343"} 6
            loadgen_latency_seconds_bucket{le="20.015218687"} 6
            loadgen_latency_seconds_bucket{le="50.029658111"} 6
            loadgen_latency_seconds_bucket{le="+Inf"} 7
            loadgen_latency_seconds_sum 63.002250895
            loadgen_latency_seconds_count 7

            """
        let text = PrometheusText.render(knownFigures())
        #expect(text == expected)
        // Line by line too, so that a difference is easy to find.
        for (index, (line, want)) in zip(text.split(separator: "\n"), expected.split(separator: "\n")).enumerated() {
            #expect(line == want, "line \(index + 1)")
        }
    }

    @Test func everyBucketCountsExactlyTheValuesAtOrBelowItsBoundAndInfCountsAll() {
        var random = SplitMix64(seed: 19)
        var histogram = LatencyHistogram()
        var values: [UInt64] = []
        for _ in 0..<20_000 {
            // Log-uniform from 1 µs to 100 s, and every bound exactly and one past it.
            let value = UInt64(exp(Double(random.next() % 1_000_000) / 1_000_000 * log(1e8)) * 1000)
            values.append(value)
        }
        for bound in PrometheusText.latencyBoundsNs { values += [bound, bound + 1] }
        for value in values { histogram.record(value) }
        var figures = LiveFigures()
        figures.latency = histogram
        let scraped = samples(PrometheusText.render(figures))
        for bound in PrometheusText.latencyBoundsNs {
            let exact = values.count { $0 <= bound }
            let key = "loadgen_latency_seconds_bucket{le=\"\(PrometheusText.seconds(bound))\"}"
            #expect(scraped[key] == String(exact), "\(key)")
        }
        #expect(scraped["loadgen_latency_seconds_bucket{le=\"+Inf\"}"] == String(values.count))
        #expect(scraped["loadgen_latency_seconds_count"] == String(values.count))
        #expect(scraped["loadgen_latency_seconds_sum"] == PrometheusText.seconds(values.reduce(0, +)))
    }

    @Test func boundsAreBucketTopsAtMostATenthOfAPercentAboveTheNominal125Values() {
        #expect(PrometheusText.nominalBoundsNs.first == 10_000)
        #expect(PrometheusText.nominalBoundsNs.last == 50_000_000_000)
        #expect(PrometheusText.nominalBoundsNs.count == 21)
        for (nominal, bound) in zip(PrometheusText.nominalBoundsNs, PrometheusText.latencyBoundsNs) {
            #expect(bound >= nominal && Double(bound - nominal) < Double(nominal) / 1000, "\(nominal)")
            // A top: the next value is another bucket's.
            #expect(Layout.index(of: bound) == Layout.index(of: nominal))
            #expect(Layout.index(of: bound + 1) == Layout.index(of: nominal) + 1)
        }
    }

    @Test func secondsAreExactDecimalsWithoutTrailingZeros() {
        #expect(PrometheusText.seconds(0) == "0")
        #expect(PrometheusText.seconds(1) == "0.000000001")
        #expect(PrometheusText.seconds(1_000_447) == "0.001000447")
        #expect(PrometheusText.seconds(1_500_000_000) == "1.5")
        #expect(PrometheusText.seconds(2_000_000_000) == "2")
        #expect(PrometheusText.seconds(UInt64.max) == "18446744073.709551615")
    }
}
