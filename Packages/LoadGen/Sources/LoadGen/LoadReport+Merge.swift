/// Combining the entries of several report files: what `loadgen merge` and `loadgen coordinate` share.
extension LoadReport {
    /// The entries of every list as one: results of the same name merge exactly (`LoadResult.merged(with:)`),
    /// the others keep their first position.
    /// - Complexity: O(*e*² + *e·b*) for *e* entries in all and *b* histogram buckets.
    public static func merged(_ lists: [[Entry]]) -> [Entry] {
        var merged: [Entry] = []
        for entries in lists {
            for entry in entries {
                if let index = merged.firstIndex(where: { $0.name == entry.name }) {
                    merged[index].result = merged[index].result.merged(with: entry.result)
                } else {
                    merged.append(entry)
                }
            }
        }
        return merged
    }
}
