import PerfSupport

extension Options {
    /// The text of `--list`: the selected cases, then the bars.
    static func list(_ cases: [PoolCase]) -> String {
        var table = TextTable([.left("case"), .left("measures")])
        for poolCase in cases { table.append([poolCase.name, poolCase.summary]) }
        var lines = ["Cases (result names):", table.rendered(indent: "  ")]
        lines.append("Bars and references (metric on the first case):")
        for bar in Bar.all {
            let limit = bar.limit?.text ?? "no limit"
            lines.append("  \(bar.label): \(bar.metricKey), \(limit)\(bar.isReference ? " (reference)" : "")")
        }
        return lines.joined(separator: "\n")
    }
}
