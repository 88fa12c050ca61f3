/// Where and how a report's numbers were produced.
///
/// Captured once per run with `Environment.capture()`. Every field that comes from the machine is
/// optional: a source that is missing (no `/proc`, no git checkout) leaves its field absent.
/// Tools compare environments before comparing numbers; debug and release results are never compared.
public struct Environment: Sendable, Hashable, Codable {
    /// The build configuration of the measuring binary.
    public enum BuildConfiguration: String, Sendable, Hashable, Codable, CaseIterable {
        case debug
        case release
    }

    /// The Swift compiler version the measuring binary was built with, e.g. `6.3.1`.
    public var swiftVersion: String?
    /// Debug or release. Numbers from a debug build are not meaningful.
    public var buildConfiguration: BuildConfiguration
    /// The operating system, e.g. `Debian GNU/Linux 12 (bookworm)` or `macOS 15.1`.
    public var os: String?
    /// The kernel name and release, e.g. `Linux 6.1.0-26-amd64`.
    public var kernel: String?
    /// The CPU architecture, e.g. `x86_64` or `arm64`.
    public var architecture: String?
    /// The CPU model, e.g. `Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz`.
    public var cpuModel: String?
    /// Logical cores available to the process.
    public var logicalCores: Int?
    /// Physical memory in bytes.
    public var memoryBytes: UInt64?
    /// The git commit of the code under test (`GIT_COMMIT`, else the checkout's `HEAD`).
    public var gitCommit: String?
    /// When the run started, ISO 8601 in UTC, e.g. `2026-11-22T13:57:47Z`.
    public var timestamp: String
    /// The `PERF_ENV` label (e.g. `local`, `ci`); results from different labels are not compared silently.
    public var perfEnv: String?
    /// The `PERF_PROFILE` the run used (`quick` or `full`).
    public var profile: String?
    /// How many independent processes (forks) measured the numbers, when more than one did: each sampled
    /// metric's `samples` are then the forks' own values (for timings, each fork's median), and its `value` is
    /// their median (`Report.mergingForks`). `nil` for a report of one process.
    public var forks: Int?

    /// Creates an environment from known values; `capture()` reads them from the running system.
    public init(
        swiftVersion: String? = nil, buildConfiguration: BuildConfiguration, os: String? = nil,
        kernel: String? = nil, architecture: String? = nil, cpuModel: String? = nil, logicalCores: Int? = nil,
        memoryBytes: UInt64? = nil, gitCommit: String? = nil, timestamp: String, perfEnv: String? = nil,
        profile: String? = nil, forks: Int? = nil
    ) {
        self.swiftVersion = swiftVersion
        self.buildConfiguration = buildConfiguration
        self.os = os
        self.kernel = kernel
        self.architecture = architecture
        self.cpuModel = cpuModel
        self.logicalCores = logicalCores
        self.memoryBytes = memoryBytes
        self.gitCommit = gitCommit
        self.timestamp = timestamp
        self.perfEnv = perfEnv
        self.profile = profile
        self.forks = forks
    }
}

extension Environment: CustomStringConvertible {
    /// One line for the top of every tool's output, e.g.
    /// `Swift 6.3.1 · release · Linux 6.1.0 x86_64 · Intel(R) Xeon(R) … · 2 cores · 23.4 GiB · PERF_ENV=local`.
    public var description: String {
        var parts: [String] = []
        parts.append("Swift \(swiftVersion ?? "?")")
        parts.append(buildConfiguration == .debug ? "DEBUG BUILD" : "release")
        var system = kernel ?? os ?? "unknown OS"
        if let architecture { system += " \(architecture)" }
        parts.append(system)
        if let cpuModel { parts.append(cpuModel) }
        if let logicalCores { parts.append("\(logicalCores) core\(logicalCores == 1 ? "" : "s")") }
        if let memoryBytes { parts.append(Environment.formatGiB(memoryBytes)) }
        if let perfEnv { parts.append("PERF_ENV=\(perfEnv)") }
        if let profile { parts.append("PERF_PROFILE=\(profile)") }
        if let forks { parts.append("\(forks) forks") }
        if let gitCommit { parts.append("commit \(gitCommit.prefix(12))") }
        return parts.joined(separator: " · ")
    }

    /// A loud warning for the top of a debug build's output, or `nil` for release builds.
    public var buildWarning: String? {
        guard buildConfiguration == .debug else { return nil }
        return "WARNING: this is a DEBUG build; its numbers are not meaningful. Build with -c release "
            + "(the Makefile's perf targets do)."
    }

    static func formatGiB(_ bytes: UInt64) -> String {
        let tenths = (bytes * 10 + (1 << 29)) >> 30
        return "\(tenths / 10).\(tenths % 10) GiB"
    }
}
