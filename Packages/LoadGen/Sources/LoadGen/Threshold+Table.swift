/// The human summary of threshold verdicts.
extension Threshold {
    /// An aligned table: metric, value, the three levels, and the verdict of each threshold.
    public static func summaryTable(_ verdicts: [Verdict]) -> String {
        func short(_ value: Double?) -> String {
            guard let value else { return "-" }
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            return NumberText.fixed(value, abs(value) < 1 ? 4 : 2)
        }
        var rows = [["Threshold", "value", "target", "warning", "critical", "verdict"]]
        for verdict in verdicts {
            rows.append([
                verdict.threshold.metric, verdict.value == nil ? "missing" : short(verdict.value),
                short(verdict.threshold.target), short(verdict.threshold.warning), short(verdict.threshold.critical),
                verdict.level.description,
            ])
        }
        return NumberText.columns(rows).joined(separator: "\n")
    }
}
