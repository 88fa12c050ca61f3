import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// LoadGen against wrk on the same nginx, in interleaved rounds (wrk, then loadgen, 5 s each, one client thread,
/// 50 connections): requests/s, client CPU per request (the child's user + system time from `getrusage`, the same
/// way for both), p99, and the mean latency at equal requests in flight — wrk holds requests back between a
/// response and the next write, so its 50 connections keep fewer requests at the server (Little's law: requests/s
/// × mean latency); loadgen runs a third time with that many connections, and its mean latency from the write (as
/// wrk measures) is compared. The mean, because it is what Little's law ties to the requests in flight; the
/// medians differ in shape from round to round (wrk's write batches move its p50 and tail at the same mean).
enum WrkCheck {
    static let rounds = 3
    static let seconds = 5
    static let port = 18099

    struct Bars {
        static let rate = "≥ 0.9 × wrk"
        static let cpu = "≤ 1.1 × wrk"
        static let p99 = "≤ 1.25 × wrk"
        static let mean = "within ±25 % of wrk at equal in flight"
    }

    static let names = [
        "loadgen/againstWrk[figure=requestsPerSec]", "loadgen/againstWrk[figure=cpuPerRequest]",
        "loadgen/againstWrk[figure=p99]", "loadgen/againstWrk[figure=meanAtEqualInFlight]",
    ]
    static let bars = [Bars.rate, Bars.cpu, Bars.p99, Bars.mean]

    /// One measured run of either tool.
    struct Run {
        var requestsPerSec: Double
        var cpuMicrosecondsPerRequest: Double
        var p50Ms: Double
        var p99Ms: Double
        var meanMs: Double
        var inFlight: Double
    }

    static func rows(_ context: VerifyContext) -> [VerifyRow] {
        let rows = { (why: String, skip: Bool) in
            zip(names, bars).map { skip ? VerifyRow.skipped($0, bar: $1, why: why) : .failed($0, bar: $1, why: why) }
        }
        guard let loadgen = context.product("loadgen", in: context.loadGenProducts) else {
            return rows("loadgen is not built in \(context.loadGenProducts)", false)
        }
        guard let nginx = context.tool("nginx") ?? context.product("nginx", in: "/usr/sbin") else {
            return rows("nginx is not installed (Debian's nginx-light; make perf-verify installs it as root)", true)
        }
        guard let wrk = context.tool("wrk") else {
            return rows("wrk is not installed (Debian's wrk; make perf-verify installs it as root)", true)
        }
        let server: NginxServer
        do {
            server = try NginxServer.start(nginx, port: port, context: context)
        } catch {
            return rows("\(error)", false)
        }
        defer { server.stop() }
        let url = "http://127.0.0.1:\(port)/"
        var wrkRuns: [Run] = []
        var loadgenRuns: [Run] = []
        var equalInFlightRuns: [Run] = []
        do {
            for round in 1...rounds {
                let wrkRun = try runWrk(wrk, url: url, connections: 50, context: context)
                wrkRuns.append(wrkRun)
                loadgenRuns.append(try runLoadgen(loadgen, url: url, connections: 50, round: round, context: context))
                let connections = max(1, Int(wrkRun.inFlight.rounded()))
                equalInFlightRuns.append(
                    try runLoadgen(loadgen, url: url, connections: connections, round: round, context: context))
            }
        } catch {
            return rows("\(error)", false)
        }
        func median(_ runs: [Run], _ figure: (Run) -> Double) -> Double {
            SortedSample(runs.map(figure)).quantile(0.5)
        }
        let rate = (median(loadgenRuns, \.requestsPerSec), median(wrkRuns, \.requestsPerSec))
        let cpu = (median(loadgenRuns, \.cpuMicrosecondsPerRequest), median(wrkRuns, \.cpuMicrosecondsPerRequest))
        let p99 = (median(loadgenRuns, \.p99Ms), median(wrkRuns, \.p99Ms))
        let mean = (median(equalInFlightRuns, \.meanMs), median(wrkRuns, \.meanMs))
        let p50 = (median(equalInFlightRuns, \.p50Ms), median(wrkRuns, \.p50Ms))
        let inFlight = NumberText.fixed(median(wrkRuns, \.inFlight), decimals: 1)
        let note = "medians of \(rounds) interleaved \(seconds) s rounds, nginx, 1 thread"
        return [
            .judged(
                names[0], ours: rate.0, reference: rate.1, unit: .requestsPerSecond, bar: Bars.rate,
                note: note + ", 50 connections", holds: rate.0 >= 0.9 * rate.1),
            .judged(
                names[1], ours: cpu.0, reference: cpu.1, unit: .microseconds, bar: Bars.cpu,
                note: "user + system time ÷ responses", holds: cpu.0 <= 1.1 * cpu.1),
            .judged(
                names[2], ours: p99.0, reference: p99.1, unit: .milliseconds, bar: Bars.p99,
                note: "from the write, as wrk measures", holds: p99.0 <= 1.25 * p99.1),
            .judged(
                names[3], ours: mean.0, reference: mean.1, unit: .milliseconds, bar: Bars.mean,
                note:
                    "wrk -c50 keeps \(inFlight) in flight, loadgen -c\(Int(median(wrkRuns, \.inFlight).rounded())); p50 "
                    + "\(NumberText.fixed(p50.0, decimals: 3)) against \(NumberText.fixed(p50.1, decimals: 3)) ms",
                holds: abs(mean.0 / mean.1 - 1) <= 0.25),
        ]
    }

    /// The CPU time (user + system) of the children waited for so far, in microseconds.
    static func childrenCPUMicroseconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #else
        getrusage(RUSAGE_CHILDREN, &usage) // a plain Int32 on Darwin
        #endif
        func micros(_ time: timeval) -> Double { Double(time.tv_sec) * 1e6 + Double(time.tv_usec) }
        return micros(usage.ru_utime) + micros(usage.ru_stime)
    }

    static func runWrk(_ wrk: String, url: String, connections: Int, context: VerifyContext) throws -> Run {
        let before = childrenCPUMicroseconds()
        let outcome = try context.run(
            wrk, ["-t1", "-c\(connections)", "-d\(seconds)s", "--latency", url], timeout: .seconds(seconds + 30))
        let cpu = childrenCPUMicroseconds() - before
        guard outcome.termination == .exited(0), let output = WrkOutput(outcome.standardOutputText) else {
            throw VerifyFailure("wrk: \(lastLines(outcome.standardOutputText + outcome.standardErrorText))")
        }
        return Run(
            requestsPerSec: output.requestsPerSec, cpuMicrosecondsPerRequest: cpu / max(1, output.requests),
            p50Ms: output.p50Ms, p99Ms: output.p99Ms, meanMs: output.meanLatencyMs,
            inFlight: output.requestsPerSec * output.meanLatencyMs / 1000)
    }

    static func runLoadgen(
        _ loadgen: String, url: String, connections: Int, round: Int, context: VerifyContext
    ) throws -> Run {
        let path = context.file("wrk-loadgen-c\(connections)-\(round).json")
        let before = childrenCPUMicroseconds()
        let outcome = try context.run(
            loadgen,
            ["-t1", "-c\(connections)", "-d\(seconds)s", "--warmup", "0s", "--no-progress", "--json", path, url],
            timeout: .seconds(seconds + 30))
        let cpu = childrenCPUMicroseconds() - before
        guard outcome.termination == .exited(0) else {
            throw VerifyFailure("loadgen: \(lastLines(outcome.standardErrorText))")
        }
        let report = try Report.read(from: path)
        guard let total = report.results.first(where: { $0.name.hasSuffix("/total") }),
            let rate = total["requestsPerSec"]?.value, let requests = total["requests"]?.value,
            let p50 = total["uncorrectedLatencyP50Ms"]?.value, let p99 = total["uncorrectedLatencyP99Ms"]?.value
        else { throw VerifyFailure("\(path) lacks requestsPerSec, requests or the uncorrected percentiles") }
        // requestsInFlight is requests/s × the mean latency from the write (Little's law), so that mean is its
        // quotient.
        let inFlight = total["requestsInFlight"]?.value ?? 0
        return Run(
            requestsPerSec: rate, cpuMicrosecondsPerRequest: cpu / max(1, requests), p50Ms: p50, p99Ms: p99,
            meanMs: inFlight / rate * 1000, inFlight: inFlight)
    }
}
