extension LeakCheck {
    /// How long a leak check runs, how often it samples, and when it calls growth a leak.
    ///
    /// A series is a leak when all four checks hold after the warmup is dropped:
    /// 1. *fit quality*: the least-squares line explains at least `minimumFitQuality` of the variance (r²);
    /// 2. *floor*: the fitted growth across the analysed samples reaches the signal's absolute floor;
    /// 3. *still growing*: the slope of the last third is at least `saturationRatio` times both the slope of
    ///    the first third and the slope of the whole fit, and over the analysed span still reaches the floor
    ///    (a cache that fills and stops fails this, early or late);
    /// 4. *rate*: the one-sided 99.9 % lower confidence bound of the slope reaches the signal's rate floor
    ///    (`liveAllocationsRateFloor` per iteration, `heapBytesRateFloor` per iteration).
    ///
    /// None of the four changes when a constant is added to the series, so the verdict does not depend on
    /// how much the process already holds: one allocation kept per iteration is a leak on top of 0 live
    /// allocations and on top of 5,000,000. Resident bytes, which never decide, keep the relative check as
    /// their fourth: growth ≥ `growthThreshold` of the start (pages come and go with the kernel and the
    /// allocator, and an RSS that creeps by a small share of itself is not read as growth).
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
        /// The smallest growth ratio (growth / start value, after warmup) at which resident bytes count as
        /// growing. Default: 0.2. It no longer judges live allocations or heap bytes: a ratio to the start
        /// makes a leak invisible in a process that already holds much (see `liveAllocationsRateFloor`).
        public var growthThreshold: Double
        /// The smallest r² of the fit that counts as steady growth, 0...1. Default: 0.5.
        public var minimumFitQuality: Double
        /// How fast the last third must still grow relative to the first third and to the whole fit, 0...1.
        /// Default: 0.5.
        public var saturationRatio: Double
        /// The smallest fitted growth of live allocations that is a leak. Default: 256 allocations.
        public var liveAllocationsFloor: Double
        /// The smallest fitted growth of heap bytes that is a leak. Default: 256 KiB.
        public var heapBytesFloor: Double
        /// The smallest leak rate of live allocations, per iteration, that the slope's 99.9 % lower confidence
        /// bound must reach. Default: 0.01 (one allocation kept every 100 iterations). At the default length
        /// (40,000 analysed iterations) it asks about as much as the 256-allocation floor (400); on longer runs
        /// and soaks it keeps a drift of a few hundred allocations over millions of iterations (a table that
        /// resized, a cache still settling) from being called a leak, which the growth ratio used to do.
        public var liveAllocationsRateFloor: Double
        /// The smallest leak rate of heap bytes, per iteration, that the slope's 99.9 % lower confidence bound
        /// must reach. Default: 1 byte (a 64-byte block kept every 64 iterations); below it, the heap moves in
        /// malloc's chunk steps and with containers that double their storage rather than with what is kept.
        public var heapBytesRateFloor: Double
        /// Which series decides. Default: `.best`.
        public var signal: SignalChoice

        /// The fewest samples left after warmup that a verdict needs (two per third).
        public static let minimumAnalysedSamples = 6

        /// Creates a configuration; every argument has the default documented on its property.
        public init(
            length: Length = .iterations(50_000), sampleEvery: Int = 500, trimBeforeSample: Bool = false,
            warmupFraction: Double = 0.2, growthThreshold: Double = 0.2, minimumFitQuality: Double = 0.5,
            saturationRatio: Double = 0.5, liveAllocationsFloor: Double = 256, heapBytesFloor: Double = 256 * 1024,
            liveAllocationsRateFloor: Double = 0.01, heapBytesRateFloor: Double = 1, signal: SignalChoice = .best
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
            self.liveAllocationsRateFloor = liveAllocationsRateFloor
            self.heapBytesRateFloor = heapBytesRateFloor
            self.signal = signal
        }

        /// The absolute floor of `signal`'s growth.
        public func floor(for signal: LeakSignal) -> Double {
            signal == .liveAllocations ? liveAllocationsFloor : heapBytesFloor
        }

        /// The smallest leak rate per iteration of `signal` (resident bytes are held to the heap bytes' rate).
        public func rateFloor(for signal: LeakSignal) -> Double {
            signal == .liveAllocations ? liveAllocationsRateFloor : heapBytesRateFloor
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
            guard liveAllocationsRateFloor >= 0, liveAllocationsRateFloor.isFinite else {
                throw fail(
                    "liveAllocationsRateFloor", liveAllocationsRateFloor,
                    "must be a finite number ≥ 0 (allocations per iteration; 0.01 is one per 100)")
            }
            guard heapBytesRateFloor >= 0, heapBytesRateFloor.isFinite else {
                throw fail(
                    "heapBytesRateFloor", heapBytesRateFloor, "must be a finite number ≥ 0 (bytes per iteration)")
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
