import PerfSupport

/// The human summary of threshold verdicts.
extension Threshold {
    /// An aligned table: metric, value, the three levels, and the verdict of each threshold; sizes (keys
    /// ending in `Bytes`) in binary units.
    public static func summaryTable(_ verdicts: [Verdict]) -> String {
        func short(_ value: Double?, bytes: Bool) -> String {
            guard let value else { return "-" }
            if bytes { return NumberText.bytes(value) }
            let decimals = value == value.rounded() ? 0 : abs(value) < 1 ? 4 : 2
            return NumberText.fixed(value, decimals: decimals)
        }
        var table = TextTable([
            .left("Threshold"), .right("value"), .right("target"), .right("warning"), .right("critical"),
            .left("verdict"),
        ])
        for verdict in verdicts {
            let bytes = verdict.threshold.metric.hasSuffix("Bytes")
            table.append([
                verdict.threshold.metric, verdict.value == nil ? "missing" : short(verdict.value, bytes: bytes),
                short(verdict.threshold.target, bytes: bytes), short(verdict.threshold.warning, bytes: bytes),
                short(verdict.threshold.critical, bytes: bytes), verdict.level.description,
            ])
        }
        return table.rendered()
    }
}
