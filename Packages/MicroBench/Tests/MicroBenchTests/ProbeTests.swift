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
