import PerfResult
import PerfSupport

/// `perf-verify`'s command line, typed.
struct VerifyOptions: Equatable {
    var checks: [String] = []
    var list = false
    var jsonPath: String?
    var loadGenProducts = Arguments.loadGenProducts.defaultValue!
    var workDirectory = Arguments.workDirectory.defaultValue!
    var scenario = Arguments.scenario.defaultValue!

    init() {}

    /// The options a parsed command line gives.
    init(_ parsed: ParsedArguments) {
        checks = parsed.values(Arguments.check)
        list = parsed[Arguments.list]
        jsonPath = parsed[CommonOptions.json]
        loadGenProducts = parsed[Arguments.loadGenProducts] ?? loadGenProducts
        workDirectory = parsed[Arguments.workDirectory] ?? workDirectory
        scenario = parsed[Arguments.scenario] ?? scenario
    }

    static let command = Command(
        "perf-verify",
        summary: """
            Checks the toolkit's meters against independent references on this machine — valgrind, callgrind, a
            hand-written clock loop, an analytic coordinated-omission answer, wrk on nginx — and prints one row per
            figure: ours, the reference's, the bar, pass / fail / skip. The report's suite is "verify".
            """,
        options: [
            Arguments.check, CommonOptions.json, Arguments.loadGenProducts, Arguments.workDirectory, Arguments.scenario,
            Arguments.list,
        ],
        footer: """
            Run it from the repository root through `make perf-verify`, which builds the programs it compares and
            installs valgrind, nginx and wrk as root. A row whose tool is missing is skipped with a note.

            Exit status: 0 every row that ran passed; 1 a row failed; 2 bad usage.
            """)

    enum Arguments {
        static let check = Option(
            "check", .choice(VerifyCheck.all.map(\.name)), repeatable: true,
            help: "run only this check (repeatable; see --list); none runs every check")
        static let loadGenProducts = Option(
            "loadgen-dir", .path.placeholder("DIR"), default: "Packages/LoadGen/.build/release",
            help: "where loadgen and loadgen-target are built")
        static let workDirectory = Option(
            "work-dir", .path.placeholder("DIR"), default: "perf/results/verify",
            help: "where logs, configurations and the tools' own reports go")
        static let scenario = Option(
            "scenario", .path.placeholder("FILE"), default: "perf/verify/coordinated-omission.json",
            help: "the coordinated-omission check's scenario")
        static let list = Flag("list", help: "list the checks and exit")
    }
}
