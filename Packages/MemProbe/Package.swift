// swift-tools-version: 6.2
import PackageDescription

// The settings block every package of the toolkit shares (docs/ARCHITECTURE.md, "Layout of a package").
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "MemProbe",
    products: [
        .library(name: "MemProbe", targets: ["MemProbe"])
    ],
    dependencies: [
        .package(path: "../PerfResult")
    ],
    targets: [
        // The allocation counter (malloc interposition) and the glibc heap calls; linked into every
        // executable that depends on MemProbe.
        .target(name: "CMemProbe"),
        .target(
            name: "MemProbe",
            dependencies: [
                "CMemProbe", .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        // Test support: calls of the runtime's swift_retain and swift_release, one each (ARCCounterTests).
        .target(name: "CRuntimeCalls", path: "Tests/CRuntimeCalls"),
        .testTarget(
            name: "MemProbeTests",
            dependencies: [
                "MemProbe", "CRuntimeCalls", .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
