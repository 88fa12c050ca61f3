import MemProbe
import Testing

@testable import perf_memory

/// How a spec built to leak counts: caught is its pass, missed fails the suite; injected leaks still fail it.
@Suite struct ExpectedLeakTests {
    private static let healthy = MemorySpec.all.first { !$0.expectsLeak }!
    private static let leaking = MemorySpec.all.first(where: \.expectsLeak)!

    /// A run of `spec` whose samples grow by `perIteration` live allocations per iteration.
    private static func run(_ spec: MemorySpec, growing perIteration: Int, injection: LeakInjection? = nil) -> SpecRun {
        let samples = (0...100).map { step in
            LeakSample(
                iteration: step * 500,
                memory: MemorySample(residentBytes: 20_000_000, liveAllocations: 300_000 + perIteration * step * 500))
        }
        return SpecRun(
            spec: spec, injection: injection,
            report: LeakReport(samples: samples, configuration: LeakCheck.Configuration()), status: "",
            workloadMetrics: [], seconds: 0.1)
    }

    @Test func aSpecBuiltToLeakThatIsCaughtPassesTheSuite() {
        let run = Self.run(Self.leaking, growing: 1)
        #expect(run.isExpectedLeak && !run.failsSuite)
        #expect(MemorySuite.outcome(of: [Self.run(Self.healthy, growing: 0), run]) == .noLeak)
        #expect(
            MemorySuite.summary(of: [Self.run(Self.healthy, growing: 0), run])
                == "memory: 2 spec(s), 1 leak(s): memory/largeLiveSetLeak (expected)")
        #expect(run.table.hasPrefix("memory/largeLiveSetLeak: LEAK (expected: the spec leaks by design) — "))
    }

    @Test func aSpecBuiltToLeakThatIsMissedFailsTheSuite() {
        let run = Self.run(Self.leaking, growing: 0)
        #expect(run.missedExpectedLeak && run.failsSuite)
        #expect(MemorySuite.outcome(of: [run]) == .leak)
        #expect(
            MemorySuite.summary(of: [run])
                == "memory: 1 spec(s), 0 leak(s); MISSED, built to leak: memory/largeLiveSetLeak")
        #expect(run.table.hasPrefix("memory/largeLiveSetLeak: no leak (MISSED: the spec leaks by design) — "))
    }

    @Test func aLeakInAHealthySpecFailsTheSuite() {
        let run = Self.run(Self.healthy, growing: 1)
        #expect(!run.isExpectedLeak && run.failsSuite)
        #expect(MemorySuite.outcome(of: [run, Self.run(Self.leaking, growing: 1)]) == .leak)
        #expect(MemorySuite.summary(of: [run]) == "memory: 1 spec(s), 1 leak(s): memory/sessionCache")
    }

    @Test func anInjectedLeakFailsTheSuiteEvenInASpecBuiltToLeak() {
        let run = Self.run(Self.leaking, growing: 2, injection: .bytes64)
        #expect(!run.isExpectedLeak && run.failsSuite)
        #expect(MemorySuite.outcome(of: [run]) == .leak)
    }

    @Test func healthySpecsWithoutLeaksPassTheSuite() {
        #expect(MemorySuite.outcome(of: [Self.run(Self.healthy, growing: 0)]) == .noLeak)
    }
}
