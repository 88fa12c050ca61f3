import PerfSupport

/// The summary as `make perf-heap` prints it.
extension HeapSummary {
    /// The totals, then up to two tables of sites: bytes at the peak, calls, function (shortened to 70
    /// characters), `File.swift:line`.
    ///
    /// ```text
    ///   peak heap       2.01M   (peak RSS 19.36M, heaptrack's overhead included)
    ///   allocations     293,330 calls (202,436/s), 159,571 temporary
    ///   at exit         11.07K still allocated (caches and pools count here; a leak grows with the run)
    ///   runtime         1.45 s
    ///
    /// Top allocation sites by peak memory
    ///       1.19M peak       7,470 calls   StoredMessage.replacePayload(with:)          StoredMessage.swift:19
    /// ```
    public var text: String {
        var lines: [String] = []
        if let peak = totals.peakHeap {
            lines.append(
                "  peak heap       \(peak)   (peak RSS \(totals.peakRSS ?? "?"), heaptrack's overhead included)")
        }
        if let calls = totals.allocationCalls, let rate = totals.allocationCallsPerSecond {
            if let temporary = totals.temporaryAllocations {
                lines.append(
                    "  allocations     \(NumberText.grouped(calls)) calls (\(NumberText.grouped(rate))/s), "
                        + "\(NumberText.grouped(temporary)) temporary")
            } else {
                lines.append("  allocations     \(NumberText.grouped(calls)) calls")
            }
        }
        if let leaked = totals.leaked {
            lines.append(
                "  at exit         \(leaked) still allocated (caches and pools count here; a leak grows with the run)")
        }
        if let runtime = totals.runtimeSeconds { lines.append("  runtime         \(runtime) s") }
        for (title, sites) in [
            ("Top allocation sites by peak memory", byPeakMemory), ("Top allocation sites by number of calls", byCalls),
        ] where !sites.isEmpty {
            lines.append("")
            lines.append(title)
            for site in sites {
                let cells = [
                    "\(Self.bytesText(site.peakBytes)) peak", "\(NumberText.grouped(site.calls)) calls ",
                    Self.shortened(site.function, width: 70), site.location,
                ]
                lines.append(Self.siteColumns.line(cells.map { TextTable.Cell($0) }, indent: "  "))
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Bytes in heaptrack's style: `512B`, `36.86K`, `1.19M`, `2.00G` (powers of 1024).
    public static func bytesText(_ bytes: Double) -> String {
        var value = bytes
        for unit in ["B", "K", "M", "G"] {
            if value < 1024 || unit == "G" {
                return NumberText.fixed(value, decimals: unit == "B" ? 0 : 2) + unit
            }
            value /= 1024
        }
        return ""
    }

    /// A site's line: bytes at the peak (9 wide) and calls (10 wide, then three spaces) to the right, the
    /// function in 70 characters, its file and line.
    private static let siteColumns = TextTable([
        .right("", minimumWidth: 14), .right("", minimumWidth: 17), .left("", minimumWidth: 70), .left(""),
    ])

    /// `name` cut to `width` characters, the last two `..` when it was longer.
    static func shortened(_ name: String, width: Int) -> String {
        let scalars = name.unicodeScalars
        guard scalars.count > width else { return name }
        return String(String.UnicodeScalarView(scalars.prefix(width - 2))) + ".."
    }
}
