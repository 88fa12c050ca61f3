/// Combining results of runs made at the same time from several processes or hosts (as vegeta does).
extension LoadResult {
    /// This result and `other` as one: counts and histograms add up exactly; the window spans both
    /// runs (from the earlier start to the later end), so the throughput of concurrent runs is their
    /// sum. Seconds line up by wall-clock start; merged seconds keep counts and drop percentiles. When either
    /// run kept only its last seconds (`secondsDropped`), the merged series starts after the later of their
    /// dropped stretches, so that no merged second misses a run's part. The service samples are dropped: each
    /// run sampled its service by itself.
    /// - Complexity: O(*b* + *s*) for the fixed number *b* of histogram buckets and *s* seconds.
    public func merged(with other: LoadResult) -> LoadResult {
        var merged = self
        let start = min(startedAtEpochNs, other.startedAtEpochNs)
        let end = max(
            startedAtEpochNs + Int64(clamping: windowNs), other.startedAtEpochNs + Int64(clamping: other.windowNs))
        merged.startedAtEpochNs = start
        merged.windowNs = UInt64(max(0, end - start))
        if target != other.target { merged.target = "\(target) + \(other.target)" }
        merged.connections += other.connections
        merged.threads += other.threads
        merged.pipelining = max(pipelining, other.pipelining)
        merged.targetRate = targetRate.flatMap { rate in other.targetRate.map { rate + $0 } }
        merged.sent += other.sent
        merged.warmupSent += other.warmupSent
        merged.warmupSkipped += other.warmupSkipped
        merged.completed += other.completed
        merged.completedInWindow += other.completedInWindow
        merged.drained += other.drained
        merged.abandoned += other.abandoned
        merged.late += other.late
        merged.dropped += other.dropped
        merged.censored += other.censored
        merged.bytesInWindow += other.bytesInWindow
        merged.httpErrors += other.httpErrors
        merged.outOfRange += other.outOfRange
        merged.errors = errors + other.errors
        merged.statusCounts.merge(other.statusCounts, uniquingKeysWith: +)
        merged.latency.merge(other.latency)
        merged.uncorrectedLatency.merge(other.uncorrectedLatency)
        merged.clientCPUNs += other.clientCPUNs
        switch (tls, other.tls) {
        case let (mine?, theirs?): merged.tls = mine.merged(with: theirs)
        case (nil, let theirs): merged.tls = theirs
        default: break
        }
        // Each process sampled its own service (or its own view of one): their samples do not add up.
        merged.service = nil
        // A merged result is no single shard's; its start is the earliest.
        merged.shard = shard == other.shard ? shard : nil
        merged.actualStartEpochNs = [actualStartEpochNs, other.actualStartEpochNs].compactMap { $0 }.min()
        var seconds: [Int: SecondSample] = [:]
        var dropped = 0
        for (result, samples) in [(self, perSecond), (other, other.perSecond)] {
            let shift = Int(((result.startedAtEpochNs - start) + 500_000_000) / 1_000_000_000)
            if result.secondsDropped > 0 { dropped = max(dropped, result.secondsDropped + shift) }
            for sample in samples {
                let index = sample.second + shift
                var combined =
                    seconds[index]
                    ?? SecondSample(
                        second: index, requests: 0, errors: 0, bytes: 0, latencyP50Ns: nil, latencyP99Ns: nil)
                combined.requests += sample.requests
                combined.errors += sample.errors
                combined.bytes += sample.bytes
                seconds[index] = combined
            }
        }
        merged.perSecond = seconds.values.filter { $0.second >= dropped }.sorted { $0.second < $1.second }
        merged.secondsDropped = dropped
        return merged
    }
}
