// swift-tools-version: 6.2
import PackageDescription

// The settings block every package of the toolkit shares (DESIGN.md, "Layout of a package").
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
        // The compiler barrier behind blackHole(_:) and opaque(_:): an empty inline-assembly statement.
        .target(name: "CMicroBench"),
        .target(
            name: "MicroBench",
            dependencies: ["CMicroBench", .product(name: "PerfResult", package: "PerfResult")],
            swiftSettings: swiftSettings),
        .testTarget(name: "MicroBenchTests", dependencies: ["MicroBench"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
