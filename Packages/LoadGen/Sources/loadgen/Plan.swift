import LoadGen
import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `loadgen plan`: what a profiling script needs from a scenario, as `key<TAB>value` lines (see `ScenarioPlan`).
enum Plan {
    /// Where scenario names are looked up unless `--directory` says otherwise.
    static let scenarioDirectory = "perf/macro"

    static let directory = Option(
        "directory", .path.placeholder("DIR"), default: scenarioDirectory, help: "where a scenario NAME is looked up")
    static let loadScenario = Option(
        "load-scenario", .path.placeholder("OUT.json"),
        help: "write the scenario without its service section (bodyFile paths made absolute)")

    static let command = Command(
        "plan",
        summary: """
            Prints what a script needs to start a scenario's service apart, under a profiler for instance.
            Reads the scenario FILE, or DIR/NAME.json, and prints one key<TAB>value line each: name, file, host, port,
            duration (under the profile), readiness, service-command, service-argument (one per argument),
            service-environment (NAME=value, one each). --load-scenario writes the scenario without its service
            section and its service… thresholds, for `loadgen --scenario OUT.json` against a service started apart.
            """,
        options: [directory, loadScenario, CommonOptions.profile],
        positionals: [Positional("NAME|FILE", help: "a scenario file, or a name in DIR")],
        footer: "Exit status: 0 printed; 2 bad usage, unknown scenario or invalid scenario file.")

    /// Prints the plan of the scenario `parsed` names and writes its load scenario when asked.
    /// - Returns: the exit status.
    static func run(_ parsed: ParsedArguments) -> Int32 {
        var buffer = [CChar](repeating: 0, count: 4096)
        let workingDirectory = getcwd(&buffer, buffer.count).map { String(cString: $0) } ?? "."
        do {
            let plan = try ScenarioPlan.resolve(
                parsed.positionals[0], directory: parsed[directory] ?? scenarioDirectory,
                workingDirectory: workingDirectory, profile: parsed[CommonOptions.profile]?.rawValue)
            let lines = try plan.lines()
            if let path = parsed[loadScenario] { try AtomicFile.write(Array(plan.loadScenario.utf8), to: path) }
            print(lines, terminator: "")
        } catch {
            return Run.fail("\(error)")
        }
        return 0
    }
}
