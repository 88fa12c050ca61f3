import PerfSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct ExecutablePathTests {
    @Test func theCurrentExecutableIsTheRunningTestBinary() throws {
        let path = try ExecutablePath.current()
        #expect(path.hasPrefix("/"))
        #expect(ExecutablePath.isExecutableFile(path))
        #expect(path.split(separator: "/").last?.hasPrefix("PerfResultPackageTests") == true)
    }

    @Test func theDirectoryIsTheCurrentPathWithoutItsLastComponent() throws {
        let path = try ExecutablePath.current()
        let directory = try ExecutablePath.directory()
        #expect(!directory.hasSuffix("/"))
        #expect(path == directory + "/" + (path.split(separator: "/").last.map(String.init) ?? ""))
    }

    @Test func aProgramIsFoundInTheFirstDirectoryThatHasIt() {
        #expect(ExecutablePath.find("sh", in: ["/nonexistent", "", "/bin/", "/usr/bin"]) == "/bin/sh")
        #expect(ExecutablePath.find("sh", inSearchPath: "/nonexistent::/bin") == "/bin/sh")
        #expect(ExecutablePath.find("no-such-program-here", inSearchPath: "/usr/bin:/bin") == nil)
    }

    @Test func aDirectoryOrAPlainFileIsNotAnExecutable() throws {
        #expect(ExecutablePath.isExecutableFile("/bin/sh"))
        #expect(!ExecutablePath.isExecutableFile("/bin"))
        #expect(!ExecutablePath.isExecutableFile("/nonexistent/program"))
        #expect(ExecutablePath.find("bin", in: ["/"]) == nil)
        let path = "/tmp/perf-support-plain-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        defer { unlink(path) }
        let file = try #require(fopen(path, "w"))
        fclose(file)
        #expect(!ExecutablePath.isExecutableFile(path))
    }
}
