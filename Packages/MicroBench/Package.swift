// swift-tools-version: 6.2
import PackageDescription

// The settings block every package of the toolkit shares (docs/ARCHITECTURE.md, "Layout of a package").
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "MicroBench",
    products: [
        .library(name: "MicroBench", targets: ["MicroBench"])
    ],
    dependencies: [
        .package(path: "../PerfResult")
    ],
    targets: [
        // The compiler barrier behind blackHole(_:) and opaque(_:), and callgrind's client requests.
        .target(name: "CMicroBench"),
        .target(
            name: "MicroBench",
            dependencies: [
                "CMicroBench", .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        // A suite executable the tests run as a separate process: --instructions re-runs it under callgrind.
        .executableTarget(name: "microbench-testbed", dependencies: ["MicroBench"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MicroBenchTests",
            dependencies: ["MicroBench", "microbench-testbed", .product(name: "PerfSupport", package: "PerfResult")],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
