public import PerfSupport

extension Report {
    /// A table of a merged report for people: per result, each of `keys` it has as its median over the forks, the
    /// 95 % interval for another run's median (`RepeatInterval`, from the spread between forks) and the forks'
    /// range; exact counts print once when every fork agrees.
    ///
    /// The uncertainty is the spread between processes, not inside one: that is what the next run will show.
    /// - Complexity: O(*r* × *k* × *f* log *f*) for *r* results, *k* keys and *f* forks.
    public func forkTable(keys: [String], colors: TerminalColors = TerminalColors(isTerminal: false, environment: [:]))
        -> String
    {
        var table = TextTable([
            .left("result"), .left("metric"), .right("median"), .right("±95 %"), .right("forks' range"),
        ])
        for result in results {
            for key in keys {
                guard let metric = result[key] else { continue }
                let samples = metric.samples ?? [metric.value]
                let range =
                    "\(Report.format(samples.min() ?? metric.value, metric.unit))–"
                    + Report.format(samples.max() ?? metric.value, metric.unit)
                let agree = Set(samples).count == 1
                let spread = RepeatInterval(samples).map {
                    "±" + NumberText.fixed($0.relativeHalfWidthPercent, decimals: 1) + " %"
                }
                table.append([
                    result.name, key, Report.format(metric.value, metric.unit) + Report.suffix(metric.unit),
                    agree ? "exact" : (spread ?? "-"), agree ? "" : range,
                ])
            }
        }
        let forks = environment.forks.map { "\($0) forks" } ?? "1 process"
        return "\(suite): \(forks); ±95 % is where another run of as many forks is expected to land\n"
            + table.rendered(indent: "  ", colors: colors)
    }

    private static func suffix(_ unit: Metric.Unit) -> String {
        switch unit {
        case .count, .ratio: return ""
        case .bytes: return " B"
        default: return " " + unit.rawValue
        }
    }

    private static func format(_ value: Double, _ unit: Metric.Unit) -> String {
        switch unit {
        case .count, .bytes: return NumberText.count(value)
        default: return NumberText.significant(value, digits: 4)
        }
    }
}
