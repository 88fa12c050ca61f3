extension PoolStats {
    /// The Prometheus text exposition (format 0.0.4) of `snapshots`: one family per measure, each with
    /// `# HELP` and `# TYPE` lines and one sample per pool labelled `pool="<name>"`.
    ///
    /// | family | type | value |
    /// |---|---|---|
    /// | `pool_hits_total` | counter | `hits` |
    /// | `pool_misses_total` | counter | `misses` |
    /// | `pool_returns_total` | counter | `released` |
    /// | `pool_discards_total` | counter | `dropped` |
    /// | `pool_idle` | gauge | `idle` |
    /// | `pool_in_use` | gauge | `inUse` |
    ///
    /// - Throws: `PoolingError.duplicatePoolName` when two snapshots share a pool name.
    /// - Complexity: O(*n*) for *n* snapshots.
    public static func prometheusText(_ snapshots: [PoolStats]) throws(PoolingError) -> String {
        var seen = Set<String>()
        for snapshot in snapshots where !seen.insert(snapshot.pool).inserted {
            throw .duplicatePoolName(snapshot.pool)
        }
        let families: [(name: String, type: String, help: String, value: (PoolStats) -> Int)] = [
            ("pool_hits_total", "counter", "Acquisitions served with an idle pooled object.", \.hits),
            ("pool_misses_total", "counter", "Acquisitions that created a new object.", \.misses),
            ("pool_returns_total", "counter", "Objects released to the pool, kept or not.", \.released),
            ("pool_discards_total", "counter", "Objects the pool let go of instead of keeping them.", \.dropped),
            ("pool_idle", "gauge", "Objects held idle by the pool.", \.idle),
            ("pool_in_use", "gauge", "Objects acquired and not yet released.", \.inUse),
        ]
        var text = ""
        for family in families {
            text += "# HELP \(family.name) \(family.help)\n# TYPE \(family.name) \(family.type)\n"
            for snapshot in snapshots {
                text += "\(family.name){pool=\"\(escapedLabelValue(snapshot.pool))\"} \(family.value(snapshot))\n"
            }
        }
        return text
    }

    /// A label value escaped as the exposition format requires: backslash, double quote and line feed.
    private static func escapedLabelValue(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
