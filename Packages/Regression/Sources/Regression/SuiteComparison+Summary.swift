import PerfResult
import PerfSupport

/// What every rendering's summary says of a suite: the counts per verdict, the timing geomean with its
/// interval, and the notes that change how to read them (no baseline, report-only metrics and why).
extension SuiteComparison {
    /// The summary's count columns, in order: a heading and the verdicts it counts.
    public static let summaryColumns: [(heading: String, verdict: Verdict)] = [
        ("regressions", .regression), ("warnings", .warning), ("improved", .improved), ("unchanged", .unchanged),
        ("~", .insignificant), ("report only", .reported), ("new", .new), ("gone", .gone),
    ]

    /// The rows per verdict, in the order of `summaryColumns`.
    /// - Complexity: O(rows).
    public var summaryCounts: [Int] {
        var counts: [Verdict: Int] = [:]
        for row in rows { counts[row.verdict, default: 0] += 1 }
        return Self.summaryColumns.map { counts[$0.verdict] ?? 0 }
    }

    /// The geomean as a change with its 95 % interval, `+1.2 % [-0.4 %, +2.9 %]`; without the interval when
    /// the samples do not allow one; empty when nothing was compared.
    public var geomeanText: String {
        guard let geomean else { return "" }
        var text = NumberText.change(geomean - 1)
        if let interval = geomeanInterval {
            text += " [\(NumberText.change(interval.lowerBound - 1)), \(NumberText.change(interval.upperBound - 1))]"
        }
        return text
    }

    /// Short notes for the summary's last column: `no baseline: 46 new results (make perf-baseline)`,
    /// `timing report-only: CPU model differs`, `all report-only: Swift version differs`, and a warning when the
    /// current results' percentiles are out of order (`PercentileOrder`).
    public var summaryNotes: [String] {
        var notes: [String] = []
        if !hasBaseline {
            let results = oneSidedCounts(.new).results
            notes.append("no baseline: \(results) new result\(results == 1 ? "" : "s") (make perf-baseline)")
        }
        if let reason = deterministicReportOnlyReason {
            notes.append("all report-only: \(reason)")
        } else if let reason = timingReportOnlyReason {
            notes.append("timing report-only: \(reason)")
        }
        let disorder = PercentileOrder.violations(in: current)
        if let first = disorder.first {
            let more = disorder.count > 1 ? " (and \(disorder.count - 1) more)" : ""
            notes.append("warning: percentiles out of order, \(first)\(more)")
        }
        return notes
    }

    /// The prominent warning when some metrics are report-only, or `nil`: what differs, which metrics it
    /// makes report-only, and what still gates.
    public var environmentWarning: String? {
        var parts: [String] = []
        if !environmentDifferences.isEmpty {
            let list = environmentDifferences.map(\.description).joined(separator: "; ")
            var text = "the environment differs from the baseline's: \(list). "
            if environmentDifferences.contains(where: { MetricClass.deterministic.isAffected(by: $0.field) }) {
                text +=
                    "Every metric is REPORT-ONLY (a different Swift version or architecture changes even "
                    + "allocation and instruction counts): regressions are shown as warnings and never fail"
            } else {
                text +=
                    "Timing and other machine-dependent metrics are REPORT-ONLY: their regressions are shown "
                    + "as warnings and never fail; deterministic metrics (allocation, byte and instruction counts) "
                    + "are still gated"
            }
            parts.append(text + " (pass --require-same-env to refuse instead).")
        }
        if current.environment.buildConfiguration == .debug && hasBaseline {
            parts.append(
                "both the baseline and the current results come from DEBUG builds; their numbers are not "
                    + "meaningful. The comparison is REPORT-ONLY.")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The results wholly on one side with `verdict` (`.new` or `.gone`), and the rows of that verdict for
    /// metrics of results present on both sides.
    /// - Complexity: O(rows).
    func oneSidedCounts(_ verdict: Verdict) -> (results: Int, metrics: Int) {
        let matching = rows.filter { $0.verdict == verdict }
        let results = Set(matching.filter(\.wholeResult).map(\.result)).count
        return (results, matching.count { !$0.wholeResult })
    }
}

extension CheckOutcome {
    /// What the summary's columns mean, in one paragraph (plain text; renderers escape it).
    var summaryLegend: String {
        "Counts are rows (one per metric). ~: no significant change (Mann–Whitney U, p ≥ "
            + "\(NumberText.significant(thresholds.alpha))). report only: metrics shown and never judged. new, gone: "
            + "metrics on one side only. Timing geomean: the geometric mean, over the suite's gated timing metrics "
            + "(times and rates; not the deterministic counts), of current/baseline (baseline/current for "
            + "higher-is-better), so above 0 % is worse; in brackets its 95 % interval, a bootstrap over each "
            + "metric's samples (seeded, \(GeomeanBootstrap.replicates) rounds), when every metric has ≥ \(thresholds.minimumSamples) "
            + "samples a side."
    }

    /// The rows that need a look first, in suite order: every regression and warning.
    var attentionRows: [(suite: String, row: MetricComparison)] {
        suites.flatMap { suite in
            suite.rows.filter { $0.verdict == .regression || $0.verdict == .warning }.map { (suite.suite, $0) }
        }
    }
}
