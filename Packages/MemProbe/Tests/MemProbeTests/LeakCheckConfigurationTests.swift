import MemProbe
import Testing

@Suite struct LeakCheckConfigurationTests {
    private func message(_ configuration: LeakCheck.Configuration) -> String? {
        do {
            try configuration.validate()
            return nil
        } catch {
            return error.description
        }
    }

    @Test func defaultsAreValidAndMatchTheIssue() throws {
        let configuration = LeakCheck.Configuration()
        try configuration.validate()
        #expect(configuration.length == .iterations(50_000))
        #expect(configuration.warmupFraction == 0.2)
        #expect(configuration.growthThreshold == 0.2)
        #expect(configuration.liveAllocationsRateFloor == 0.01)
        #expect(configuration.heapBytesRateFloor == 1)
        #expect(configuration.signal == .best)
        #expect(!configuration.trimBeforeSample)
    }

    @Test func everySettingOutOfRangeIsNamedWithWhatToDo() {
        #expect(
            message(.init(length: .iterations(0)))
                == "invalid leak-check setting iterations = 0: must be at least 1")
        #expect(
            message(.init(length: .duration(.zero)))
                == "invalid leak-check setting duration = 0.0 seconds: must be longer than zero")
        #expect(message(.init(sampleEvery: 0)) == "invalid leak-check setting sampleEvery = 0: must be at least 1")
        #expect(
            message(.init(warmupFraction: 0.95))
                == "invalid leak-check setting warmupFraction = 0.95: must be in 0..<0.9 (0.2 drops the first 20 %)")
        #expect(
            message(.init(growthThreshold: -1))
                == "invalid leak-check setting growthThreshold = -1.0: must be a finite number ≥ 0 (0.2 means 20 %)")
        #expect(
            message(.init(minimumFitQuality: 1.5))
                == "invalid leak-check setting minimumFitQuality = 1.5: must be in 0...1 (an r²)")
        #expect(
            message(.init(saturationRatio: .nan))
                == "invalid leak-check setting saturationRatio = nan: must be in 0...1")
        #expect(
            message(.init(liveAllocationsFloor: .infinity))
                == "invalid leak-check setting liveAllocationsFloor = inf: must be a finite number ≥ 0")
        #expect(
            message(.init(heapBytesFloor: -5))
                == "invalid leak-check setting heapBytesFloor = -5.0: must be a finite number ≥ 0")
        #expect(
            message(.init(liveAllocationsRateFloor: -0.01))
                == "invalid leak-check setting liveAllocationsRateFloor = -0.01: must be a finite number ≥ 0 "
                + "(allocations per iteration; 0.01 is one per 100)")
        #expect(
            message(.init(heapBytesRateFloor: .nan))
                == "invalid leak-check setting heapBytesRateFloor = nan: must be a finite number ≥ 0 (bytes per iteration)"
        )
    }

    @Test func runTooShortForAVerdictIsRejectedBeforeItStarts() {
        #expect(
            message(.init(length: .iterations(2000), sampleEvery: 500))
                == "invalid leak-check setting sampleEvery = 500: 2000 iterations give 4 samples after warmup, "
                + "fewer than 6: sample more often or run more iterations")
        #expect(throws: MemProbeError.self) { try LeakCheck(.init(length: .iterations(10), sampleEvery: 5)) }
    }

    @Test func warmupCountRoundsDown() {
        let configuration = LeakCheck.Configuration()
        #expect(configuration.warmupCount(of: 101) == 20)
        #expect(configuration.warmupCount(of: 4) == 0)
        #expect(configuration.floor(for: .liveAllocations) == 256)
        #expect(configuration.floor(for: .heapBytes) == 256 * 1024)
        #expect(configuration.rateFloor(for: .liveAllocations) == 0.01)
        #expect(configuration.rateFloor(for: .heapBytes) == 1)
        #expect(configuration.rateFloor(for: .residentBytes) == 1)
    }
}
