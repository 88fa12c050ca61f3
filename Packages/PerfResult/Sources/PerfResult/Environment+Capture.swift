import PerfSupport

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Environment {
    /// Reads the environment of the running process: toolchain, build, OS, CPU, memory, git commit, time,
    /// `PERF_ENV` and `PERF_PROFILE`.
    ///
    /// Never fails: a source that cannot be read leaves its field `nil`. Reads a few small files
    /// (`/proc/cpuinfo`, `/etc/os-release`, `.git/HEAD`); call it once per run, outside measured code.
    public static func capture() -> Environment {
        capture(from: .live)
    }

    static func capture(from source: EnvironmentSource) -> Environment {
        let variables = source.variables
        let system = source.uname()
        var environment = Environment(
            swiftVersion: SwiftVersion.compiler,
            buildConfiguration: SwiftVersion.buildConfiguration,
            timestamp: source.now())
        environment.architecture = system?.machine
        environment.kernel = system.map { "\($0.sysname) \($0.release)" }
        #if canImport(Darwin)
        environment.os = source.operatingSystem()
        environment.cpuModel = source.darwinCPUModel()
        #else
        environment.os = source.readFile("/etc/os-release").flatMap(SystemFacts.osName(fromOsRelease:))
        environment.cpuModel = source.readFile("/proc/cpuinfo").flatMap(SystemFacts.cpuModel(fromCpuinfo:))
        #endif
        environment.logicalCores = source.logicalCores()
        environment.memoryBytes = source.memoryBytes()
        environment.gitCommit = GitCommit.resolve(
            variables: variables, workingDirectory: source.workingDirectory(), readFile: source.readFile)
        environment.perfEnv = variables["PERF_ENV"].flatMap { $0.isEmpty ? nil : $0 }
        environment.profile = variables["PERF_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        return environment
    }
}

/// What `Environment.capture` reads from, so tests can substitute fixtures for the machine.
struct EnvironmentSource: Sendable {
    struct Uname: Sendable {
        var sysname: String
        var release: String
        var machine: String
    }

    var variables: [String: String]
    var readFile: @Sendable (String) -> String?
    var uname: @Sendable () -> Uname?
    var logicalCores: @Sendable () -> Int?
    var memoryBytes: @Sendable () -> UInt64?
    var workingDirectory: @Sendable () -> String?
    var operatingSystem: @Sendable () -> String?
    var darwinCPUModel: @Sendable () -> String?
    var now: @Sendable () -> String

    static var live: EnvironmentSource {
        EnvironmentSource(
            variables: ProcessEnvironment.current(),
            readFile: { path in
                guard let bytes = try? AtomicFile.read(path) else { return nil }
                return String(decoding: bytes, as: UTF8.self)
            },
            uname: liveUname,
            logicalCores: { ProcessInfo.processInfo.activeProcessorCount },
            memoryBytes: { ProcessInfo.processInfo.physicalMemory },
            workingDirectory: {
                guard let pointer = getcwd(nil, 0) else { return nil }
                defer { free(pointer) }
                return String(cString: pointer)
            },
            operatingSystem: {
                let version = ProcessInfo.processInfo.operatingSystemVersion
                return "macOS \(version.majorVersion).\(version.minorVersion).\(version.patchVersion)"
            },
            darwinCPUModel: liveDarwinCPUModel,
            now: { Timestamp.utcNow() })
    }

    private static let liveUname: @Sendable () -> Uname? = {
        var info = utsname()
        guard systemUname(&info) == 0 else { return nil }
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        return Uname(sysname: text(info.sysname), release: text(info.release), machine: text(info.machine))
    }

    private static let liveDarwinCPUModel: @Sendable () -> String? = {
        #if canImport(Darwin)
        var size = 0
        guard sysctlbyname("machdep.cpu.brand_string", nil, &size, nil, 0) == 0, size > 0 else { return nil }
        var buffer = [CChar](repeating: 0, count: size)
        guard sysctlbyname("machdep.cpu.brand_string", &buffer, &size, nil, 0) == 0 else { return nil }
        return String(cString: buffer)
        #else
        return nil
        #endif
    }
}

/// `uname(2)`, whose name clashes with `EnvironmentSource.uname`.
private func systemUname(_ info: UnsafeMutablePointer<utsname>) -> Int32 {
    uname(info)
}
