// swift-tools-version: 6.2
import PackageDescription

// The toolkit as one dependency by URL (README.md, "Packages", shows the dependency line).
//
// Every target here is built from the sources of the parts under `Packages/`, which stay the monorepo's units
// (each with its own manifest and tests; `make test` runs them). This manifest only gathers those sources under
// one package, each source file in exactly one target, so a user's build compiles each file once. Test targets,
// testbeds and the repository's own suites (`perf/`) are not part of it.

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// The sources of target `name` in part `part`: `Packages/<part>/Sources/<name>`.
func sources(_ part: String, _ name: String) -> String { "Packages/\(part)/Sources/\(name)" }

let package = Package(
    name: "swift-perf-toolkit",
    products: [
        .library(name: "PerfResult", targets: ["PerfResult"]),
        .library(name: "PerfSupport", targets: ["PerfSupport"]),
        .library(name: "MicroBench", targets: ["MicroBench"]),
        .library(name: "MemProbe", targets: ["MemProbe"]),
        .library(name: "Pooling", targets: ["Pooling"]),
        .library(name: "LoadGen", targets: ["LoadGen"]),
        .library(name: "Regression", targets: ["Regression"]),
        .library(name: "ViewModelPool", targets: ["ViewModelPool"]),
        .executable(name: "loadgen", targets: ["loadgen"]),
        .executable(name: "loadgen-target", targets: ["loadgen-target"]),
        .executable(name: "perf-check", targets: ["perf-check"]),
        .plugin(name: "PerfPlugin", targets: ["PerfPlugin"]),
    ],
    targets: [
        .target(name: "CPerfSupport", path: sources("PerfResult", "CPerfSupport")),
        .target(
            name: "PerfSupport", dependencies: ["CPerfSupport"], path: sources("PerfResult", "PerfSupport"),
            swiftSettings: swiftSettings),
        .target(
            name: "PerfResult", dependencies: ["PerfSupport"], path: sources("PerfResult", "PerfResult"),
            swiftSettings: swiftSettings),
        .target(name: "CMicroBench", path: sources("MicroBench", "CMicroBench")),
        .target(
            name: "MicroBench", dependencies: ["CMicroBench", "PerfResult", "PerfSupport"],
            path: sources("MicroBench", "MicroBench"), swiftSettings: swiftSettings),
        .target(name: "CMemProbe", path: sources("MemProbe", "CMemProbe")),
        .target(
            name: "MemProbe", dependencies: ["CMemProbe", "PerfResult", "PerfSupport"],
            path: sources("MemProbe", "MemProbe"), swiftSettings: swiftSettings),
        .target(name: "CPoolingTLS", path: sources("Pooling", "CPoolingTLS")),
        .target(
            name: "Pooling", dependencies: ["CPoolingTLS", "PerfResult"], path: sources("Pooling", "Pooling"),
            swiftSettings: swiftSettings),
        .target(name: "CLoadGen", path: sources("LoadGen", "CLoadGen")),
        .target(
            name: "CLoadGenTLS", path: sources("LoadGen", "CLoadGenTLS"),
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(
            name: "LoadGen", dependencies: ["CLoadGen", "CLoadGenTLS", "PerfResult", "PerfSupport"],
            path: sources("LoadGen", "LoadGen"), swiftSettings: swiftSettings),
        .executableTarget(
            name: "loadgen", dependencies: ["LoadGen", "PerfResult", "PerfSupport"],
            path: sources("LoadGen", "loadgen"), swiftSettings: swiftSettings),
        .executableTarget(
            name: "loadgen-target", dependencies: ["LoadGen", "PerfSupport"],
            path: sources("LoadGen", "loadgen-target"), swiftSettings: swiftSettings),
        .target(
            name: "Regression", dependencies: ["PerfResult", "PerfSupport"],
            path: sources("Regression", "Regression"), swiftSettings: swiftSettings),
        .executableTarget(
            name: "perf-check", dependencies: ["Regression", "PerfSupport"],
            path: sources("Regression", "perf-check"), swiftSettings: swiftSettings),
        .target(
            name: "ViewModelPool", dependencies: ["Pooling", "PerfResult"],
            path: sources("ViewModelPool", "ViewModelPool"), swiftSettings: swiftSettings),
        // `swift package perf run|check|report|baseline update` for a user's package (Plugins/PerfPlugin).
        .plugin(
            name: "PerfPlugin",
            capability: .command(
                intent: .custom(verb: "perf", description: "run the package's benchmarks and gate their results"),
                permissions: [
                    .writeToPackageDirectory(reason: "results go to perf/results/, baselines to baselines/")
                ]),
            dependencies: ["perf-check"]),
    ]
)
