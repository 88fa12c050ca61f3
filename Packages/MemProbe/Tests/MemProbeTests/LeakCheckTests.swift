import MemProbe
import Testing

private final class Chunk {
    var bytes: (Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0) // 48 + 16 header = 64 bytes
}

private struct WorkloadFailure: Error, Equatable {
    let iteration: Int
}

extension ProcessMemoryTests {
    @Suite struct LeakCheckTests {
        private let shortRun = LeakCheck.Configuration(length: .iterations(20_000), sampleEvery: 250)

        #if os(Linux)
        @Test(.needsAllocationCounter) func workloadThatKeepsOneObjectPerIterationIsALeak() throws {
            var kept: [Chunk] = []
            let report = try LeakCheck(shortRun).run { _ in kept.append(Chunk()) }
            #expect(report.verdict == .leak, "\(report.summary)")
            #expect(report.decidingSignal == .liveAllocations)
            #expect(report.iterations == 20_000)
            #expect(report.samples.count == 81)
            #expect(kept.count == 20_000)
            #expect(report.samples.last?.memory.peakResidentBytes != nil) // read once, at the end
            #expect(report.samples.first?.memory.peakResidentBytes == nil)
            let slope = try #require(report.decidingAnalysis?.fit.slope)
            #expect(slope > 0.9 && slope < 1.2) // exactly 1 from this thread; other tests add noise
        }

        @Test(.needsAllocationCounter) func workloadThatFreesWhatItAllocatesIsNoLeak() throws {
            var checksum = 0
            let report = try LeakCheck(shortRun).run { iteration in
                let temporary = (0..<8).map { _ in Chunk() }
                checksum &+= temporary.count &+ iteration
            }
            #expect(report.verdict == .noLeak, "\(report.summary)")
            #expect(checksum != 0)
        }

        @Test(.needsAllocationCounter) func asyncWorkloadIsCheckedTheSameWay() async throws {
            var kept: [Chunk] = []
            let report = try await LeakCheck(shortRun).run { _ async in
                kept.append(Chunk())
                await Task.yield()
            }
            #expect(report.verdict == .leak, "\(report.summary)")
        }

        @Test(.needsAllocationCounter) func trimmingBeforeSamplesKeepsTheVerdict() throws {
            var configuration = shortRun
            configuration.trimBeforeSample = true
            var kept: [Chunk] = []
            let report = try LeakCheck(configuration).run { _ in kept.append(Chunk()) }
            #expect(report.isLeak)
        }
        #endif

        @Test func durationRunSamplesUntilTheTimeIsUp() throws {
            let configuration = LeakCheck.Configuration(length: .duration(.milliseconds(20)), sampleEvery: 10)
            var calls = 0
            let report = try LeakCheck(configuration).run { _ in calls += 1 }
            #expect(report.samples.count >= 2)
            #expect(report.iterations == calls)
            #expect(calls % 10 == 0)
            #expect(report.samples.map(\.iteration) == Array(stride(from: 0, through: calls, by: 10)))
        }

        @Test func workloadErrorStopsTheCheckAndIsRethrownTyped() {
            #expect(throws: WorkloadFailure(iteration: 7)) {
                _ = try LeakCheck(shortRun).run { (iteration: Int) throws(WorkloadFailure) in
                    if iteration == 7 { throw WorkloadFailure(iteration: 7) }
                }
            }
        }

        @Test func invalidConfigurationIsRejectedWithItsMessage() {
            #expect(
                throws: MemProbeError.invalidConfiguration(
                    setting: "sampleEvery", value: "0", reason: "must be at least 1")
            ) {
                try LeakCheck(.init(sampleEvery: 0))
            }
        }
    }
}
