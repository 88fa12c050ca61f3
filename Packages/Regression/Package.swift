// swift-tools-version: 6.2
import PackageDescription

// The settings block every package of the toolkit shares (docs/ARCHITECTURE.md, "Layout of a package").
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Regression",
    products: [
        .library(name: "Regression", targets: ["Regression"]),
        .executable(name: "perf-check", targets: ["perf-check"]),
    ],
    dependencies: [
        .package(path: "../PerfResult")
    ],
    targets: [
        .target(
            name: "Regression",
            dependencies: [
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "perf-check",
            dependencies: ["Regression", .product(name: "PerfSupport", package: "PerfResult")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RegressionTests",
            dependencies: [
                "Regression", "perf-check", .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            exclude: ["Fixtures"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
