import Foundation
import PackagePlugin

/// `swift package perf …` for a user's package: runs its benchmark executables in release and gates their results
/// with the toolkit's `perf-check`.
///
///     swift package --allow-writing-to-package-directory perf run [--filter P] [--forks N] [--quick]
///     swift package --allow-writing-to-package-directory perf baseline update
///     swift package perf check [--strict]
///     swift package --allow-writing-to-package-directory perf report
///     swift package --allow-writing-to-package-directory perf ab --base REV [--strict] [--forks N] [--quick]
///
/// Benchmark executables are the package's executable targets under `Benchmarks/`. Results go to
/// `perf/results/<target>.json`, baselines to `baselines/`, reports to `perf/results/report.{md,html}`.
@main
struct PerfPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        guard let verb = arguments.first else { throw PerfPluginError(PerfPlugin.usage) }
        let rest = Array(arguments.dropFirst())
        let root = context.package.directoryURL
        switch verb {
        case "run":
            try run(context, arguments: rest, root: root)
        case "check":
            try checkTool(context, rest, root: root)
        case "report":
            try checkTool(
                context,
                rest + [
                    "--markdown", root.appending(path: "perf/results/report.md").path,
                    "--html", root.appending(path: "perf/results/report.html").path,
                ], root: root)
        case "ab":
            try ab(context, arguments: rest, root: root)
        case "baseline":
            guard rest.first == "update" else { throw PerfPluginError("perf baseline: say `perf baseline update`") }
            try checkTool(context, Array(rest.dropFirst()) + ["--update-baseline"], root: root)
        case "-h", "--help", "help":
            print(PerfPlugin.usage)
        default:
            throw PerfPluginError("perf: unknown command \"\(verb)\"\n\(PerfPlugin.usage)")
        }
    }

    static let usage = """
        Usage: swift package [--allow-writing-to-package-directory] perf COMMAND
          run [--filter P] [--forks N] [--quick]  build the executable targets under Benchmarks/ in release, run each,
                                                  write perf/results/<target>.json
          check [--strict]                        compare perf/results with baselines/ (exit 1 on a regression with --strict)
          report                                  check, and write perf/results/report.md and report.html
          baseline update                         write baselines/<suite>.json from perf/results
          ab --base REV [--strict] [--forks N] [--quick]
                                                  build REV and the working tree, run every benchmark in forks
                                                  alternating the two, compare head against base
        """

    /// The executable targets whose sources are under `Benchmarks/`.
    func benchmarks(_ context: PluginContext) -> [SwiftSourceModuleTarget] {
        context.package.targets.compactMap { $0 as? SwiftSourceModuleTarget }.filter {
            $0.kind == .executable && $0.directoryURL.path.contains("/Benchmarks/")
        }
    }

    func run(_ context: PluginContext, arguments: [String], root: URL) throws {
        let targets = benchmarks(context)
        guard !targets.isEmpty else {
            throw PerfPluginError(
                "perf run: no benchmark targets: add an executableTarget whose sources are under Benchmarks/ "
                    + "(e.g. path: \"Benchmarks/MyBenchmarks\") that calls MicroBench.main")
        }
        let results = root.appending(path: "perf/results")
        do {
            try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        } catch {
            throw PerfPluginError(
                "perf run: cannot create \(results.path) (\(error.localizedDescription)); run with "
                    + "`swift package --allow-writing-to-package-directory perf run`")
        }
        for target in targets {
            print("perf: building \(target.name) in release")
            let build = try packageManager.build(
                .product(target.name), parameters: .init(configuration: .release, logging: .concise))
            guard build.succeeded else {
                throw PerfPluginError("perf run: \(target.name) does not build:\n\(build.logText)")
            }
            guard let executable = build.builtArtifacts.first(where: { $0.kind == .executable }) else {
                throw PerfPluginError("perf run: building \(target.name) gave no executable")
            }
            let json = results.appending(path: "\(target.name).json").path
            // --require-release: a toolchain that gives a debug build for `configuration: .release` (a debug-only
            // toolchain) is refused by the benchmark itself, naming the cause, rather than measured.
            let status = try launch(executable.url, arguments + ["--json", json, "--require-release"], in: root)
            guard status == 0 else {
                throw PerfPluginError(
                    "perf run: \(target.name) exited with status \(status)"
                        + (status == 2 ? " (bad usage, or a debug build: see its message above)" : ""))
            }
        }
    }

    /// `perf-check ab` over the package's benchmarks: each target is a suite, built in release into a scratch
    /// path of its own in each tree (`.build-perf-ab`, so that it never waits for the `.build` this command holds),
    /// its confirmation round filtered with MicroBench's `--filter`.
    func ab(_ context: PluginContext, arguments: [String], root: URL) throws {
        let targets = benchmarks(context)
        guard !targets.isEmpty else { throw PerfPluginError("perf ab: no benchmark targets under Benchmarks/") }
        guard arguments.contains("--base") else { throw PerfPluginError("perf ab: say which revision: --base REV") }
        let results = root.appending(path: "perf/results")
        try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        let suites = targets.map { target -> [String: Any] in
            [
                "name": target.name,
                "build": [
                    ["swift", "build", "-c", "release", "--scratch-path", ".build-perf-ab", "--product", target.name]
                ],
                "run": [".build-perf-ab/release/\(target.name)"],
                "filter": ["--filter", "{results}"],
            ]
        }
        let configuration: [String: Any] = [
            "schema": "perf-ab/1", "note": "written by swift package perf ab", "timeout": "15m", "suites": suites,
        ]
        let path = results.appending(path: "ab-configuration.json")
        try JSONSerialization.data(withJSONObject: configuration, options: [.prettyPrinted, .sortedKeys]).write(
            to: path)
        let tool = try context.tool(named: "perf-check")
        // --quick: fewer forks (perf-check's --profile) and shorter runs (the benchmarks read PERF_PROFILE).
        let quick = arguments.contains("--quick")
        let status = try launch(
            tool.url,
            ["ab", "--config", path.path, "--output", results.appending(path: "ab").path]
                + arguments.flatMap { $0 == "--quick" ? ["--profile", "quick"] : [$0] },
            in: root, environment: quick ? ["PERF_PROFILE": "quick"] : [:])
        guard status == 0 else { throw PerfPluginError("perf ab: perf-check ab exited with status \(status)") }
    }

    func checkTool(_ context: PluginContext, _ arguments: [String], root: URL) throws {
        let tool = try context.tool(named: "perf-check")
        let status = try launch(
            tool.url,
            [
                "--results", root.appending(path: "perf/results").path, "--baselines",
                root.appending(path: "baselines").path,
            ] + arguments, in: root)
        guard status == 0 else { throw PerfPluginError("perf: perf-check exited with status \(status)") }
    }

    /// Runs `executable` to its end in `directory`, its output going where the plugin's goes; its exit status.
    func launch(
        _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:]
    ) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// A failure the plugin reports in words.
struct PerfPluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
