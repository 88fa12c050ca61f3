extension Sampler {
    /// The harness floor: the median ns/op of an empty closure measured through the closure path.
    ///
    /// It is what `bench` costs per operation with nothing in the body (one indirect call and the
    /// loop), and the runner reports it once, above the table. About 60 ms with the system clocks.
    static func measureHarnessFloor(clocks: Clocks) -> Double {
        let builder = SuiteBuilder(suiteName: "microBench")
        builder.bench("floor") {}
        let policy = SamplingPolicy(
            warmup: .milliseconds(10), timeBudget: .milliseconds(40), targetSample: .microseconds(200),
            minimumSamples: 30, minimumOperations: 1)
        return Sampler(policy: policy, clocks: clocks).measure(builder.tasks[0]).statistics.p50
    }
}
