// swift-tools-version: 6.2
import PackageDescription

// The settings block every package of the toolkit shares (docs/ARCHITECTURE.md, "Layout of a package").
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// The suites of the toolkit: one executable per suite, plus the demo service they load.
let package = Package(
    name: "perf",
    dependencies: [
        .package(path: "../Packages/PerfResult"),
        .package(path: "../Packages/Regression"),
        .package(path: "../Packages/MemProbe"),
        .package(path: "../Packages/MicroBench"),
        .package(path: "../Packages/Pooling"),
        .package(path: "../Packages/LoadGen"),
        .package(path: "../Packages/ViewModelPool"),
    ],
    targets: [
        // What the executables' tests share: running a built executable, a temporary directory. A regular
        // target that only test targets depend on, since test targets cannot depend on each other.
        .target(
            name: "SuiteTestSupport", dependencies: [.product(name: "PerfSupport", package: "PerfResult")],
            swiftSettings: swiftSettings),
        // epoll, eventfd, accept4 and getrandom: Linux calls the Swift Glibc module does not expose.
        .target(name: "CDemoServiceSystem"),
        // The demo service: an epoll HTTP/1.1 server whose handlers tests and suites call in-process.
        .target(
            name: "DemoService",
            dependencies: [
                "CDemoServiceSystem", .product(name: "Pooling", package: "Pooling"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "demo-service",
            dependencies: [
                "DemoService", .product(name: "MemProbe", package: "MemProbe"),
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "DemoServiceTests",
            dependencies: ["DemoService", "SuiteTestSupport", .product(name: "PerfSupport", package: "PerfResult")],
            swiftSettings: swiftSettings),
        // The demo service under LoadGen load: pooled against plain in interleaved rounds, a memory soak, the knee.
        .executableTarget(
            name: "demo-load",
            dependencies: [
                .product(name: "LoadGen", package: "LoadGen"), .product(name: "MemProbe", package: "MemProbe"),
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "DemoLoadTests",
            dependencies: [
                "demo-load", "DemoService", "SuiteTestSupport", .product(name: "LoadGen", package: "LoadGen"),
                .product(name: "MemProbe", package: "MemProbe"), .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        // The regression gate's bars: seeded A/A and regression simulations, and a scale check.
        .executableTarget(
            name: "regression-sim",
            dependencies: [
                .product(name: "Regression", package: "Regression"),
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RegressionSimTests",
            dependencies: ["regression-sim", "SuiteTestSupport", .product(name: "PerfSupport", package: "PerfResult")],
            swiftSettings: swiftSettings),
        // Flame graphs of perf profiles: collapse `perf script`, demangle Swift, draw interactive SVGs.
        .target(
            name: "FlameGraph",
            dependencies: [
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "flamegraph",
            dependencies: [
                "FlameGraph", .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FlameGraphTests",
            dependencies: [
                "FlameGraph", "flamegraph", "SuiteTestSupport", .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        // The router the micro suite measures: a trie against a linear scan.
        .target(name: "Routing", swiftSettings: swiftSettings),
        .testTarget(name: "RoutingTests", dependencies: ["Routing"], swiftSettings: swiftSettings),
        // The memory suite: leak checks of healthy workloads (which must pass) and injected leaks (which must fail).
        .executableTarget(
            name: "perf-memory",
            dependencies: [
                "DemoService",
                .product(name: "MemProbe", package: "MemProbe"),
                .product(name: "Pooling", package: "Pooling"),
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PerfMemoryTests",
            dependencies: [
                "perf-memory", "SuiteTestSupport",
                .product(name: "MemProbe", package: "MemProbe"),
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        // A deterministic program whose heap totals perf-verify sets beside valgrind's.
        .executableTarget(
            name: "alloc-count-check", dependencies: [.product(name: "MemProbe", package: "MemProbe")],
            swiftSettings: swiftSettings),
        // Each meter against an independent reference (valgrind, callgrind, a clock loop, wrk, an analytic answer).
        .executableTarget(
            name: "perf-verify",
            dependencies: [
                .product(name: "LoadGen", package: "LoadGen"), .product(name: "Regression", package: "Regression"),
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PerfVerifyTests",
            dependencies: [
                "perf-verify", "alloc-count-check", "SuiteTestSupport",
                .product(name: "PerfResult", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        // The toolkit as a user gets it: a package outside the repository depending on the root manifest by URL.
        // The repository README's examples, which combine the packages: compiled, and run where they can.
        .testTarget(
            name: "ExamplesTests",
            dependencies: [
                "SuiteTestSupport", .product(name: "LoadGen", package: "LoadGen"),
                .product(name: "MemProbe", package: "MemProbe"), .product(name: "MicroBench", package: "MicroBench"),
                .product(name: "PerfResult", package: "PerfResult"), .product(name: "Pooling", package: "Pooling"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ConsumerTests", dependencies: [.product(name: "PerfResult", package: "PerfResult")],
            swiftSettings: swiftSettings),
        // Fuzz targets (perf/README.md, "Fuzzing"): the parsers' properties in a library the tests replay corpora
        // through, one executable per target (libFuzzer's driver under `make fuzz`, a corpus replayer otherwise),
        // and libFuzzer's LLVMFuzzerRunDriver declared for the fuzzing build.
        .target(name: "CFuzzDriver"),
        .target(
            name: "FuzzTargets",
            dependencies: [
                "CFuzzDriver", "DemoService", .product(name: "LoadGen", package: "LoadGen"),
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(name: "fuzz-http-response", dependencies: ["FuzzTargets"], swiftSettings: swiftSettings),
        .executableTarget(name: "fuzz-scenario", dependencies: ["FuzzTargets"], swiftSettings: swiftSettings),
        .executableTarget(name: "fuzz-http-request", dependencies: ["FuzzTargets"], swiftSettings: swiftSettings),
        .executableTarget(name: "fuzz-json", dependencies: ["FuzzTargets"], swiftSettings: swiftSettings),
        .executableTarget(name: "fuzz-report", dependencies: ["FuzzTargets"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FuzzTargetsTests",
            dependencies: [
                "FuzzTargets", "DemoService", .product(name: "LoadGen", package: "LoadGen"),
                .product(name: "PerfResult", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        // The micro suite: harness bars, string operations, routing, the in-process request pipeline.
        .executableTarget(
            name: "perf-micro",
            dependencies: [
                "DemoService", "Routing",
                .product(name: "MicroBench", package: "MicroBench"),
                .product(name: "MemProbe", package: "MemProbe"),
                .product(name: "Pooling", package: "Pooling"),
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        // The perf-micro executable's subcommands, run from the build folder (`arc-cost`).
        .testTarget(
            name: "PerfMicroTests", dependencies: ["perf-micro", "SuiteTestSupport"], swiftSettings: swiftSettings),
        // MicroBench's system-metric probes under MemProbe's allocation counter (MicroBench cannot depend on
        // MemProbe): their start() and stop() allocate nothing.
        .testTarget(
            name: "SystemProbeAllocationTests",
            dependencies: [
                .product(name: "MicroBench", package: "MicroBench"), .product(name: "MemProbe", package: "MemProbe"),
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        // The pools suite: Pool and BufferPool against plain allocation, one thread against two.
        .executableTarget(
            name: "perf-pools",
            dependencies: [
                .product(name: "Pooling", package: "Pooling"),
                .product(name: "MicroBench", package: "MicroBench"),
                .product(name: "MemProbe", package: "MemProbe"),
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PerfPoolsTests",
            dependencies: [
                "perf-pools", "SuiteTestSupport", .product(name: "Pooling", package: "Pooling"),
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        // The service suite: the runtime strategy's concurrency targets in process (100 concurrent clients, a queue).
        .executableTarget(
            name: "perf-service",
            dependencies: [
                "DemoService", .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PerfServiceTests",
            dependencies: [
                "perf-service", "DemoService", .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        // The viewmodel suite: a plain keyed list against PooledList under churn and mount/unmount, and a demo.
        .executableTarget(
            name: "perf-viewmodel",
            dependencies: [
                .product(name: "ViewModelPool", package: "ViewModelPool"),
                .product(name: "MemProbe", package: "MemProbe"),
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PerfViewModelTests",
            dependencies: [
                "perf-viewmodel", "SuiteTestSupport",
                .product(name: "ViewModelPool", package: "ViewModelPool"),
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
