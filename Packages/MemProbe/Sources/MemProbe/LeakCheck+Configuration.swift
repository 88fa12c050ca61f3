extension LeakCheck {
    /// How long a leak check runs, how often it samples, and when it calls growth a leak.
    ///
    /// A series is a leak when all four checks hold after the warmup is dropped:
    /// 1. *fit quality*: the least-squares line explains at least `minimumFitQuality` of the variance (r²);
    /// 2. *floor*: the fitted growth across the analysed samples reaches the signal's absolute floor;
    /// 3. *still growing*: the slope of the last third is at least `saturationRatio` times the slope of the
    ///    first third and, over the analysed span, still reaches the floor (a cache that fills and stops
    ///    fails this);
    /// 4. *growth ratio*: fitted growth divided by the fitted start value reaches `growthThreshold`.
    public struct Configuration: Sendable, Hashable {
        /// When the workload stops.
        public enum Length: Sendable, Hashable {
            /// After this many iterations.
            case iterations(Int)
            /// After the first sample taken once this much time has passed.
            case duration(Duration)
        }

        /// Which series decides the verdict.
        public enum SignalChoice: Sendable, Hashable {
            /// Live allocations when the allocation counter is counting, else heap bytes.
            case best
            /// Live allocations only (inconclusive without the counter).
            case liveAllocations
            /// Heap bytes only: use it for leaks that grow one buffer (an array that is appended to
            /// forever keeps its allocation count flat).
            case heapBytes
        }

        /// When the workload stops. Default: 50,000 iterations.
        public var length: Length
        /// Iterations between samples (k). Default: 500.
        public var sampleEvery: Int
        /// Whether to call `malloc_trim(0)` before each sample (the analog of a forced GC). Default: false.
        public var trimBeforeSample: Bool
        /// The share of samples dropped from the start as warmup, 0..<0.9. Default: 0.2.
        public var warmupFraction: Double
        /// The smallest growth ratio (growth / start value, after warmup) that is a leak. Default: 0.2.
        public var growthThreshold: Double
        /// The smallest r² of the fit that counts as steady growth, 0...1. Default: 0.5.
        public var minimumFitQuality: Double
        /// How fast the last third must still grow relative to the first third, 0...1. Default: 0.5.
        public var saturationRatio: Double
        /// The smallest fitted growth of live allocations that is a leak. Default: 256 allocations.
        public var liveAllocationsFloor: Double
        /// The smallest fitted growth of heap bytes that is a leak. Default: 256 KiB.
        public var heapBytesFloor: Double
        /// Which series decides. Default: `.best`.
        public var signal: SignalChoice

        /// The fewest samples left after warmup that a verdict needs (two per third).
        public static let minimumAnalysedSamples = 6

        /// Creates a configuration; every argument has the default documented on its property.
        public init(
            length: Length = .iterations(50_000), sampleEvery: Int = 500, trimBeforeSample: Bool = false,
            warmupFraction: Double = 0.2, growthThreshold: Double = 0.2, minimumFitQuality: Double = 0.5,
            saturationRatio: Double = 0.5, liveAllocationsFloor: Double = 256, heapBytesFloor: Double = 256 * 1024,
            signal: SignalChoice = .best
        ) {
            self.length = length
            self.sampleEvery = sampleEvery
            self.trimBeforeSample = trimBeforeSample
            self.warmupFraction = warmupFraction
            self.growthThreshold = growthThreshold
            self.minimumFitQuality = minimumFitQuality
            self.saturationRatio = saturationRatio
            self.liveAllocationsFloor = liveAllocationsFloor
            self.heapBytesFloor = heapBytesFloor
            self.signal = signal
        }

        /// The absolute floor of `signal`'s growth.
        public func floor(for signal: LeakSignal) -> Double {
            signal == .liveAllocations ? liveAllocationsFloor : heapBytesFloor
        }

        /// The number of samples dropped as warmup out of `count`.
        public func warmupCount(of count: Int) -> Int {
            Int((Double(count) * warmupFraction).rounded(.down))
        }

        /// Checks every setting.
        /// - Throws: `MemProbeError.invalidConfiguration` naming the first setting out of range.
        public func validate() throws(MemProbeError) {
            func fail(_ setting: String, _ value: some CustomStringConvertible, _ reason: String) -> MemProbeError {
                .invalidConfiguration(setting: setting, value: value.description, reason: reason)
            }
            switch length {
            case .iterations(let count):
                guard count > 0 else { throw fail("iterations", count, "must be at least 1") }
            case .duration(let duration):
                guard duration > .zero else { throw fail("duration", duration, "must be longer than zero") }
            }
            guard sampleEvery > 0 else { throw fail("sampleEvery", sampleEvery, "must be at least 1") }
            guard warmupFraction >= 0, warmupFraction < 0.9 else {
                throw fail("warmupFraction", warmupFraction, "must be in 0..<0.9 (0.2 drops the first 20 %)")
            }
            guard growthThreshold >= 0, growthThreshold.isFinite else {
                throw fail("growthThreshold", growthThreshold, "must be a finite number ≥ 0 (0.2 means 20 %)")
            }
            guard (0...1).contains(minimumFitQuality) else {
                throw fail("minimumFitQuality", minimumFitQuality, "must be in 0...1 (an r²)")
            }
            guard (0...1).contains(saturationRatio) else {
                throw fail("saturationRatio", saturationRatio, "must be in 0...1")
            }
            guard liveAllocationsFloor >= 0, liveAllocationsFloor.isFinite else {
                throw fail("liveAllocationsFloor", liveAllocationsFloor, "must be a finite number ≥ 0")
            }
            guard heapBytesFloor >= 0, heapBytesFloor.isFinite else {
                throw fail("heapBytesFloor", heapBytesFloor, "must be a finite number ≥ 0")
            }
            if case .iterations(let count) = length {
                let samples = count / sampleEvery + 1
                let analysed = samples - warmupCount(of: samples)
                guard analysed >= Self.minimumAnalysedSamples else {
                    throw fail(
                        "sampleEvery", sampleEvery,
                        "\(count) iterations give \(analysed) samples after warmup, fewer than "
                            + "\(Self.minimumAnalysedSamples): sample more often or run more iterations")
                }
            }
        }
    }
}
