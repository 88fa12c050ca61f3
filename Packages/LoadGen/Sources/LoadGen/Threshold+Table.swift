import PerfSupport

/// The human summary of threshold verdicts.
extension Threshold {
    /// An aligned table: metric, value, the three levels, and the verdict of each threshold.
    public static func summaryTable(_ verdicts: [Verdict]) -> String {
        func short(_ value: Double?) -> String {
            guard let value else { return "-" }
            let decimals = value == value.rounded() ? 0 : abs(value) < 1 ? 4 : 2
            return NumberText.fixed(value, decimals: decimals)
        }
        var table = TextTable([
            .left("Threshold"), .right("value"), .right("target"), .right("warning"), .right("critical"),
            .left("verdict"),
        ])
        for verdict in verdicts {
            table.append([
                verdict.threshold.metric, verdict.value == nil ? "missing" : short(verdict.value),
                short(verdict.threshold.target), short(verdict.threshold.warning), short(verdict.threshold.critical),
                verdict.level.description,
            ])
        }
        return table.rendered()
    }
}
