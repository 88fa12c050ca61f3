import PerfSupport

extension Report {
    /// Merges the reports of the independent processes (forks) of one run into one report.
    ///
    /// A process is one sample: differences between processes of the same binary (address layout, the
    /// environment's size, what the machine's neighbours do) can be far larger than the spread inside one, so a
    /// figure's uncertainty must come from the spread between processes. For every metric of every result, the
    /// merged metric's `samples` are the forks' values in fork order (for a timing, each fork's median), and its
    /// `value` is their median (`SortedSample`, type 7). Exact counts (allocations, instructions) are merged the
    /// same way and stay exact when the forks agree. The merged environment is the first fork's with `forks` set.
    ///
    /// - Throws: `PerfResultError.forkMismatch` naming the fork (1-based) when the forks do not hold the same
    ///   suite, results and metrics with the same units and directions, or when there are none.
    /// - Complexity: O(*f* × *m* log *f*) for *f* forks and *m* metrics in all.
    public static func mergingForks(_ forks: [Report]) throws(PerfResultError) -> Report {
        guard let first = forks.first else { throw .forkMismatch(fork: 1, reason: "no fork produced a report") }
        for (index, fork) in forks.enumerated().dropFirst() {
            try check(fork, number: index + 1, against: first)
        }
        var environment = first.environment
        environment.forks = forks.count
        var merged = try Report(suite: first.suite, environment: environment)
        for result in first.results {
            var metrics: [Metric] = []
            for metric in result.metrics {
                let values = forks.map { $0.result(named: result.name)?[metric.key]?.value ?? metric.value }
                metrics.append(
                    Metric(
                        validKey: metric.key, value: SortedSample(values).median, unit: metric.unit,
                        better: metric.better, samples: forks.count > 1 ? values : metric.samples))
            }
            var mergedResult = try Result(name: result.name, metrics: metrics)
            mergedResult.limits = result.limits
            try merged.append(mergedResult)
        }
        return merged
    }

    private static func check(_ fork: Report, number: Int, against first: Report) throws(PerfResultError) {
        guard fork.suite == first.suite else {
            throw .forkMismatch(fork: number, reason: "suite \"\(fork.suite)\", fork 1 ran \"\(first.suite)\"")
        }
        guard fork.results.map(\.name).sorted() == first.results.map(\.name).sorted() else {
            let missing = Set(first.results.map(\.name)).symmetricDifference(fork.results.map(\.name)).sorted()
            throw .forkMismatch(
                fork: number, reason: "its results differ from fork 1's: \(missing.prefix(3).joined(separator: ", "))")
        }
        for result in first.results {
            let other = fork.result(named: result.name)?.metrics ?? []
            for metric in result.metrics {
                guard let match = other.first(where: { $0.key == metric.key }), match.unit == metric.unit,
                    match.better == metric.better
                else {
                    throw .forkMismatch(
                        fork: number, reason: "\(result.name) has no metric \(metric.key) in \(metric.unit.rawValue)")
                }
            }
            guard other.count == result.metrics.count else {
                throw .forkMismatch(fork: number, reason: "\(result.name) has other metrics than in fork 1")
            }
        }
    }
}
