import LoadGen
import PerfResult

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `loadgen plan`: what a profiling script needs from a scenario, as `key<TAB>value` lines (see `ScenarioPlan`).
enum Plan {
    static let usage = """
        Usage: loadgen plan NAME|FILE [--directory DIR] [--load-scenario OUT.json]

        Reads the scenario FILE, or DIR/NAME.json (DIR is perf/macro unless given), and prints one
        key<TAB>value line each: name, file, host, port, duration (under PERF_PROFILE), readiness,
        service-command, service-argument (one per argument), service-environment (NAME=value, one each).
        --load-scenario writes the scenario without its service section (bodyFile paths made absolute),
        for `loadgen --scenario OUT.json` against a service started apart, e.g. under a profiler.

        Exit status: 0 printed; 2 bad usage, unknown scenario or invalid scenario file.
        """

    static func run(_ arguments: [String]) -> Int32 {
        var name: String?
        var directory = "perf/macro"
        var loadScenario: String?
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "-h", "--help":
                print(usage)
                return 0
            case "--directory", "--load-scenario":
                guard let value = remaining.popFirst() else { return failure("\(argument) needs a value") }
                if argument == "--directory" { directory = value } else { loadScenario = value }
            default:
                if argument.hasPrefix("-") { return failure("unknown option \(argument); see loadgen plan --help") }
                guard name == nil else { return failure("more than one scenario: \(argument)") }
                name = argument
            }
        }
        guard let name else { return failure("give a scenario NAME or FILE; see loadgen plan --help") }
        var buffer = [CChar](repeating: 0, count: 4096)
        let workingDirectory = getcwd(&buffer, buffer.count).map { String(cString: $0) } ?? "."
        let profile = getenv("PERF_PROFILE").map { String(cString: $0) }
        do {
            let plan = try ScenarioPlan.resolve(
                name, directory: directory, workingDirectory: workingDirectory, profile: profile)
            let lines = try plan.lines()
            if let loadScenario { try AtomicFile.write(Array(plan.loadScenario.utf8), to: loadScenario) }
            print(lines, terminator: "")
        } catch {
            return failure("\(error)")
        }
        return 0
    }

    private static func failure(_ message: String) -> Int32 {
        standardError("loadgen: \(message)")
        return 2
    }
}
