import MicroBench

/// The harness's own bars: an empty task (the per-operation floor) and FNV-1a over 48 and 320 bytes, a ~25 ns
/// and a ~300 ns body whose p50 must agree within 5 % over three runs. `perf-micro hand-loop` measures the same
/// bodies with a hand-written `ContinuousClock` loop beside these tasks.
let harness = Suite("harness") { suite in
    suite.bench("empty") {}
    HarnessBodies.addFNV1a(to: suite, sizes: HarnessBodies.sizes)
}

/// The bodies of the harness suite, shared with the hand-loop comparison.
enum HarnessBodies {
    /// 48 bytes take about 25 ns, 320 bytes about 300 ns on the project's machine.
    static let sizes = [48, 320]

    /// Registers `harness/fnv1a[bytes=N]` for each size: the task the hand-loop comparison measures too.
    static func addFNV1a(to suite: SuiteBuilder, sizes: [Int]) {
        suite.bench("fnv1a", sweeping: "bytes", over: sizes, throughput: { .bytes($0) }) { size in
            input(size)
        } body: { bytes in
            blackHole(fnv1a(bytes))
        }
    }

    /// `size` pseudo-random bytes, the same on every run.
    static func input(_ size: Int) -> [UInt8] {
        var state: UInt32 = 0x9E37_79B9
        return (0..<size).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }

    /// The 64-bit FNV-1a hash of `bytes`: a serial multiply chain the optimizer cannot vectorize away.
    @inline(never)
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}
