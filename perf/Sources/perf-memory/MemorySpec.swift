import PerfSupport

/// A named workload of the memory suite. Healthy workloads must never be flagged; with `--inject-leak`
/// they must always be.
struct MemorySpec: Sendable {
    /// The spec's name, the case of its result (`memory/<name>`) and the key `--spec` matches.
    let name: String
    /// One line for `--list`.
    let summary: String
    /// Makes a fresh workload for one run from a seed (the same seed gives the same run).
    let makeWorkload: @Sendable (UInt64) -> any MemoryWorkload

    /// Every spec, in the order they run.
    static let all: [MemorySpec] = [
        MemorySpec(
            name: "sessionCache",
            summary: "demo-service requests in-process: logins fill a bounded session LRU, messages fill "
                + "bounded topic rings, then both plateau",
            makeWorkload: { SessionCacheWorkload(seed: $0) }),
        MemorySpec(
            name: "poolChurn",
            summary: "buffers leased from a bounded Pooling.Pool in bursts larger than it keeps: misses and drops, "
                + "no trend",
            makeWorkload: { PoolChurnWorkload(seed: $0) }),
        MemorySpec(
            name: "sawtooth",
            summary: "a batch that grows by one record per iteration and is flushed every "
                + "\(SawtoothWorkload.period) iterations",
            makeWorkload: { SawtoothWorkload(seed: $0) }),
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
