import PerfResult
import PerfSupport
import Testing

@testable import MicroBench

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system metrics' probes against work whose effect the kernel counts exactly or at least once. Each window
/// counts the calling thread (`.currentThread`), so tests running beside it on other threads do not move it.
@Suite struct SystemProbeTests {
    @Test func aWindowThatSleepsShowsVoluntaryContextSwitches() throws {
        let probe = ResourceUsageProbe([.contextSwitches], scope: .currentThread)
        try #require(probe.availability == .available)
        probe.start()
        for _ in 0..<3 { usleep(1_000) }
        probe.stop()
        #expect(probe.lastWindow.voluntaryContextSwitches >= 3)
        let metrics = probe.metrics(operations: 3)
        #expect(metrics.map(\.key) == ["contextSwitchesVoluntaryPerOp", "contextSwitchesInvoluntaryPerOp"])
        #expect((metrics.first?.value ?? 0) >= 1)
    }

    @Test func aWindowThatTouchesFreshPagesShowsAMinorFaultPerPage() throws {
        let probe = ResourceUsageProbe([.pageFaults], scope: .currentThread)
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let pages = 64 // 256 KiB with 4 KiB pages: too small for a transparent huge page
        let region = try #require(
            mmap(nil, pages * pageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        try #require(region != MAP_FAILED)
        defer { munmap(region, pages * pageSize) }
        probe.start()
        for page in 0..<pages { region.storeBytes(of: 1, toByteOffset: page * pageSize, as: UInt8.self) }
        probe.stop()
        #expect(probe.lastWindow.minorPageFaults >= UInt64(pages))
        let minor = probe.metrics(operations: pages).first { $0.key == "pageFaultsMinorPerOp" }
        #expect((minor?.value ?? 0) >= 1)
    }

    @Test func aWindowThatWritesNBytesShowsExactlyNBytesAndOneWriteCallPerWrite() throws {
        let probe = ProcessIOProbe(scope: .currentThread)
        try #require(probe.availability == .available)
        let path = temporaryPath("system-probe-write")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        try #require(descriptor >= 0)
        defer {
            close(descriptor)
            unlink(path)
        }
        let chunk = [UInt8](repeating: 0x2A, count: 100)
        probe.start()
        for _ in 0..<10 { _ = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } }
        probe.stop()
        let window = probe.lastWindow
        #expect(window.bytesWritten == 1_000)
        #expect(window.writeCalls == 10)
        #expect(window.readCalls == 0 && window.bytesRead == 0)
        let metrics = Dictionary(uniqueKeysWithValues: probe.metrics(operations: 10).map { ($0.key, $0.value) })
        #expect(metrics["bytesWrittenPerOp"] == 100 && metrics["writeSyscallsPerOp"] == 1)
    }

    @Test func aWindowThatReadsShowsTheBytesAndCallsButNotTheProbesOwnRead() throws {
        let probe = ProcessIOProbe(scope: .currentThread)
        try #require(probe.availability == .available)
        let descriptor = open("/dev/zero", O_RDONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 64)
        probe.start()
        probe.stop()
        #expect(probe.lastWindow == ProcIOCounters())
        probe.start()
        for _ in 0..<4 { _ = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) } }
        probe.stop()
        #expect(probe.lastWindow.readCalls == 4 && probe.lastWindow.bytesRead == 256)
    }

    @Test func theThreadCountSeesStartedThreads() throws {
        let probe = ThreadCountProbe()
        try #require(probe.availability == .available)
        let count = { () -> Int in
            probe.stop()
            return Int(probe.metrics(operations: 1).first { $0.key == "threads" }?.value ?? -1)
        }
        let before = count()
        let gate = BlockedThreads(count: 8)
        let during = count()
        gate.releaseAndJoin()
        let after = count()
        // Other tests' pools may start or end a thread meanwhile; one either way is allowed for.
        #expect(during - before >= 7)
        #expect(during - after >= 7)
    }

    @Test func thePeakResidentSizeIsPerBenchmarkNotDividedByOperations() {
        let probe = ResourceUsageProbe([.rss], scope: .allThreads)
        probe.start()
        probe.stop()
        let peak = probe.metrics(operations: 1_000).first { $0.key == "peakRssBytes" }?.value ?? 0
        #expect(peak >= Double(1 << 20)) // not divided by the thousand operations
    }

    @Test func systemCallsAreUnavailableWithAReasonNotZero() {
        let probe = SystemCallProbe()
        guard case let .unavailable(reason) = probe.availability else {
            Issue.record("the system call probe claims to count")
            return
        }
        #expect(reason.contains("perf_event_open") || reason.contains("needs Linux"))
        #expect(probe.metrics(operations: 1).isEmpty)
    }

    @Test func noMetricsMakeNoProbesAndTheIOProbeIsInnermost() {
        #expect(SystemMetric.probes(for: []).isEmpty)
        let probes = SystemMetric.probes(for: SystemMetric.allCases)
        #expect(probes.map(\.name) == ["threads", "syscalls", "resource usage", "io"])
    }
}

/// Threads that block until released, so that a count taken meanwhile sees them.
final class BlockedThreads: @unchecked Sendable {
    private var threads: [pthread_t] = []
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init(count: Int) {
        pthread_mutex_init(lock, nil)
        pthread_mutex_lock(lock)
        for _ in 0..<count {
            var thread = pthread_t()
            let context = Unmanaged.passUnretained(self).toOpaque()
            let status = pthread_create(
                &thread, nil,
                { context in
                    let gate = Unmanaged<BlockedThreads>.fromOpaque(context!).takeUnretainedValue()
                    pthread_mutex_lock(gate.lock)
                    pthread_mutex_unlock(gate.lock)
                    return nil
                }, context)
            precondition(status == 0, "pthread_create failed: \(status)")
            threads.append(thread)
        }
    }

    func releaseAndJoin() {
        pthread_mutex_unlock(lock)
        for thread in threads { pthread_join(thread, nil) }
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }
}
