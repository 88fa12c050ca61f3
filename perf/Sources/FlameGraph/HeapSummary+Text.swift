import Foundation

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
                    "  allocations     \(Self.grouped(calls)) calls (\(Self.grouped(rate))/s), "
                        + "\(Self.grouped(temporary)) temporary")
            } else {
                lines.append("  allocations     \(Self.grouped(calls)) calls")
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
                let name = Self.padded(Self.shortened(site.function, width: 70), to: 70)
                lines.append(
                    "  \(Self.padded(Self.bytesText(site.peakBytes), to: 9, left: true)) peak  "
                        + "\(Self.padded(Self.grouped(site.calls), to: 10, left: true)) calls   \(name)  \(site.location)"
                )
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Bytes in heaptrack's style: `512B`, `36.86K`, `1.19M`, `2.00G` (powers of 1024).
    public static func bytesText(_ bytes: Double) -> String {
        var value = bytes
        for unit in ["B", "K", "M", "G"] {
            if value < 1024 || unit == "G" {
                return unit == "B" ? String(format: "%.0f", value) + unit : String(format: "%.2f", value) + unit
            }
            value /= 1024
        }
        return ""
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return number < 0 ? "-" + text : text
    }

    /// `name` cut to `width` characters, the last two `..` when it was longer.
    static func shortened(_ name: String, width: Int) -> String {
        let scalars = name.unicodeScalars
        guard scalars.count > width else { return name }
        return String(String.UnicodeScalarView(scalars.prefix(width - 2))) + ".."
    }

    private static func padded(_ text: String, to width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.unicodeScalars.count))
        return left ? padding + text : text + padding
    }
}
