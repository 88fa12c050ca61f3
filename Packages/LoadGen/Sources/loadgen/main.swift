import LoadGen
import PerfResult
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Set by SIGINT/SIGTERM; the run loop turns it into `LoadTest.stop()`.
let interrupted = Atomic<Bool>(false)

func standardError(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

func fail(_ message: String, status: Int32 = 2) -> Never {
    standardError("loadgen: \(message)")
    exit(status)
}

func executableDirectory() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    let path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let slash = path.lastIndex(of: "/") else { return nil }
    return String(path[..<slash])
}

if CommandLine.arguments.dropFirst().first == "plan" {
    exit(Plan.run(Array(CommandLine.arguments.dropFirst(2))))
}

let options: Options
do {
    options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    fail("\(error)")
}
if options.help {
    print(Options.usage)
    exit(0)
}

let environment = Environment.capture()
print(environment.description)
if let warning = environment.buildWarning { print(warning) }

if let files = options.merge {
    exit(Merge.run(files: files, json: options.json))
}

var scenario: Scenario
do {
    scenario = try Run.scenario(from: options)
} catch {
    fail("\(error)")
}
if !options.allowRemote, !scenario.configuration.target.isLoopback {
    fail("\(scenario.configuration.target) is not a loopback address; pass --allow-remote to load another host")
}

// Many connections need many descriptors: raise the soft limit to the hard one (as the shell could).
var limit = rlimit()
if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max {
    limit.rlim_cur = limit.rlim_max
    _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
}

_ = interrupted.load(ordering: .relaxed)
signal(SIGINT) { _ in interrupted.store(true, ordering: .relaxed) }
signal(SIGTERM) { _ in interrupted.store(true, ordering: .relaxed) }

exit(
    Run.execute(
        scenario, options: options, environment: environment,
        searchDirectories: [executableDirectory()].compactMap { $0 }))
