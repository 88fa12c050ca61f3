import CMemProbe
import PerfResult

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The JSON shape of a snapshot file.
struct SnapshotFile: Encodable {
    struct Sample: Encodable {
        var iteration: Int
        var residentBytes: Int?
        var heapInUseBytes: Int?
        var peakResidentBytes: Int?
        var liveAllocations: Int?
    }

    struct Analysis: Encodable {
        var signal: String
        var slopePerIteration: Double
        var intercept: Double
        var rSquared: Double
        var firstThirdSlope: Double
        var lastThirdSlope: Double
        var spanIterations: Int
        var startValue: Double
        var endValue: Double
        var growth: Double
        var growthRatio: Double
        var floor: Double
        var fitsSteadily: Bool
        var exceedsFloor: Bool
        var stillGrowing: Bool
        var exceedsGrowthThreshold: Bool
        var indicatesLeak: Bool
    }

    var spec: String
    var createdAt: String
    var verdict: String
    var summary: String
    var decidingSignal: String?
    var warmupSampleCount: Int
    var analyses: [Analysis]
    var samples: [Sample]
    var liveInstances: [String: Int]
    var allocationCounter: String
    var mallocInfo: String?
    var smapsRollup: String?
    var heaptrackCommand: String

    init(report: LeakReport, spec: String, createdAt: String, census: InstanceCensus, heaptrackCommand: String) {
        self.spec = spec
        self.createdAt = createdAt
        switch report.verdict {
        case .leak: verdict = "leak"
        case .noLeak: verdict = "noLeak"
        case .inconclusive: verdict = "inconclusive"
        }
        summary = report.summary
        decidingSignal = report.decidingSignal?.rawValue
        warmupSampleCount = report.warmupSampleCount
        analyses = report.analyses.map { analysis in
            Analysis(
                signal: analysis.signal.rawValue, slopePerIteration: analysis.fit.slope,
                intercept: analysis.fit.intercept, rSquared: analysis.fit.rSquared,
                firstThirdSlope: analysis.firstThirdSlope, lastThirdSlope: analysis.lastThirdSlope,
                spanIterations: analysis.span, startValue: analysis.startValue, endValue: analysis.endValue,
                growth: analysis.growth, growthRatio: analysis.growthRatio, floor: analysis.floor,
                fitsSteadily: analysis.fitsSteadily, exceedsFloor: analysis.exceedsFloor,
                stillGrowing: analysis.stillGrowing, exceedsGrowthThreshold: analysis.exceedsGrowthThreshold,
                indicatesLeak: analysis.indicatesLeak)
        }
        samples = report.samples.map { sample in
            Sample(
                iteration: sample.iteration, residentBytes: sample.memory.residentBytes,
                heapInUseBytes: sample.memory.heapInUseBytes, peakResidentBytes: sample.memory.peakResidentBytes,
                liveAllocations: sample.memory.liveAllocations)
        }
        liveInstances = census.liveInstances()
        switch AllocationCounter.availability {
        case .available: allocationCounter = "available"
        case .unavailable(let reason): allocationCounter = "unavailable: \(reason)"
        }
        mallocInfo = Self.mallocInfo()
        smapsRollup = (try? AtomicFile.read("/proc/self/smaps_rollup")).map { String(decoding: $0, as: UTF8.self) }
        self.heaptrackCommand = heaptrackCommand
    }

    private static func mallocInfo() -> String? {
        var length = 0
        guard let buffer = memprobe_malloc_info(&length) else { return nil }
        defer { free(buffer) }
        return String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
    }
}
