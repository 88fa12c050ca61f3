import PerfSupport

/// A named workload of the memory suite. Healthy workloads must never be flagged; a workload built to leak
/// (`expectsLeak`) must always be; with `--inject-leak` every workload must be.
struct MemorySpec: Sendable {
    /// The spec's name, the case of its result (`memory/<name>`) and the key `--spec` matches.
    let name: String
    /// One line for `--list`.
    let summary: String
    /// Makes a fresh workload for one run from a seed (the same seed gives the same run) and the run's
    /// iterations (for workloads whose size follows the run's length).
    let makeWorkload: @Sendable (_ seed: UInt64, _ iterations: Int) -> any MemoryWorkload
    /// Whether the workload leaks by design: its leak must be caught, and being caught is its pass.
    var expectsLeak = false

    /// Every spec, in the order they run.
    static let all: [MemorySpec] = [
        MemorySpec(
            name: "sessionCache",
            summary: "demo-service requests in-process: logins fill a bounded session LRU, messages fill "
                + "bounded topic rings, then both plateau",
            makeWorkload: { seed, _ in SessionCacheWorkload(seed: seed) }),
        MemorySpec(
            name: "poolChurn",
            summary: "buffers leased from a bounded Pooling.Pool in bursts larger than it keeps: misses and drops, "
                + "no trend",
            makeWorkload: { seed, _ in PoolChurnWorkload(seed: seed) }),
        MemorySpec(
            name: "sawtooth",
            summary: "a batch that grows by one record per iteration and is flushed every "
                + "\(SawtoothWorkload.period) iterations",
            makeWorkload: { seed, _ in SawtoothWorkload(seed: seed) }),
        MemorySpec(
            name: "largeLiveSetLeak",
            summary: "LEAKS BY DESIGN, must be caught: a live set of \(LargeLiveSetLeakWorkload.recordsPerIteration) "
                + "records per iteration of the run (at least \(LargeLiveSetLeakWorkload.minimumRecords)), one "
                + "replaced and one request object leaked per iteration",
            makeWorkload: { LargeLiveSetLeakWorkload(seed: $0, iterations: $1) }, expectsLeak: true),
    ]

    /// The specs `filters` select, in the order of `specs`.
    ///
    /// A filter that names a spec exactly (ignoring case) selects that spec; any other filter selects every
    /// spec whose name contains it (ignoring case). No filters select every spec.
    /// - Throws: `UsageError` for a filter that selects nothing, listing the names.
    static func select(_ filters: [String], from specs: [MemorySpec] = all) throws(UsageError) -> [MemorySpec] {
        guard !filters.isEmpty else { return specs }
        var chosen = Set<String>()
        for filter in filters {
            let needle = filter.lowercased()
            let exact = specs.filter { $0.name.lowercased() == needle }
            let matches = exact.isEmpty ? specs.filter { $0.name.lowercased().contains(needle) } : exact
            guard !matches.isEmpty, !needle.isEmpty else {
                throw UsageError(
                    "--spec '\(filter)' matches no spec; the specs are "
                        + specs.map(\.name).joined(separator: ", ") + " (see --list)")
            }
            chosen.formUnion(matches.map(\.name))
        }
        return specs.filter { chosen.contains($0.name) }
    }
}
