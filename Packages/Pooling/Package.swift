// swift-tools-version: 6.2
import PackageDescription

// The settings block every package of the toolkit shares (docs/ARCHITECTURE.md, "Layout of a package").
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Pooling",
    products: [
        .library(name: "Pooling", targets: ["Pooling"])
    ],
    dependencies: [
        .package(path: "../PerfResult")
    ],
    targets: [
        // Thread-local storage for the per-thread caches: Swift has no thread-local variables of its own.
        .target(name: "CPoolingTLS"),
        .target(
            name: "Pooling",
            dependencies: ["CPoolingTLS", .product(name: "PerfResult", package: "PerfResult")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PoolingTests",
            dependencies: [
                "Pooling",
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
