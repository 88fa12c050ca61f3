@testable import perf_pools

/// Runs built from made-up numbers: the report, the bars and the table are checked on these, never on
/// timings.
enum SyntheticRun {
    /// A single-thread record whose round *i* has the samples `perRound[i]` (ns/op).
    static func single(
        _ name: String, _ perRound: [[Double]], allocs: Double? = nil, bytes: Double? = nil, hitRate: Double? = nil
    ) -> SingleThreadRecord {
        SingleThreadRecord(
            name: name,
            rounds: perRound.map {
                SingleThreadRecord.Round(
                    samples: $0, takenSamples: $0.count, cleanSamples: $0.count, allocsPerOp: allocs, bytesPerOp: bytes,
                    findings: [])
            }, hitRate: hitRate)
    }

    /// A threads record whose round *i* gives each thread `operations[i]` operations in 1 s, using
    /// `cpuShare` of that second as CPU time.
    static func threads(_ name: String, threads: Int, operations: [Int], cpuShare: Double = 1) -> ThreadsRecord {
        ThreadsRecord(
            name: name, threads: threads,
            rounds: operations.map { count in
                ThreadRound(
                    threads: threads,
                    tallies: Array(
                        repeating: ThreadTally(
                            operations: count, elapsedNanoseconds: 1_000_000_000,
                            cpuNanoseconds: UInt64(cpuShare * 1e9), allocations: 0, bytes: 0),
                        count: threads))
            }, hitRate: 1)
    }

    /// Every case of the suite, with pools ~10× cheaper than allocation and two threads at 1.9× one.
    static var complete: PoolsRun {
        PoolsRun(records: [
            .single(single("object/alloc", [[40, 41], [40], [42]], allocs: 1, bytes: 64)),
            .single(single("object/pool", [[4, 4.2], [4], [4.2]], allocs: 0, bytes: 0, hitRate: 1)),
            .single(single("buffer4k/alloc", [[100], [110], [100]], allocs: 1, bytes: 4128)),
            .single(single("buffer4k/reserve", [[50], [50], [50]], allocs: 1, bytes: 4128)),
            .single(single("buffer4k/pool", [[12], [11], [12.5]], allocs: 0, bytes: 0, hitRate: 1)),
            .single(single("buffer64k/alloc", [[500], [480], [520]], allocs: 1, bytes: 65568)),
            .single(single("buffer64k/reserve", [[50], [48], [52]], allocs: 1, bytes: 65568)),
            .single(single("buffer64k/pool", [[12], [12], [13]], allocs: 0, bytes: 0, hitRate: 1)),
            .threads(threads("threads1/pool", threads: 1, operations: [200, 210, 190])),
            .threads(threads("threads2/pool", threads: 2, operations: [190, 200, 180])),
        ])
    }
}
