import Foundation
import Testing

@testable import PerfResult

@Suite struct EnvironmentTests {
    @Test func captureOnThisMachineFillsTheFieldsItShould() throws {
        let environment = Environment.capture()
        #expect(environment.swiftVersion?.hasPrefix("6.") == true)
        // `swift test` builds in debug unless told otherwise.
        #expect(environment.buildConfiguration == .debug)
        #expect((environment.logicalCores ?? 0) >= 1)
        #expect((environment.memoryBytes ?? 0) > 64 << 20)
        #expect(environment.timestamp.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
        #if os(Linux)
        #expect(environment.kernel?.hasPrefix("Linux ") == true)
        #expect(environment.architecture?.isEmpty == false)
        if FileManager.default.fileExists(atPath: "/etc/os-release") { #expect(environment.os != nil) }
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        if cpuinfo.contains("model name") { #expect(environment.cpuModel?.isEmpty == false) }
        #endif
    }

    @Test func captureReadsPerfEnvProfileAndGitCommitFromVariables() {
        var source = EnvironmentSource.fixture
        source.variables = ["PERF_ENV": "ci", "PERF_PROFILE": "quick", "GIT_COMMIT": String(repeating: "c", count: 40)]
        let environment = Environment.capture(from: source)
        #expect(environment.perfEnv == "ci")
        #expect(environment.profile == "quick")
        #expect(environment.gitCommit == String(repeating: "c", count: 40))
        #expect(environment.os == "Debian GNU/Linux 12 (bookworm)")
        #expect(environment.cpuModel == "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz")
        #expect(environment.kernel == "Linux 6.1.0-26-amd64")
        #expect(environment.timestamp == "2026-11-22T13:57:47Z")
    }

    @Test func missingSourcesLeaveFieldsAbsentWithoutCrashing() {
        let source = EnvironmentSource(
            variables: [:], readFile: { _ in nil }, uname: { nil }, logicalCores: { nil }, memoryBytes: { nil },
            workingDirectory: { nil }, operatingSystem: { nil }, darwinCPUModel: { nil },
            now: { "2026-11-22T13:57:47Z" })
        let environment = Environment.capture(from: source)
        #expect(environment.os == nil)
        #expect(environment.kernel == nil)
        #expect(environment.cpuModel == nil)
        #expect(environment.logicalCores == nil)
        #expect(environment.memoryBytes == nil)
        #expect(environment.gitCommit == nil)
        #expect(environment.perfEnv == nil)
        #expect(environment.description.hasPrefix("Swift "))
    }

    @Test func theDescriptionIsOneLineWithTheFactsThatMatter() {
        let line = fixedEnvironment().description
        #expect(!line.contains("\n"))
        #expect(
            line
                == "Swift 6.3.1 · release · Linux 6.1.0-26-amd64 x86_64 · Test CPU @ 3.00GHz · 2 cores · 24.0 GiB · PERF_ENV=ci · PERF_PROFILE=quick · commit abababababab"
        )
    }

    @Test func aDebugBuildSaysSoLoudly() {
        var environment = fixedEnvironment()
        #expect(environment.buildWarning == nil)
        environment.buildConfiguration = .debug
        #expect(environment.description.contains("DEBUG BUILD"))
        #expect(environment.buildWarning?.hasPrefix("WARNING: this is a DEBUG build") == true)
    }

    @Test func osReleasePrefersPrettyName() {
        let text =
            "NAME=\"Debian GNU/Linux\"\nVERSION=\"12 (bookworm)\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
        #expect(SystemFacts.osName(fromOsRelease: text) == "Debian GNU/Linux 12 (bookworm)")
        #expect(SystemFacts.osName(fromOsRelease: "NAME=Alpine\nVERSION='3.20'\n") == "Alpine 3.20")
        #expect(SystemFacts.osName(fromOsRelease: "garbage") == nil)
    }

    @Test func cpuinfoGivesTheModelNameOrTheBoardName() {
        let x86 =
            "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R)  Xeon(R) CPU @ 2.90GHz\n\nprocessor\t: 1\nmodel name\t: other\n"
        #expect(SystemFacts.cpuModel(fromCpuinfo: x86) == "Intel(R) Xeon(R) CPU @ 2.90GHz")
        let arm = "processor\t: 0\nBogoMIPS\t: 108.00\n\nHardware\t: BCM2835\nModel\t: Raspberry Pi 4 Model B\n"
        #expect(SystemFacts.cpuModel(fromCpuinfo: arm) == "BCM2835")
        #expect(SystemFacts.cpuModel(fromCpuinfo: "") == nil)
    }
}

extension EnvironmentSource {
    static var fixture: EnvironmentSource {
        let files = [
            "/etc/os-release": "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n",
            "/proc/cpuinfo": "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz\n",
        ]
        return EnvironmentSource(
            variables: [:], readFile: { files[$0] },
            uname: { Uname(sysname: "Linux", release: "6.1.0-26-amd64", machine: "x86_64") },
            logicalCores: { 2 }, memoryBytes: { 24 << 30 }, workingDirectory: { nil },
            operatingSystem: { "Debian GNU/Linux 12 (bookworm)" },
            darwinCPUModel: { "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz" },
            now: { "2026-11-22T13:57:47Z" })
    }
}
