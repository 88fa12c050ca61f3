/// The outcome of a leak check: the verdict, the numbers it rests on, and the samples.
public struct LeakReport: Sendable, Hashable {
    /// Whether the workload leaks.
    public enum Verdict: Sendable, Hashable {
        /// The deciding series failed at least one of the four checks: no steady growth.
        case noLeak
        /// The deciding series grew steadily past every threshold.
        case leak
        /// No verdict: too few samples, or no series that may decide (RSS alone never does).
        case inconclusive(reason: String)
    }

    /// The verdict.
    public let verdict: Verdict
    /// The series the verdict rests on; `nil` when inconclusive for want of one.
    public let decidingSignal: LeakSignal?
    /// The analyses of every series the samples have (live allocations, heap bytes, resident bytes).
    public let analyses: [SignalAnalysis]
    /// Every sample, warmup included.
    public let samples: [LeakSample]
    /// How many leading samples were dropped as warmup.
    public let warmupSampleCount: Int
    /// The settings the verdict used.
    public let configuration: LeakCheck.Configuration

    /// Whether the verdict is `.leak`.
    public var isLeak: Bool { verdict == .leak }

    /// The analysis of `signal`, if the samples have that series.
    public func analysis(of signal: LeakSignal) -> SignalAnalysis? {
        analyses.first { $0.signal == signal }
    }

    /// The analysis the verdict rests on.
    public var decidingAnalysis: SignalAnalysis? {
        decidingSignal.flatMap(analysis(of:))
    }

    /// Iterations completed when the last sample was taken.
    public var iterations: Int { samples.last?.iteration ?? 0 }

    /// The largest peak resident set size seen in the samples.
    public var peakResidentBytes: Int? {
        samples.compactMap { $0.memory.peakResidentBytes ?? $0.memory.residentBytes }.max()
    }

    /// Decides from `samples`, which must be in increasing iteration order.
    ///
    /// Drops `configuration.warmupFraction` of the samples, analyses every series present after warmup,
    /// and lets the best allowed series decide (see `LeakCheck.Configuration.SignalChoice`).
    /// - Precondition: iterations strictly increase.
    /// - Complexity: O(*n*) for *n* samples.
    public init(samples: [LeakSample], configuration: LeakCheck.Configuration) {
        precondition(
            zip(samples, samples.dropFirst()).allSatisfy { $0.iteration < $1.iteration },
            "LeakReport needs samples in strictly increasing iteration order")
        self.samples = samples
        self.configuration = configuration
        let warmup = configuration.warmupCount(of: samples.count)
        self.warmupSampleCount = warmup
        let analysed = samples[warmup...]
        let iterations = analysed.map { Double($0.iteration) }
        var analyses: [SignalAnalysis] = []
        for signal in LeakSignal.allCases {
            let values = analysed.compactMap { signal.value(in: $0.memory) }
            guard values.count == analysed.count,
                let analysis = SignalAnalysis(
                    signal: signal, iterations: iterations, values: values.map(Double.init),
                    configuration: configuration)
            else { continue }
            analyses.append(analysis)
        }
        self.analyses = analyses

        let minimum = LeakCheck.Configuration.minimumAnalysedSamples
        guard analysed.count >= minimum else {
            self.decidingSignal = nil
            self.verdict = .inconclusive(
                reason: "only \(analysed.count) samples after dropping \(warmup) as warmup; a verdict needs "
                    + "\(minimum): run longer or sample more often")
            return
        }
        let allowed: [LeakSignal]
        switch configuration.signal {
        case .best: allowed = [.liveAllocations, .heapBytes]
        case .liveAllocations: allowed = [.liveAllocations]
        case .heapBytes: allowed = [.heapBytes]
        }
        guard let deciding = allowed.first(where: { signal in analyses.contains { $0.signal == signal } }) else {
            self.decidingSignal = nil
            self.verdict = .inconclusive(
                reason: "no \(allowed.map(\.label).joined(separator: " or ")) in the samples: link MemProbe's "
                    + "allocation counter (Linux, glibc) or run where mallinfo2 exists; RSS alone never decides")
            return
        }
        self.decidingSignal = deciding
        self.verdict = analyses.first { $0.signal == deciding }!.indicatesLeak ? .leak : .noLeak
    }
}
