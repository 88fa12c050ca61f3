import PerfResult
import PerfSupport

/// The HTML report (`--html`): one self-contained page (inline CSS and SVG, no script, nothing loaded
/// from anywhere), what matters first: the summary table (`#summary`: counts, timing geomean, notes) with the
/// report-only warnings, the headline figures, the regressions and warnings in full; then a section per
/// suite: environments, charts, and every row folded under `<details>`. Verdict marks are SVG icons
/// (`HTMLIcon`) with their text alternatives.
///
/// Charts, each drawn when its data is present:
/// - **baseline vs current**, one per metric key of the suite: bars relative to the baseline; for results
///   without a baseline (new), one chart per headline key of their current values (`current-only`);
/// - **latency percentiles** of each result with at least two of `latencyP50Ms`, `latencyP75Ms`,
///   `latencyP90Ms`, `latencyP95Ms`, `latencyP99Ms`, `latencyP99_9Ms`, `latencyP99_99Ms`,
///   `latencyMaxMs` (their values);
/// - **requests/s per second** from the samples of `requestsPerSec` (one per second, in order; one per round when
///   the report was merged from forks), titled with the figure the check compares;
/// - **heap over iterations** from the samples of `heapBytes` (one per sample, in order);
/// - any other metric whose threshold rule says `series`, from its samples;
/// - **against a parameter**: results sharing a name and differing in one numeric parameter
///   (`ParameterSweep`), each headline metric against it, one line per value of the other parameters.
extension CheckOutcome {
    /// The page.
    /// - Complexity: O(rows + samples).
    public func htmlReport() -> String {
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>Performance report</title>\n<style>\n\(HTMLStyle.css)</style>\n</head>\n<body>\n"
        page += "<h1>Performance report</h1>\n"
        let state = regressions == 0 ? "pass" : (strict ? "fail" : "warn")
        page += "<p id=\"verdict\" class=\"verdict \(state)\">\(HTML.escape(verdictLine))</p>\n"
        page +=
            "<p class=\"meta\">Thresholds: <code>\(HTML.escape(thresholdsSource))</code> · mode: "
            + (strict ? "strict (regressions fail)" : "warn (regressions do not fail)") + "</p>\n"
        page += htmlSummary()
        page += htmlHeadlineFigures()
        page += htmlAttention()
        page += "<h2>Suites</h2>\n"
        for (index, suite) in suites.enumerated() {
            page += section(suite, index: index)
        }
        if let trend { page += trend.htmlSection() }
        let legend = [Verdict.unchanged, .insignificant, .warning, .regression, .reported, .new, .gone].map { verdict in
            "\(HTMLIcon.verdict(verdict)) \(HTML.escape(verdict.name))"
        }
        page +=
            "<footer><p>\(legend.joined(separator: " · ")). A regression needs the threshold exceeded and, "
            + "with ≥ \(thresholds.minimumSamples) samples a side, p &lt; \(NumberText.significant(thresholds.alpha)) "
            + "(Mann–Whitney U); with fewer samples the threshold × "
            + "\(NumberText.significant(thresholds.lowConfidenceFactor)) decides. A warning is a regression that "
            + "cannot fail: low confidence, not reproduced in a re-run, or a metric made report-only by a "
            + "different environment.</p></footer>\n"
        page += "</body>\n</html>\n"
        return page
    }

    private func section(_ suite: SuiteComparison, index: Int) -> String {
        var html = "<section class=\"suite\" id=\"suite-\(index)\" data-suite=\"\(HTML.escape(suite.suite))\">\n"
        html += "<h2>\(HTML.escape(suite.suite))</h2>\n<dl class=\"env\">\n"
        html +=
            "<dt>current</dt><dd><code>\(HTML.escape(suite.currentPaths.joined(separator: ", ")))</code> · "
            + "\(HTML.escape(suite.current.environment.description))</dd>\n"
        if let baseline = suite.baseline {
            html +=
                "<dt>baseline</dt><dd><code>\(HTML.escape(suite.baselinePath))</code> · "
                + "\(HTML.escape(baseline.environment.description))</dd>\n"
        } else {
            html +=
                "<dt>baseline</dt><dd>none (<code>\(HTML.escape(suite.baselinePath))</code> does not exist): "
                + "every result is new; create it with <code>make perf-baseline</code></dd>\n"
        }
        html += "</dl>\n"
        if let warning = suite.environmentWarning {
            html += "<div class=\"env-warning\">\(HTMLIcon.warning()) \(HTML.escape(warning))</div>\n"
        }
        html += charts(suite)
        html += "<details class=\"all-rows\"><summary>All \(suite.rows.count) rows of \(HTML.escape(suite.suite))"
        html += "</summary>\n" + comparisonTable(suite) + "</details>\n"
        return html + "</section>\n"
    }

    private func comparisonTable(_ suite: SuiteComparison) -> String {
        var html =
            "<table class=\"comparisons\" data-suite=\"\(HTML.escape(suite.suite))\">\n<thead><tr>"
            + "<th>result</th><th>metric</th><th>unit</th><th>baseline</th><th>current</th><th>change</th>"
            + "<th>p</th><th>verdict</th></tr></thead>\n<tbody>\n"
        // Rows carry what the page checker (Scripts/check-html-report.sh) needs to know which charts must
        // exist: the metric, whether it is gated, and how many current samples it has.
        var previous: String?
        for row in suite.rows {
            var classes = "v-\(row.verdict.rawValue)"
            if row.result != previous { classes += " first" }
            previous = row.result
            var data = ""
            if let metric = row.metric { data += " data-metric=\"\(HTML.escape(metric))\"" }
            if let rule = row.rule { data += " data-gate=\"\(rule.gate)\"" }
            if let samples = row.current?.samples { data += " data-samples=\"\(samples.count)\"" }
            html +=
                "<tr class=\"\(classes)\"\(data)><td><code>\(HTML.escape(row.result))</code></td>"
                + "<td>\(HTML.escape(row.metricCell))</td><td>\(HTML.escape(row.unitCell))</td>"
                + "<td class=\"n\">\(row.baselineCell)</td><td class=\"n\">\(row.currentCell)</td>"
                + "<td class=\"n\">\(HTML.escape(row.changeCell))</td><td class=\"n\">\(HTML.escape(row.pCell))</td>"
                + "<td class=\"verdict-cell\">\(HTML.verdictCell(row))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func charts(_ suite: SuiteComparison) -> String {
        var html = ""
        // Gated metrics compared on both sides, grouped by key: a key of at least three results gets a
        // chart of its own, the rest share one.
        var keys: [String] = []
        var rowsByKey: [String: [MetricComparison]] = [:]
        for row in suite.rows where row.rule?.gate == true && row.baselineValue != nil && row.currentValue != nil {
            guard let key = row.metric else { continue }
            if rowsByKey[key] == nil { keys.append(key) }
            rowsByKey[key, default: []].append(row)
        }
        var bars = keys.filter { rowsByKey[$0]!.count >= 3 }.compactMap { key in
            HTMLCharts.baselineVersusCurrent(suite: suite.suite, key: key, rows: rowsByKey[key]!)
        }
        let rest = keys.filter { rowsByKey[$0]!.count < 3 }.flatMap { rowsByKey[$0]! }
        if let chart = HTMLCharts.baselineVersusCurrent(suite: suite.suite, key: nil, rows: rest) {
            bars.append(chart)
        }
        if !bars.isEmpty {
            html += "<h3>Baseline vs current</h3>\n" + bars.joined()
        }
        let currentOnly = HTMLCharts.currentValueGroups(suite.rows).compactMap { group in
            HTMLCharts.currentValues(suite: suite.suite, key: group.key, rows: group.rows)
        }
        if !currentOnly.isEmpty {
            html += "<h3>Current values of new results (no baseline yet)</h3>\n" + currentOnly.joined()
        }
        var curves: [String] = []
        var rates: [String] = []
        var heaps: [String] = []
        var services: [String] = []
        var others: [String] = []
        for result in suite.current.results {
            let old = suite.baseline?.result(named: result.name)
            if let chart = HTMLCharts.latencyCurve(suite: suite.suite, current: result, baseline: old) {
                curves.append(chart)
            }
            for metric in result.metrics where metric.samples != nil {
                let rule = thresholds.rule(suite: suite.suite, result: result.name, metric: metric)
                let before = old?[metric.key]
                let chart: String?
                switch metric.key {
                case "requestsPerSec":
                    let rounds = (suite.current.environment.forks ?? 1) > 1
                    chart = HTMLCharts.series(
                        kind: "rps-series", suite: suite.suite, result: result.name, key: metric.key, current: metric,
                        baseline: before,
                        title: rounds
                            ? "requests/s per round (the compared figure: their median)"
                            : "requests/s per second (the compared figure: the whole run's rate)",
                        xLabel: rounds ? "round" : "second")
                    if let chart { rates.append(chart) }
                case "heapBytes":
                    chart = HTMLCharts.series(
                        kind: "heap-series", suite: suite.suite, result: result.name, key: metric.key, current: metric,
                        baseline: before, title: "heap over iterations", xLabel: "sample (in iteration order)")
                    if let chart { heaps.append(chart) }
                case "serviceRssMeanBytes", "serviceCpuPercent":
                    let rss = metric.key == "serviceRssMeanBytes"
                    chart = HTMLCharts.series(
                        kind: "service-series", suite: suite.suite, result: result.name, key: metric.key,
                        current: metric, baseline: before,
                        title: rss
                            ? "service RSS per second (each second's largest; the compared figure: the mean)"
                            : "service CPU per second (% of one core)",
                        xLabel: "second")
                    if let chart { services.append(chart) }
                default:
                    guard rule.series else { continue }
                    chart = HTMLCharts.series(
                        kind: "series", suite: suite.suite, result: result.name, key: metric.key, current: metric,
                        baseline: before, title: "\(metric.key) per sample", xLabel: "sample")
                    if let chart { others.append(chart) }
                }
            }
        }
        if !curves.isEmpty { html += "<h3>Latency percentiles</h3>\n" + curves.joined() }
        if !rates.isEmpty { html += "<h3>Requests per second over time</h3>\n" + rates.joined() }
        if !heaps.isEmpty { html += "<h3>Heap over iterations</h3>\n" + heaps.joined() }
        if !services.isEmpty { html += "<h3>The service under load over time</h3>\n" + services.joined() }
        if !others.isEmpty { html += "<h3>Other series</h3>\n" + others.joined() }
        let sweeps = ParameterSweep.sweeps(in: suite.current.results).flatMap { sweep in
            sweep.keys.compactMap { HTMLCharts.parameterCurve(suite: suite.suite, sweep: sweep, key: $0) }
        }
        if !sweeps.isEmpty { html += "<h3>Against a parameter</h3>\n" + sweeps.joined() }
        return html
    }
}

/// The page's stylesheet: light, readable, print-friendly; the charts' colours by class.
enum HTMLStyle {
    static let css = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #212121; margin: 24px auto;
               max-width: 1100px; padding: 0 16px; }
        h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 36px; border-bottom: 1px solid #ddd; }
        h3 { font-size: 15px; margin-top: 24px; }
        code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; }
        .verdict { font-weight: bold; padding: 8px 12px; border-radius: 4px; }
        .verdict.pass { background: #e8f5e9; } .verdict.warn { background: #fff3e0; } .verdict.fail { background: #ffebee; }
        .meta, .suite-summary, dl.env { color: #424242; }
        dl.env dt { float: left; width: 70px; font-weight: bold; } dl.env dd { margin-left: 80px; }
        .env-warning { background: #fff3e0; border-left: 4px solid #ef8f00; padding: 8px 12px; font-weight: bold; }
        table { border-collapse: collapse; margin: 12px 0; font-size: 13px; }
        th, td { border-bottom: 1px solid #eee; padding: 3px 8px; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.v-regression { background: #ffebee; } tr.v-warning { background: #fff8e1; } tr.v-reported { color: #757575; }
        tr.v-improved { background: #e8f5e9; } tr.v-new, tr.v-gone { background: #f3f6fb; }
        tr.first td { border-top: 1px solid #cfd8dc; }
        svg.icon { vertical-align: -2px; }
        .badge { font-size: 11px; padding: 0 5px; border-radius: 3px; background: #e3e8f0; color: #37474f; }
        details.all-rows > summary { cursor: pointer; font-weight: bold; margin: 12px 0; }
        table.headline td, table.summary td:first-child { white-space: nowrap; } td.notes { color: #8d5a00; }
        figure.chart { margin: 12px 0 20px; } figure.chart svg { max-width: 100%; height: auto; }
        figcaption { color: #616161; font-size: 12px; }
        .label { font: 11px system-ui, sans-serif; fill: #212121; } .change { fill: #424242; }
        .grid { stroke: #e6e6e6; } .baseline-line { stroke: #9e9e9e; stroke-dasharray: 3 3; }
        .axis { stroke: #757575; }
        .bar-baseline { fill: #c7c7c7; }
        .bar-current { fill: #1565c0; } .bar-current.v-regression { fill: #c62828; }
        .bar-current.v-warning { fill: #ef8f00; } .bar-current.v-improved { fill: #2e7d32; }
        .bar-current.v-insignificant { fill: #78909c; }
        .whisker { stroke: #212121; stroke-width: 1.5; } .limit { stroke: #d50000; stroke-width: 2; }
        .series-current { fill: none; stroke: #1565c0; stroke-width: 2; }
        .series-baseline { fill: none; stroke: #9e9e9e; stroke-width: 2; stroke-dasharray: 6 4; }
        .dot-current { fill: #1565c0; } .dot-baseline { fill: #9e9e9e; }
        .sweep-line { stroke-width: 2; } polyline.sweep-line, line.sweep-line { fill: none; }
        .sweep-0 { stroke: #1565c0; fill: #1565c0; } .sweep-1 { stroke: #ef6c00; fill: #ef6c00; }
        .sweep-2 { stroke: #2e7d32; fill: #2e7d32; } .sweep-3 { stroke: #6a1b9a; fill: #6a1b9a; }
        .sweep-4 { stroke: #00838f; fill: #00838f; } .sweep-5 { stroke: #5d4037; fill: #5d4037; }
        .segment-mean { stroke: #616161; stroke-width: 1.5; stroke-dasharray: 3 3; }
        .changepoint { stroke-width: 1.5; stroke-dasharray: 5 3; } .changepoint.regression { stroke: #c62828; }
        .changepoint.improved { stroke: #2e7d32; }
        .changepoint-label.regression { fill: #c62828; } .changepoint-label.improved { fill: #2e7d32; }
        footer { margin-top: 40px; color: #616161; font-size: 12px; border-top: 1px solid #ddd; }

        """
}
