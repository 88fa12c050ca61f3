// swift-tools-version: 6.2
import PackageDescription

// The settings block every package of the toolkit shares (DESIGN.md, "Layout of a package").
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "PerfResult",
    products: [
        .library(name: "PerfResult", targets: ["PerfResult"])
    ],
    targets: [
        .target(name: "PerfResult", swiftSettings: swiftSettings),
        .testTarget(name: "PerfResultTests", dependencies: ["PerfResult"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
