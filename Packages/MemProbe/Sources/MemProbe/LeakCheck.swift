import CMemProbe

/// Runs a workload, samples memory every k iterations, and decides whether it leaks.
///
/// ```swift
/// let check = try LeakCheck(.init(length: .iterations(50_000), sampleEvery: 500))
/// let report = check.run { _ in handleRequest() }
/// print(report.summary)                // the verdict with its numbers
/// if report.isLeak { exit(1) }
/// ```
///
/// The verdict rests on the best series available: live allocations (exact, when the allocation counter
/// is counting), else heap bytes in use; resident size is reported, never decisive. The first 20 %
/// of samples are dropped as warmup; `LeakCheck.Configuration` lists the four checks a leak must pass.
/// Samples are taken between batches of iterations, never inside one, and taking one allocates nothing.
public struct LeakCheck: Sendable {
    /// The settings.
    public let configuration: Configuration

    /// Creates a leak check.
    /// - Throws: `MemProbeError.invalidConfiguration` naming the first setting out of range.
    public init(_ configuration: Configuration = Configuration()) throws(MemProbeError) {
        try configuration.validate()
        self.configuration = configuration
    }

    /// Runs `iteration` (given the iteration number from 0) until the configured length, sampling every
    /// `sampleEvery` iterations and once before the first, then decides.
    /// - Throws: whatever `iteration` throws; the check stops at the first error.
    public func run<Failure: Error>(_ iteration: (Int) throws(Failure) -> Void) throws(Failure) -> LeakReport {
        var loop = SamplingLoop(configuration)
        while let batch = loop.nextBatch() {
            for index in batch { try iteration(index) }
            loop.sample(after: batch)
        }
        return loop.report()
    }

    /// `run(_:)` for an asynchronous workload.
    /// - Throws: whatever `iteration` throws; the check stops at the first error.
    public func run<Failure: Error>(
        _ iteration: (Int) async throws(Failure) -> Void
    ) async throws(Failure) -> LeakReport {
        var loop = SamplingLoop(configuration)
        while let batch = loop.nextBatch() {
            for index in batch { try await iteration(index) }
            loop.sample(after: batch)
        }
        return loop.report()
    }
}

/// The bookkeeping of a leak check's loop, shared by the synchronous and the asynchronous run.
private struct SamplingLoop {
    let configuration: LeakCheck.Configuration
    // Peak RSS is read once at the end: getrusage would add a system call to every sample.
    let sampler = MemorySampler(fields: MemorySample.Fields.all.subtracting(.peakResident))
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    var samples: [LeakSample] = []
    var completed = 0

    init(_ configuration: LeakCheck.Configuration) {
        self.configuration = configuration
        if case .iterations(let count) = configuration.length {
            samples.reserveCapacity(count / configuration.sampleEvery + 2)
        }
        start = clock.now
        takeSample()
    }

    /// The iterations of the next batch, or `nil` when the check is over.
    func nextBatch() -> Range<Int>? {
        switch configuration.length {
        case .iterations(let count):
            guard completed < count else { return nil }
            return completed..<min(count, completed + configuration.sampleEvery)
        case .duration(let duration):
            guard completed == 0 || clock.now - start < duration else { return nil }
            return completed..<(completed + configuration.sampleEvery)
        }
    }

    mutating func sample(after batch: Range<Int>) {
        completed = batch.upperBound
        takeSample()
    }

    private mutating func takeSample() {
        if configuration.trimBeforeSample { _ = memprobe_malloc_trim() }
        samples.append(LeakSample(iteration: completed, memory: sampler.sample()))
    }

    mutating func report() -> LeakReport {
        samples[samples.count - 1].memory.peakResidentBytes = MemorySampler.peakResidentBytes()
        return LeakReport(samples: samples, configuration: configuration)
    }
}
