import MemProbe
import PerfSupport

extension SpecRun {
    /// The run for a terminal: a heading with the verdict and why, the run's facts, and one row per series
    /// with its slope and the four checks.
    var table: String {
        var lines = ["\(displayName): \(verdictText) — \(reason)"]
        let warmup = report.warmupSampleCount
        lines.append(
            "  \(report.iterations) iterations in \(NumberText.fixed(seconds, decimals: 2)) s, "
                + "\(report.samples.count) samples (first \(warmup) dropped as warmup); \(status)")
        var table = TextTable([
            .left("series"), .right("slope/iter"), .right("fit r²"), .right("growth"), .right("floor"),
            .right("last/first-third slope"), .right("slope ≥ (99.9 %)"), .right("growth ratio"), .left("checks"),
            .left(""),
        ])
        for analysis in report.analyses {
            let bytes = analysis.signal != .liveAllocations
            func amount(_ value: Double, signed: Bool) -> String {
                bytes ? NumberText.bytes(value, signed: signed) : NumberText.fixed(value, decimals: 0, signed: signed)
            }
            let decimals = bytes ? 1 : 3
            let unit = bytes ? " B" : ""
            let slope = NumberText.fixed(analysis.fit.slope, decimals: decimals, signed: true) + unit
            let thirds =
                NumberText.fixed(analysis.lastThirdSlope, decimals: decimals) + "/"
                + NumberText.fixed(analysis.firstThirdSlope, decimals: decimals) + unit
            let lowerBound = NumberText.fixed(analysis.slopeLowerBound, decimals: decimals, signed: true) + unit
            let marks = [
                analysis.fitsSteadily, analysis.exceedsFloor, analysis.stillGrowing, analysis.passesFourthCheck,
            ].map { $0 ? "✓" : "✗" }.joined()
            let role: String
            if analysis.signal == report.decidingSignal {
                role = "decides"
            } else if analysis.signal == .residentBytes {
                role = "shown, never decides"
            } else {
                role = "shown"
            }
            table.append([
                analysis.signal.label, slope, NumberText.fixed(analysis.fit.rSquared, decimals: 3),
                amount(analysis.growth, signed: true),
                amount(analysis.floor, signed: false), thirds, lowerBound,
                NumberText.fixed(analysis.growthRatio, decimals: 3), marks, role,
            ])
        }
        lines.append(table.rendered(indent: "  "))
        var memory: [String] = []
        if let heap = heapSeries, let first = heap.first, let last = heap.last {
            memory.append("heap in use \(NumberText.bytes(first)) → \(NumberText.bytes(last))")
        }
        if let peak = report.peakResidentBytes { memory.append("peak RSS \(NumberText.bytes(Double(peak)))") }
        if !memory.isEmpty { lines.append("  " + memory.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }

    /// Why the verdict is what it is: the checks the deciding series failed, or that it passed all four.
    var reason: String {
        if case .inconclusive(let why) = report.verdict { return why }
        guard let analysis = report.decidingAnalysis else { return "no deciding series" }
        let failed = [
            ("steady fit", analysis.fitsSteadily), ("floor", analysis.exceedsFloor),
            ("still growing", analysis.stillGrowing),
            (analysis.judgesGrowthRatio ? "growth ratio" : "rate", analysis.passesFourthCheck),
        ].filter { !$0.1 }.map(\.0)
        let label = analysis.signal.label
        guard !failed.isEmpty else { return "\(label) grow steadily; all four checks hold" }
        return "\(label) fail \(failed.joined(separator: ", "))"
    }

    /// The legend of the checks column, printed once above the tables.
    static func checksLegend(_ configuration: LeakCheck.Configuration) -> String {
        let fit = NumberText.fixed(configuration.minimumFitQuality, decimals: 2)
        let saturation = NumberText.fixed(configuration.saturationRatio, decimals: 2)
        let liveRate = NumberText.fixed(configuration.liveAllocationsRateFloor, decimals: 2)
        let heapRate = NumberText.fixed(configuration.heapBytesRateFloor, decimals: 0)
        let growth = NumberText.fixed(configuration.growthThreshold, decimals: 2)
        return "checks, in order: steady fit (r² ≥ \(fit)), growth ≥ floor, still growing (last third's slope ≥ "
            + "\(saturation) × the first third's and the whole fit's), rate (the slope's 99.9 % lower bound ≥ "
            + "\(liveRate) allocations / \(heapRate) B per iteration; resident bytes: growth ratio ≥ \(growth)); "
            + "a leak needs all four on the deciding series, whatever the process already holds"
    }
}
