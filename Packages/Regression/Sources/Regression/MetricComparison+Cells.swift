import PerfResult
import PerfSupport

/// The texts of a row's cells, shared by the terminal table, the Markdown and the HTML reports.
extension MetricComparison {
    /// The metric key, or empty for a whole result.
    public var metricCell: String { metric ?? "" }

    /// The unit, e.g. `ns`.
    public var unitCell: String { unit?.rawValue ?? "" }

    /// The baseline figure, four significant digits.
    public var baselineCell: String { baselineValue.map { NumberText.significant($0) } ?? "" }

    /// The current figure, four significant digits.
    public var currentCell: String { currentValue.map { NumberText.significant($0) } ?? "" }

    /// The signed change, `+12.5 %`; `from 0` when the baseline is zero.
    public var changeCell: String {
        if let change { return NumberText.change(change) }
        guard let baselineValue, let currentValue else { return "" }
        if baselineValue == 0 && currentValue == 0 { return "0.0 %" }
        return "from 0"
    }

    /// The p-value when a test ran, `<0.0001` below that.
    public var pCell: String { pValue.map(NumberText.pValue) ?? "" }

    /// The limit that applied, signed in the direction of worse: `+10 %`, `-20 %`, `+15 %`,
    /// `exact`, with `floor N` when there is one.
    public var limitText: String? {
        guard let rule, let better = (current ?? baseline)?.better else { return nil }
        if rule.exact { return "exact" }
        let limit = self.limit ?? rule.maxRegression
        var text =
            (better == .lower ? "+" : "-") + NumberText.fixed(limit * 100, decimals: 1, trimmingZeros: true) + " %"
        if rule.floor > 0 { text += ", floor \(NumberText.significant(rule.floor))" }
        return text
    }

    /// The verdict with its reason, mark first: `✗ REGRESSION (limit +10 %)`, `! warning (low confidence, …)`,
    /// `✓ ok (low confidence)`, `✓ improved`, `~`, `· report only`, `new`.
    public var verdictText: String {
        let detail = verdictDetail
        return detail.isEmpty ? verdict.symbol : "\(verdict.symbol) \(detail)"
    }

    /// The verdict's words without its mark, for a cell that draws the mark as an icon:
    /// `REGRESSION (limit +10 %)`, `warning (low confidence, …)`, `ok`, `improved`, `report only`; empty for
    /// `~`, new and gone, whose mark says it all.
    public var verdictDetail: String {
        if verdict == .reported { return "report only" }
        var details: [String] = []
        if let note, note != "exact" { details.append(note) }
        switch verdict {
        case .regression, .warning:
            if let limitText { details.append("limit \(limitText)") }
        default:
            break
        }
        var text: String
        switch verdict {
        case .regression: text = "REGRESSION"
        case .warning: text = "warning"
        case .improved: text = "improved"
        case .unchanged: text = "ok"
        case .insignificant, .new, .gone, .reported: text = ""
        }
        if !details.isEmpty { text += (text.isEmpty ? "" : " ") + "(" + details.joined(separator: ", ") + ")" }
        return text
    }
}
