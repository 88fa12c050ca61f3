import Testing

@testable import MicroBench

@Suite struct SamplerTests {
    @Test func theBatchIsSizedSoEachSampleLastsTheTargetTime() {
        let clock = FakeClock()
        let task = singleTask { $0.bench("work") { clock.advance(1_000) } }
        let measurement = Sampler(policy: testPolicy, clocks: clock.clocks).measure(task)
        // 1 µs per operation and 1 ms per sample: 1,000 operations per sample.
        #expect(measurement.batch == 1_000)
        #expect(measurement.samples.allSatisfy { $0.iterations == 1_000 && $0.wallNanoseconds == 1_000_000 })
        #expect(measurement.statistics.p50 == 1_000)
        #expect(measurement.statistics.sd == 0)
        #expect(measurement.findings.isEmpty)
    }

    @Test func samplingStopsAtTheBudgetOnceTheMinimumsAreMet() {
        let clock = FakeClock()
        let task = singleTask { $0.bench("work") { clock.advance(1_000) } }
        let measurement = Sampler(policy: testPolicy, clocks: clock.clocks).measure(task)
        // 50 ms of 1 ms samples: 50 samples and 50,000 operations, both above 30 and 5,000.
        #expect(measurement.samples.count == 50)
        #expect(measurement.usedOperations == 50_000)
    }

    @Test func theSampleTargetShrinksToFitThirtySamplesInAShortBudgetButNotBelowTheFloor() {
        var policy = testPolicy
        policy.timeBudget = .milliseconds(10)
        #expect(policy.effectiveSampleNanoseconds == 333_333)
        policy.timeBudget = .milliseconds(1)
        #expect(policy.effectiveSampleNanoseconds == 100_000)
        #expect(SamplingPolicy.full.effectiveSampleNanoseconds == 1_000_000)
    }

    @Test func preemptedSamplesAreMarkedAndLeftOutOfTheStatistics() {
        let clock = FakeClock()
        let windows = Counter()
        let task = singleTask { suite in
            suite.benchBatch("work") { batch in
                windows.increment()
                batch.measure {
                    clock.advance(UInt64(batch.iterations) * 1_000)
                    if windows.value % 4 == 0 { clock.advanceOffCPU(500_000) }
                }
            }
        }
        let measurement = Sampler(policy: testPolicy, clocks: clock.clocks).measure(task)
        let preempted = measurement.samples.filter(\.isPreempted)
        #expect(!preempted.isEmpty)
        #expect(preempted.allSatisfy { $0.nanosecondsPerOperation == 1_500 })
        #expect(measurement.usedSamples.allSatisfy { !$0.isPreempted })
        #expect(measurement.usedSamples.count + preempted.count == measurement.samples.count)
        #expect(measurement.statistics.max == 1_000)
        let expected = Double(measurement.usedSamples.count) / Double(measurement.samples.count)
        #expect(measurement.cleanFraction == expected)
        #expect(measurement.cleanFraction > 0.7 && measurement.cleanFraction < 0.8)
    }

    @Test func aSampleIsPreemptedWhenMoreThanTheThresholdOfItsWallTimeWasOffTheCPU() {
        func sample(wall: UInt64, cpu: UInt64?) -> Sample {
            Sample(iterations: 1, wallNanoseconds: wall, cpuNanoseconds: cpu, preemptionThreshold: 0.1)
        }
        #expect(!sample(wall: 1_000, cpu: 950).isPreempted)
        #expect(!sample(wall: 1_000, cpu: 900).isPreempted)
        #expect(sample(wall: 1_000, cpu: 899).isPreempted)
        #expect(!sample(wall: 1_000, cpu: 1_200).isPreempted)
        #expect(!sample(wall: 1_000, cpu: nil).isPreempted)
    }

    @Test func aBodyThatIsMostlyOffTheCPUKeepsAllSamplesAndSaysSo() {
        let clock = FakeClock()
        let task = singleTask { $0.bench("sleepy") { clock.advanceOffCPU(1_000) } }
        let measurement = Sampler(policy: testPolicy, clocks: clock.clocks).measure(task)
        #expect(measurement.cleanFraction == 0)
        #expect(measurement.usedSamples.count == measurement.samples.count)
        #expect(measurement.statistics.p50 == 1_000)
        #expect(measurement.findings.contains(.mostlyOffCPU(cleanFraction: 0)))
    }

    @Test func withoutACPUClockNoSampleIsMarked() {
        let clock = FakeClock()
        let task = singleTask { $0.bench("work") { clock.advanceOffCPU(1_000) } }
        let measurement = Sampler(policy: testPolicy, clocks: clock.wallOnlyClocks).measure(task)
        #expect(measurement.samples.allSatisfy { !$0.isPreempted && $0.cpuNanoseconds == nil })
        #expect(measurement.findings.isEmpty)
    }

    @Test func theFirstCallIsReportedApartFromTheWarmFigures() {
        let clock = FakeClock()
        let calls = Counter()
        let task = singleTask { suite in
            suite.bench("lazy") {
                calls.increment()
                clock.advance(calls.value == 1 ? 50_000 : 1_000)
            }
        }
        let measurement = Sampler(policy: testPolicy, clocks: clock.clocks).measure(task)
        #expect(measurement.coldStartNanoseconds == 50_000)
        #expect(measurement.statistics.max == 1_000)
    }

    @Test func setupAndTeardownRunOnceOutsideEveryTimedWindow() {
        let clock = FakeClock()
        let setups = Counter()
        let teardowns = Counter()
        let task = singleTask { suite in
            suite.bench(
                "stateful",
                setup: {
                    setups.increment()
                    clock.advance(10_000_000_000)
                    return 0
                },
                body: { count in
                    count += 1
                    clock.advance(1_000)
                },
                teardown: { _ in
                    teardowns.increment()
                    clock.advance(10_000_000_000)
                })
        }
        #expect(setups.value == 0)
        let measurement = Sampler(policy: testPolicy, clocks: clock.clocks).measure(task)
        #expect(setups.value == 1 && teardowns.value == 1)
        #expect(measurement.coldStartNanoseconds == 1_000)
        #expect(measurement.statistics.max == 1_000)
    }

    @Test func perBatchSetupIsNotTimedAndTheMinimumSamplesExtendTheRun() {
        let clock = FakeClock()
        let task = singleTask { suite in
            suite.benchBatch("fresh") { batch in
                clock.advance(1_000_000) // untimed setup, as long as the timed part
                batch.measure { clock.advance(UInt64(batch.iterations) * 1_000) }
            }
        }
        let measurement = Sampler(policy: testPolicy, clocks: clock.clocks).measure(task)
        #expect(measurement.statistics.p50 == 1_000)
        // Each sample costs 2 ms of the 50 ms budget: 25 samples by the deadline, then on to 30.
        #expect(measurement.samples.count == 30)
    }

    @Test func theHardLimitEndsASlowTaskAndReportsAShortRun() {
        let clock = FakeClock()
        let task = singleTask { $0.bench("slow") { clock.advance(20_000_000) } }
        let measurement = Sampler(policy: testPolicy, clocks: clock.clocks).measure(task)
        // 20 ms per operation: batch 1, and four budgets (200 ms) hold 10 samples.
        #expect(measurement.batch == 1)
        #expect(measurement.samples.count == 10)
        #expect(
            measurement.findings == [
                .shortRun(samples: 10, operations: 10, wantedSamples: 30, wantedOperations: 5_000)
            ])
    }

    @Test func theMinimumOperationCountExtendsTheRunPastTheBudget() {
        var policy = testPolicy
        policy.minimumOperations = 1_000
        let clock = FakeClock()
        let task = singleTask { $0.bench("coarse") { clock.advance(100_000) } }
        let measurement = Sampler(policy: policy, clocks: clock.clocks).measure(task)
        // 100 µs per operation: batch 10, so 1,000 operations take 100 samples (100 ms > 50 ms).
        #expect(measurement.batch == 10)
        #expect(measurement.samples.count == 100)
        #expect(measurement.findings.isEmpty)
    }

    @Test func resultsUnderAThirdOfANanosecondAreFlaggedAsProbablyOptimizedAway() {
        let clock = FakeClock()
        let task = singleTask { suite in
            suite.benchBatch("vanished") { batch in batch.measure { clock.advance(UInt64(batch.iterations / 10)) } }
        }
        let measurement = Sampler(policy: testPolicy, clocks: clock.clocks).measure(task)
        #expect(measurement.statistics.p50 == 0.1)
        #expect(measurement.findings == [.probablyOptimizedAway])
    }

    @Test func closureResultsNearTheHarnessFloorAreMarked() {
        let policy = SamplingPolicy(
            warmup: .microseconds(200), timeBudget: .microseconds(500), targetSample: .microseconds(100),
            minimumSamples: 5, minimumOperations: 1)
        let clock = FakeClock()
        let closure = singleTask { $0.bench("tiny") { clock.advance(3) } }
        let batched = singleTask { suite in
            suite.benchBatch("tinyLoop") { batch in batch.measure { clock.advance(UInt64(batch.iterations) * 3) } }
        }
        let sampler = Sampler(policy: policy, clocks: clock.clocks, harnessFloor: 2.5)
        #expect(sampler.measure(closure).findings == [.atHarnessFloor(floor: 2.5)])
        #expect(sampler.measure(batched).findings.isEmpty)
    }

    @Test func calibrationGrowsBetweenTwoAndOneHundredTimesPerStep() {
        #expect(Sampler.nextBatch(after: 1, took: 10, target: 1_000_000) == 100)
        #expect(Sampler.nextBatch(after: 1, took: 0, target: 1_000_000) == 100)
        #expect(Sampler.nextBatch(after: 100, took: 900_000, target: 1_000_000) == 200)
        #expect(Sampler.nextBatch(after: 100, took: 100_000, target: 1_000_000) == 1_050)
        #expect(Sampler.nextBatch(after: Sampler.maximumBatch / 2, took: 0, target: 1) == Sampler.maximumBatch)
    }

    @Test func aSampleCapBoundsEvenABodyTheClocksCannotSee() {
        var policy = testPolicy
        policy.maximumSamples = 40
        let clock = FakeClock()
        let task = singleTask { suite in
            suite.benchBatch("frozen") { batch in batch.measure {} } // the fake clock never moves
        }
        let measurement = Sampler(policy: policy, clocks: clock.clocks).measure(task)
        #expect(measurement.batch == Sampler.maximumBatch)
        #expect(measurement.samples.count == 40)
        #expect(measurement.findings.contains(.probablyOptimizedAway))
    }
}

/// A counter for the closures of one test.
final class Counter {
    private(set) var value = 0

    func increment() {
        value += 1
    }
}
