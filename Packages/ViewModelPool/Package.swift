// swift-tools-version: 6.2
import PackageDescription

// The settings block every package of the toolkit shares (docs/ARCHITECTURE.md, "Layout of a package").
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ViewModelPool",
    products: [
        .library(name: "ViewModelPool", targets: ["ViewModelPool"])
    ],
    dependencies: [
        // The one exception to "PerfResult only" (docs/ARCHITECTURE.md): view-model pools report Pooling's
        // statistics.
        .package(path: "../Pooling"),
        .package(path: "../PerfResult"),
    ],
    targets: [
        .target(
            name: "ViewModelPool",
            dependencies: [
                .product(name: "Pooling", package: "Pooling"),
                .product(name: "PerfResult", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ViewModelPoolTests",
            dependencies: [
                "ViewModelPool",
                .product(name: "Pooling", package: "Pooling"),
                .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
