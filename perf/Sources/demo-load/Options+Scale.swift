import PerfSupport

/// The command line of `demo-load scale`: which configurations, and the ramp each one runs.
extension Options {
    /// Event-loop counts: `1,2,3`, each from 1 to 64 and given once.
    static let instanceList = ValueKind<[Int]>(
        placeholder: "N,N...", expectation: "a comma-separated list of event-loop counts such as 1,2,3",
        describe: { $0.map(String.init).joined(separator: ",") }
    ) { text in
        let counts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        return counts.contains(nil) ? nil : counts.map { $0! }
    }.requiring("be from 1 to 64, each once") { counts in
        counts.allSatisfy { (1...64).contains($0) } && Set(counts).count == counts.count
    }

    /// Request mixes: `login,messages,mixed`, each given once.
    static let mixList = ValueKind<[ScaleMix]>(
        placeholder: "MIX,MIX...", expectation: "a comma-separated list of login, messages and mixed",
        describe: { $0.map(\.rawValue).joined(separator: ",") }
    ) { text in
        let mixes = text.split(separator: ",", omittingEmptySubsequences: false).map { ScaleMix(rawValue: String($0)) }
        return mixes.contains(nil) ? nil : mixes.map { $0! }
    }.requiring("name each mix once") { Set($0).count == $0.count }

    static let instances = Option(
        "instances", instanceList, defaultText: "1,2,3, quick 1,2",
        help: "event loops of the service, one configuration each (demo-service --threads; on 2 cores keep N small)")
    static let mixes = Option(
        "mix", mixList, defaultText: "login,messages,mixed, quick mixed",
        help: "request mixes: the scenario's /login requests, its /messages batches, or all of them")
    static let scaleScenario = Option(
        "scenario", .string.placeholder("NAME"), default: "http-stress",
        help: "the stress scenario whose requests, connections and service each configuration uses")
    static let ramp = Option(
        "ramp", positiveDuration, defaultText: "20s, quick 8s", help: "how long the rate takes to reach --peak")
    static let step = Option(
        "step", positiveDuration, defaultText: "none: a linear ramp",
        help: "ramp as a staircase of holds this long (at most --ramp) instead of linearly")
    static let peak = Option(
        "peak", ValueKind.rate.requiring("be above 1000 (the first second's rate)") { $0 > ScaleRamp.startRate },
        defaultText: "150k, quick 60k", help: "the rate the ramp ends at, requests/s")
    static let clientThreads = Option(
        "client-threads", .integer.within(1...64), defaultText: "the scenario's (1)",
        help: "LoadGen worker threads")

    static let scale = Command(
        "scale",
        summary: """
            Scaling curves: the knee of the stress ramp against the demo service's event loops, per request mix.
            The service runs as one process with N event loops (demo-service --threads N: one SO_REUSEPORT socket
            per loop on the shared port), for each N of --instances and each mix of --mix. Each configuration starts a fresh service, checks its event loops on /metrics, ramps from 1,000
            req/s for a second up to --peak over --ramp, and stops at the first second with errors or a p99
            over --p99-limit; its knee is the busiest second before it (as demo-load knee). Prints a table:
            knee req/s, p99 at the knee and scaling efficiency knee(n) / (n x knee(1)). --json writes suite
            scale: results scale/knee[instances=N,mix=M] with kneeRequestsPerSec and kneeLatencyP99Ms, which
            perf-check's HTML report draws against instances. The load generator shares the machine's cores.
            """,
        options: [
            instances, mixes, ramp, step, peak, p99Limit, clientThreads, scaleScenario, CommonOptions.quick,
            CommonOptions.profile, CommonOptions.json,
        ], footer: footer)

    /// The instance counts of `scale`.
    var effectiveInstances: [Int] { instances ?? (quick ? [1, 2] : [1, 2, 3]) }

    /// The mixes of `scale`.
    var effectiveMixes: [ScaleMix] { mixes ?? (quick ? [.mixed] : ScaleMix.allCases) }

    /// The ramp of every `scale` configuration.
    var scaleRamp: ScaleRamp {
        ScaleRamp(
            peak: peak ?? (quick ? 60_000 : 150_000), ramp: rampLength ?? (quick ? .seconds(8) : .seconds(20)),
            step: step)
    }

    /// Reads the options of `scale` from `parsed`.
    /// - Throws: `UsageError` for a `--step` longer than the ramp.
    mutating func readScale(_ parsed: ParsedArguments) throws(UsageError) {
        scenarios = [parsed[Self.scaleScenario] ?? "http-stress"]
        instances = parsed.given(Self.instances)
        mixes = parsed.given(Self.mixes)
        rampLength = parsed.given(Self.ramp)
        step = parsed.given(Self.step)
        peak = parsed.given(Self.peak)
        p99Limit = parsed[Self.p99Limit] ?? p99Limit
        clientThreads = parsed.given(Self.clientThreads)
    }
}
