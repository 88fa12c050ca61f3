import LoadGen
import PerfSupport

/// The command line of `loadgen`, declared once: the parser and `--help` are made from it.
///
/// A flag overrides the scenario file's field, so `Run` reads flags with `given`, never a default: the
/// defaults `--help` shows are `LoadConfiguration`'s, which apply when neither the file nor a flag says more.
enum Options {
    static let connections = Option("connections", short: "c", .integer, defaultText: "50", help: "connections")
    static let threads = Option(
        "threads", short: "t", .integer, defaultText: "cores", help: "worker threads, each with its own epoll loop")
    static let duration = Option(
        "duration", short: "d", .duration, defaultText: "10s", help: "measured duration, e.g. 10s, 500ms, 2m")
    static let count = Option(
        "count", short: "n", aliases: ["requests"], .integer, help: "stop after N measured requests")
    static let rate = Option("rate", short: "R", .rate, help: "open model: RATE requests/s at constant arrivals")
    static let pipelining = Option(
        "pipelining", short: "p", .integer, defaultText: "1", help: "requests in flight per connection")
    static let timeout = Option("timeout", .duration, defaultText: "2s", help: "per-request timeout")
    static let warmup = Option(
        "warmup", .duration, defaultText: "0", help: "load before measuring, excluded from statistics")
    static let grace = Option(
        "grace", .duration, defaultText: "1s", help: "time for requests in flight at the deadline to complete")
    static let secondsKept = Option(
        "seconds-kept", .integer.within(1...86_400), defaultText: "every second",
        help: "keep only the last N per-second records (long runs: memory stays flat; totals stay exact)")

    static let method = Option("method", short: "m", .string.placeholder("METHOD"), defaultText: "GET", help: "method")
    static let header = Option("header", short: "H", headerKind, repeatable: true, help: "add a header")
    static let body = Option("body", short: "b", .string, help: "request body")
    static let bodyFile = Option("body-file", .path, help: "request body from a file")

    static let scenario = Option(
        "scenario", .path.placeholder("FILE"), help: "read a scenario (perf/macro/*.json); flags override its fields")
    static let name = Option(
        "name", .string.placeholder("NAME"), help: "result name (default: the scenario's, or \"adhoc\")")
    static let json = Option(
        "json", .path, help: "write a PerfResult report (histograms and per-second series included)")
    static let servicePid = Option(
        "service-pid", .integer.placeholder("PID"),
        help: "sample this running process as the service under load (RSS, CPU, threads, open files)")
    static let shard = Option(
        "shard", .string.placeholder("I/N"),
        help: "run shard I (0-based) of N: connections, count, rate and stages split exactly (see README)")
    static let shards = Option(
        "shards", .integer.placeholder("N"),
        help: "run shard JOB_COMPLETION_INDEX of N (a Kubernetes Indexed Job sets the variable)")
    static let coordinator = Option(
        "coordinator", .string.placeholder("HOST:PORT"),
        help: "join loadgen coordinate there: common start, the result sent back (needs --shard or --shards)")
    static let runID = Option(
        "run-id", .string.placeholder("ID"), default: "loadgen", environment: "LOADGEN_RUN_ID",
        help: "the coordinated run this worker belongs to (the coordinator refuses another)")
    static let startAt = Option(
        "start-at", .string.placeholder("TIME"),
        help: "start the load at this RFC 3339 time (e.g. 2026-12-07T23:30:00Z): shards without a coordinator")
    static let joinTimeout = Option(
        "coordinator-timeout", .duration, default: .seconds(300),
        help: "how long to try to reach the coordinator and wait for its start")
    static let noProgress = Flag("no-progress", help: "no live progress (it only shows when stderr is a terminal)")
    static let allowRemote = Flag("allow-remote", help: "allow a target that is not on 127.0.0.0/8")
    /// `CommonOptions.strict`'s name and variable, with what it means here.
    static let strict = Flag(
        "strict", environment: "STRICT_PERF", help: "fail (exit 1) on a warning threshold too, not only a critical one")

    static let command = Command(
        "loadgen",
        summary: """
            An HTTP/1.1 load generator: closed model (connections × pipelining) or open model (--rate, with
            latency corrected for coordinated omission). Prints the environment, then a summary table.
            """,
        groups: [
            Command.Group(
                "Load", [connections, threads, duration, count, rate, pipelining, timeout, warmup, grace, secondsKept]),
            Command.Group("Requests", [method, header, body, bodyFile]),
            Command.Group("Shards", [shard, shards, coordinator, runID, startAt, joinTimeout]),
            Command.Group("Live metrics (Prometheus)", MetricsOptions.all),
            Command.Group(
                "HTTPS (the system's OpenSSL 3, libssl.so.3)",
                [TLSOptions.caCert, TLSOptions.insecure, TLSOptions.noResume, TLSOptions.skipWithoutTLS]),
            Command.Group(
                "Scenario and output",
                [
                    scenario, name, json, servicePid, CommonOptions.profile, CommonOptions.forks, strict, noProgress,
                    allowRemote,
                ]),
        ],
        positionals: [
            Positional("URL", .optional, help: "the target, http[s]://host[:port][/path] (or the scenario's)")
        ],
        subcommands: [Merge.command, Plan.command, Coordinate.command],
        usage: [
            "[options] http://127.0.0.1:8080/", "--scenario perf/macro/NAME.json [options]",
            "merge A.json B.json [...] [--json OUT.json]",
            "plan NAME|FILE [--load-scenario OUT.json]   (see loadgen plan --help)",
            "coordinate --workers N --listen HOST:PORT [--scenario FILE] [--json OUT.json]",
            "--scenario FILE --shard I/N --coordinator HOST:PORT   (a worker of loadgen coordinate)",
        ],
        footer: """
            Short options take their value attached too, as in wrk: -c50 -t2 -d10s.

            A scenario's service (or the process of --service-pid) is sampled every 250 ms during the run:
            RSS, CPU, threads, open files and context switches, in the table, the report and thresholds.

            A shard (--shard, --shards) judges no threshold: its coordinator (or loadgen merge) has the total.

            Exit status: 0 success, 1 a threshold is critical (or a warning with --strict or STRICT_PERF=1),
            the service exited during the run or a coordinated run was aborted, 2 bad usage, bad scenario, a
            --service-pid that is not running, a service that could not be started, a coordinator that could not
            be reached or refused the shard, or https without libssl.so.3 (0 with --skip-without-tls).
            """)

    /// `Name: value`, split at the first colon; the spaces after it are not part of the value.
    private static let headerKind = ValueKind<RequestTemplate.Header>(
        placeholder: "'NAME: VALUE'", expectation: "of the form 'Name: value'", describe: { "\($0.name): \($0.value)" }
    ) { text in
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let value = text[text.index(after: colon)...].drop { $0 == " " }
        return RequestTemplate.Header(name: String(text[..<colon]), value: String(value))
    }
}
