// swift-tools-version: 6.2
import PackageDescription

// The settings block every package of the toolkit shares (docs/ARCHITECTURE.md, "Layout of a package").
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "LoadGen",
    products: [
        .library(name: "LoadGen", targets: ["LoadGen"]),
        .executable(name: "loadgen", targets: ["loadgen"]),
        .executable(name: "loadgen-target", targets: ["loadgen-target"]),
    ],
    dependencies: [
        .package(path: "../PerfResult")
    ],
    targets: [
        // epoll, timer slack and the other Linux calls that the Glibc module does not export.
        .target(name: "CLoadGen"),
        // The system's OpenSSL 3 (libssl.so.3) through dlopen, for https: no headers, nothing linked.
        .target(name: "CLoadGenTLS", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(
            name: "LoadGen",
            dependencies: [
                "CLoadGen", "CLoadGenTLS", .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "loadgen",
            dependencies: [
                "LoadGen", .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "loadgen-target",
            dependencies: ["LoadGen", .product(name: "PerfSupport", package: "PerfResult")],
            swiftSettings: swiftSettings),
        // The tests parse through the executables' command declarations and run the built executables.
        .testTarget(
            name: "LoadGenTests",
            dependencies: [
                "LoadGen", "loadgen", "loadgen-target", .product(name: "PerfResult", package: "PerfResult"),
                .product(name: "PerfSupport", package: "PerfResult"),
            ],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
