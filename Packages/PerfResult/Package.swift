// swift-tools-version: 6.2
import PackageDescription

// The settings block every package of the toolkit shares (docs/ARCHITECTURE.md, "Layout of a package").
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "PerfResult",
    products: [
        .library(name: "PerfResult", targets: ["PerfResult"]),
        // The shared layer: what more than one package needs (command lines, clocks, formatting, statistics,
        // system calls, a seeded generator) and nothing suite-specific. See docs/ARCHITECTURE.md.
        .library(name: "PerfSupport", targets: ["PerfSupport"]),
    ],
    targets: [
        // pipe2 and posix_spawn_file_actions_addchdir_np, which Swift's Glibc module does not declare.
        .target(name: "CPerfSupport"),
        .target(name: "PerfSupport", dependencies: ["CPerfSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PerfSupportTests", dependencies: ["PerfSupport"], swiftSettings: swiftSettings),
        .target(name: "PerfResult", dependencies: ["PerfSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PerfResultTests", dependencies: ["PerfResult"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
