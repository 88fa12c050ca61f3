import PerfResult
import Testing

@testable import MicroBench

/// A probe that logs its calls and reports a fixed number of allocations per operation, which the
/// benchmark body adds to `allocations`.
final class RecordingProbe: Probe {
    let name: String
    let availability: ProbeAvailability
    let log: Log
    var allocations = 0
    private var atStart = 0
    private var inWindow = 0

    final class Log {
        var events: [String] = []
    }

    init(_ name: String, log: Log, availability: ProbeAvailability = .available) {
        self.name = name
        self.log = log
        self.availability = availability
    }

    func start() {
        log.events.append("\(name).start")
        atStart = allocations
    }

    func stop() {
        log.events.append("\(name).stop")
        inWindow = allocations - atStart
    }

    func metrics(operations: Int) -> [Metric] {
        log.events.append("\(name).metrics")
        return [
            .allocsPerOp(Double(inWindow) / Double(operations)),
            .bytesPerOp(Double(inWindow * 32) / Double(operations)),
        ]
    }
}

@Suite struct ProbeTests {
    @Test func probesStartInOrderStopInReverseAndReportAfterEveryProbeStopped() throws {
        let clock = FakeClock()
        let log = RecordingProbe.Log()
        let first = RecordingProbe("first", log: log)
        let second = RecordingProbe("second", log: log)
        let task = singleTask { $0.bench("work") { clock.advance(1_000) } }
        _ = Sampler(policy: testPolicy, clocks: clock.clocks, probes: [first, second]).measure(task)
        let window = ["first.start", "second.start", "second.stop", "first.stop", "first.metrics", "second.metrics"]
        #expect(log.events.count == 50 * window.count)
        #expect(Array(log.events.prefix(window.count)) == window)
        #expect(Array(log.events.suffix(window.count)) == window)
    }

    @Test func probeMetricsAreExactPerOperationMedians() throws {
        let clock = FakeClock()
        let probe = RecordingProbe("allocations", log: .init())
        let task = singleTask { suite in
            suite.bench("allocating") {
                probe.allocations += 3
                clock.advance(1_000)
            }
        }
        let measurement = Sampler(policy: testPolicy, clocks: clock.clocks, probes: [probe]).measure(task)
        #expect(measurement.probeMetrics == [.allocsPerOp(3), .bytesPerOp(96)])
        let result = measurement.result()
        #expect(result["allocsPerOp"]?.value == 3)
        #expect(result["bytesPerOp"]?.value == 96)
    }

    @Test func unavailableProbesAreNeverCalled() {
        let clock = FakeClock()
        let log = RecordingProbe.Log()
        let probe = RecordingProbe("missing", log: log, availability: .unavailable(reason: "not interposed"))
        let task = singleTask { $0.bench("work") { clock.advance(1_000) } }
        let measurement = Sampler(policy: testPolicy, clocks: clock.clocks, probes: [probe]).measure(task)
        #expect(log.events.isEmpty)
        #expect(measurement.probeMetrics.isEmpty)
    }

    @Test func coldStartAndWarmupRunWithoutProbes() {
        let clock = FakeClock()
        let log = RecordingProbe.Log()
        let probe = RecordingProbe("p", log: log)
        let task = singleTask { $0.bench("work") { clock.advance(1_000) } }
        let measurement = Sampler(policy: testPolicy, clocks: clock.clocks, probes: [probe]).measure(task)
        #expect(log.events.filter { $0 == "p.start" }.count == measurement.samples.count)
    }
}

/// A probe whose counting slows the work: while it is started, the benchmark body takes 100 × longer.
final class DisturbingProbe: Probe {
    let name = "disturbing"
    let availability = ProbeAvailability.available
    var disturbsTiming: Bool { true }
    private(set) var counting = false
    private(set) var windows = 0
    private(set) var startedWhileOtherWindowOpen = false
    var otherWindowOpen: () -> Bool = { false }
    var calls = 0
    private var atStart = 0
    private var inWindow = 0

    func start() {
        counting = true
        windows += 1
        if otherWindowOpen() { startedWhileOtherWindowOpen = true }
        atStart = calls
    }

    func stop() {
        counting = false
        inWindow = calls - atStart
    }

    func metrics(operations: Int) -> [Metric] {
        [.retainsPerOp(Double(inWindow) / Double(operations))]
    }
}

/// A timed probe that records whether its window is open.
final class WindowFlagProbe: Probe {
    let name = "flag"
    let availability = ProbeAvailability.available
    private(set) var open = false
    func start() { open = true }
    func stop() { open = false }
    func metrics(operations: Int) -> [Metric] { [] }
}

@Suite struct DisturbingProbeTests {
    @Test func aProbeThatDisturbsTimingCountsInUntimedWindowsOfItsOwn() {
        let clock = FakeClock()
        let disturbing = DisturbingProbe()
        let timed = WindowFlagProbe()
        disturbing.otherWindowOpen = { timed.open }
        let task = singleTask { suite in
            suite.bench("work") {
                disturbing.calls += 2
                clock.advance(disturbing.counting ? 100_000 : 1_000)
            }
        }
        let measurement = Sampler(policy: testPolicy, clocks: clock.clocks, probes: [timed, disturbing]).measure(task)
        #expect(measurement.statistics.p50 == 1_000)
        #expect(measurement.samples.allSatisfy { $0.nanosecondsPerOperation == 1_000 })
        #expect(disturbing.windows == 2 * Sampler.countingWindowPairs)
        #expect(!disturbing.startedWhileOtherWindowOpen)
        #expect(measurement.probeMetrics == [.retainsPerOp(2)])
    }

    @Test func whatACountingWindowCostsOnceCancelsWhateverTheBatch() throws {
        let clock = FakeClock()
        let disturbing = DisturbingProbe()
        let task = singleTask { suite in
            suite.benchBatch("work") { batch in
                batch.measure {
                    disturbing.calls += 5 // once per window: the harness's own traffic, say
                    for _ in 0..<batch.iterations {
                        disturbing.calls += 3
                        clock.advance(1_000)
                    }
                }
            }
        }
        let measurement = Sampler(policy: testPolicy, clocks: clock.clocks, probes: [disturbing]).measure(task)
        #expect(measurement.batch > 1)
        #expect(measurement.probeMetrics == [.retainsPerOp(3)])
    }
}
