import PerfSupport
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The sampler against real child processes (`/bin/sh`, bounded: each child is stopped at the end, and every
/// wait gives up after 30 s). What is asserted is counted (bytes, clock ticks), never how long something took.
#if os(Linux)
@Suite struct ProcessSamplerTests {
    static func start(_ script: String, environment: [String: String] = [:]) throws -> SpawnedProcess {
        try ChildProcess("/bin/sh", ["-c", script], environment: environment.merging(["PATH": "/usr/bin:/bin"]) { $1 })
            .spawn(standardOutput: .discard)
    }

    /// Checks `condition` every 10 ms for up to 30 s; whether it held.
    static func waitFor(_ condition: () -> Bool) -> Bool {
        for _ in 0..<3000 {
            if condition() { return true }
            PosixThread.sleep(nanoseconds: 10_000_000)
        }
        return false
    }

    @Test func residentSizeGrowsAfterTheChildAllocatesAndTouchesMemory() throws {
        let flag = "/tmp/perf-support-sampler-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        defer { unlink(flag) }
        // The shell holds a 64 MiB string (every byte written) once the flag file exists, then waits.
        let child = try Self.start(
            "while [ ! -e \"$FLAG\" ]; do sleep 0.02; done; x=$(head -c 67108864 /dev/zero | tr '\\0' a); sleep 30",
            environment: ["FLAG": flag])
        defer { _ = try? child.terminate(grace: .seconds(1)) }
        let sampler = try ProcessSampler(pid: child.pid, interval: .milliseconds(20))
        defer { sampler.stop() }
        let before = try #require(sampler.samples.first?.residentBytes)
        #expect(before < 32 << 20)
        close(open(flag, O_CREAT | O_WRONLY, 0o644))
        let grew = Self.waitFor { sampler.samples.contains { ($0.residentBytes ?? 0) >= before + (60 << 20) } }
        #expect(grew)
        let usage = ProcessUsage(samples: sampler.stop(), processors: 1)
        #expect(usage.residentStartBytes == before)
        #expect((usage.residentPeakBytes ?? 0) >= before + (60 << 20))
        #expect(usage.threadsPeak == 1)
        #expect((usage.openFilesPeak ?? 0) >= 3)
    }

    @Test func cpuOfABusyChildIsAboveZeroAndOfASleepingOneNearZero() throws {
        let sleeping = try Self.start("exec sleep 30")
        defer { _ = try? sleeping.terminate(grace: .seconds(1)) }
        let busy = try Self.start("while :; do :; done")
        defer { _ = try? busy.terminate(grace: .seconds(1)) }
        // The sleeping child's startup (exec) is over once it sleeps: sample it from then on.
        #expect(Self.waitFor { ProcText.stat(procText("/proc/\(sleeping.pid)/stat"))?.state == "S" })
        let quiet = try ProcessSampler(pid: sleeping.pid, interval: .milliseconds(50))
        let loaded = try ProcessSampler(pid: busy.pid, interval: .milliseconds(50))
        // Until the busy child has used 20 clock ticks (200 ms) of CPU and both have 10 samples.
        let enough = Self.waitFor {
            let samples = loaded.samples
            let used = (samples.last?.cpuNs ?? 0) - (samples.first?.cpuNs ?? 0)
            return used >= 200_000_000 && samples.count >= 10 && quiet.samples.count >= 10
        }
        #expect(enough)
        let busyUsage = ProcessUsage(samples: loaded.stop(), processors: 2)
        let quietUsage = ProcessUsage(samples: quiet.stop(), processors: 2)
        #expect((busyUsage.cpuPercent ?? 0) > 0)
        #expect(busyUsage.cpuPercentOfAllCores == busyUsage.cpuPercent.map { $0 / 2 })
        #expect(try #require(quietUsage.cpuPercent) < 1)
        #expect((busyUsage.involuntaryContextSwitchesPerSecond ?? -1) >= 0)
    }

    @Test func contextSwitchesOfEveryThreadAreCounted() throws {
        // A thread of this process other than the main one sleeps 100 times: 100 voluntary switches at least,
        // which /proc/PID/status (the main thread's) does not show. The sum over every live thread is at least
        // the main thread's and the sleeper's read before it (both alive, so their counts only grow); a
        // comparison over time would not hold, since threads of other tests that end take their counts with them.
        let step = Atomic<Int>(0)
        let sleeperID = Atomic<Int>(0)
        let sleeper = try PosixThread.spawn {
            sleeperID.store(Self.threadID() ?? -1, ordering: .releasing)
            for _ in 0..<100 { PosixThread.sleep(nanoseconds: 200_000) }
            step.store(1, ordering: .releasing)
            while step.load(ordering: .acquiring) == 1 { PosixThread.sleep(nanoseconds: 1_000_000) }
        }
        defer {
            step.store(2, ordering: .releasing)
            sleeper.join()
        }
        #expect(Self.waitFor { step.load(ordering: .acquiring) == 1 })
        let own = try #require(Self.voluntarySwitches("/proc/self/task/\(sleeperID.load(ordering: .acquiring))/status"))
        let main = try #require(Self.voluntarySwitches("/proc/self/status"))
        let total = try #require(ProcessSample.read(pid: getpid())?.voluntaryContextSwitches)
        #expect(own >= 100)
        #expect(total >= main + own)
    }

    /// The calling thread's id, from the `/proc/thread-self` link (`PID/task/TID`).
    static func threadID() -> Int? {
        var buffer = [CChar](repeating: 0, count: 64)
        let count = readlink("/proc/thread-self", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let link = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return link.split(separator: "/").last.flatMap { Int($0) }
    }

    static func voluntarySwitches(_ path: String) -> Int? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var text = ""
        var buffer = [CChar](repeating: 0, count: 512)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            text += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return ProcText.status(text).voluntaryContextSwitches
    }

    @Test func aProcessThatDoesNotExistIsRefused() {
        #expect(throws: SystemError("/proc/\(Int32.max)/stat", code: ESRCH)) {
            _ = try ProcessSampler(pid: Int32.max)
        }
        #expect(!ProcessSample.isRunning(pid: Int32.max))
    }

    @Test func samplingStopsWhenTheProcessExits() throws {
        let child = try Self.start("exec sleep 30")
        let sampler = try ProcessSampler(pid: child.pid, interval: .milliseconds(20))
        #expect(ProcessSample.isRunning(pid: child.pid))
        #expect(!sampler.processExited)
        child.send(SIGKILL)
        // Not waited for yet: a zombie, which counts as exited.
        #expect(Self.waitFor { sampler.processExited })
        #expect(!ProcessSample.isRunning(pid: child.pid))
        _ = try child.wait()
        #expect(sampler.stop().allSatisfy { $0.cpuNs != nil })
    }

    @Test func samplingStopsAtItsMaximum() throws {
        let child = try Self.start("exec sleep 30")
        defer { _ = try? child.terminate(grace: .seconds(1)) }
        let sampler = try ProcessSampler(pid: child.pid, interval: .milliseconds(5), maximumSamples: 3)
        #expect(Self.waitFor { sampler.samples.count == 3 })
        PosixThread.sleep(nanoseconds: 50_000_000)
        #expect(sampler.stop().count == 3)
    }
}

/// A small `/proc` file's text (empty when it cannot be read).
private func procText(_ path: String) -> String {
    guard let file = fopen(path, "r") else { return "" }
    defer { fclose(file) }
    var buffer = [CChar](repeating: 0, count: 1024)
    guard fgets(&buffer, Int32(buffer.count), file) != nil else { return "" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
#endif

@Suite struct ProcessUsageTests {
    static func sample(_ second: Double, rss: Int, cpuMs: UInt64, voluntary: Int = 0) -> ProcessSample {
        ProcessSample(
            monotonicNs: UInt64(second * 1e9), epochNs: 1_000_000_000_000 + Int64(second * 1e9), residentBytes: rss,
            cpuNs: cpuMs * 1_000_000, threads: 4, openFiles: 9, voluntaryContextSwitches: voluntary,
            involuntaryContextSwitches: 0)
    }

    @Test func windowFiguresComeFromTheSamplesInsideAndRatesFromTheSampleBefore() {
        let samples = [
            Self.sample(0, rss: 100, cpuMs: 0), Self.sample(1, rss: 500, cpuMs: 100, voluntary: 10),
            Self.sample(2, rss: 300, cpuMs: 600, voluntary: 30), Self.sample(3, rss: 200, cpuMs: 1100, voluntary: 50),
            Self.sample(4, rss: 900, cpuMs: 1200, voluntary: 60),
        ]
        let start = 1_000_000_000_000 + Int64(1.5e9)
        let usage = ProcessUsage(samples: samples, window: start...(start + 2_000_000_000), processors: 4)
        #expect(usage.residentStartBytes == 100)
        #expect(usage.residentMeanBytes == 250)
        #expect(usage.residentPeakBytes == 300)
        #expect(usage.sampleCount == 2)
        // From the sample at 1 s (cpu 100 ms) to the one at 3 s (1100 ms): 1 s of CPU in 2 s.
        #expect(usage.cpuPercent == 50)
        #expect(usage.cpuPercentOfAllCores == 12.5)
        #expect(usage.voluntaryContextSwitchesPerSecond == 20)
        #expect(usage.threadsPeak == 4)
        #expect(usage.openFilesPeak == 9)
    }

    @Test func perSecondSeriesHasThePeakAndTheCpuOfEachSecond() {
        let samples = [
            Self.sample(0.1, rss: 100, cpuMs: 0), Self.sample(0.6, rss: 300, cpuMs: 100),
            Self.sample(1.1, rss: 200, cpuMs: 600), Self.sample(1.6, rss: 250, cpuMs: 600),
        ]
        let series = ProcessUsage.perSecond(samples, startEpochNs: 1_000_000_000_000, seconds: 3)
        #expect(series.map(\.residentBytes) == [300, 250, nil])
        #expect(series[0].cpuPercent == 20) // 100 ms in 0.5 s
        #expect(series[1].cpuPercent == 50) // from 0.6 s: 500 ms in 1 s
        #expect(series[2].cpuPercent == nil)
    }

    @Test func noSamplesOrNoTimeGiveNoFigures() {
        let empty = ProcessUsage(samples: [], processors: 2)
        #expect(empty.residentPeakBytes == nil && empty.cpuPercent == nil && empty.sampleCount == 0)
        let single = ProcessUsage(samples: [Self.sample(0, rss: 7, cpuMs: 5)], processors: 2)
        #expect(single.residentPeakBytes == 7)
        #expect(single.cpuPercent == nil)
    }
}
