// perf-verify: each of the toolkit's meters against an independent reference on this machine. Exit 0 every row
// that ran passed, 1 a row failed, 2 bad usage. See `perf-verify --help` and perf/README.md ("Verified against").
import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let options = VerifyOptions(VerifyOptions.command.parseOrExit())
if options.list {
    for check in VerifyCheck.all { print("\(check.name): \(check.about)") }
    exit(0)
}
if let reason = makeDirectories(options.workDirectory) {
    _ = printError("perf-verify: --work-dir \(options.workDirectory): \(reason); give a folder that can be created")
    exit(UsageError.exitStatus)
}
let context = VerifyContext(
    perfProducts: (try? ExecutablePath.directory()) ?? ".", loadGenProducts: options.loadGenProducts,
    workDirectory: absolute(options.workDirectory), environment: ProcessEnvironment.current(),
    coordinatedOmissionScenario: options.scenario)
var rows: [VerifyRow] = []
for check in VerifyCheck.all where options.checks.isEmpty || options.checks.contains(check.name) {
    _ = printError("perf-verify: \(check.name) — \(check.about)")
    let found = check.rows(context)
    rows += found
    for row in found where row.verdict == .fail { _ = printError("  FAIL \(row.name): \(row.note)") }
}
var environment = Environment.capture()
environment.profile = nil
print(VerifyRow.table(rows))
let failed = rows.filter { $0.verdict == .fail }.count
let skipped = rows.filter { $0.verdict == .skip }.count
print("\(rows.count - failed - skipped) passed, \(failed) failed, \(skipped) skipped")
if let path = options.jsonPath {
    do {
        try VerifyRow.report(rows, environment: environment).write(to: path)
        print("wrote \(path)")
    } catch {
        _ = printError("perf-verify: --json \(path): \(error)")
        exit(UsageError.exitStatus)
    }
}
exit(failed > 0 ? 1 : 0)

/// `mkdir -p path`; the reason when it cannot be made.
func makeDirectories(_ path: String) -> String? {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
        prefix += part + "/"
        if mkdir(prefix, 0o755) != 0 && errno != EEXIST { return SystemError.capture("mkdir(\(prefix))").text }
    }
    return nil
}

/// `path` from the root when it is relative (nginx reads its configuration relative to its own prefix).
func absolute(_ path: String) -> String {
    guard !path.hasPrefix("/"), let directory = getcwd(nil, 0) else { return path }
    defer { free(directory) }
    return String(cString: directory) + "/" + path
}
