import PerfResult

/// Everything a run measured, in case order, and what follows from it: the results and the bars.
///
/// Pure data: tests build it from synthetic rounds.
struct PoolsRun: Sendable, Equatable {
    /// One case's record.
    enum Record: Sendable, Equatable {
        case single(SingleThreadRecord)
        case threads(ThreadsRecord)

        var name: String {
            switch self {
            case let .single(record): return record.name
            case let .threads(record): return record.name
            }
        }
    }

    var records: [Record]

    /// The per-round `figure` of the case `name`, or `nil` when it did not run or has no such figure.
    func figures(of name: String, _ figure: Bar.Figure) -> [Double]? {
        guard let record = records.first(where: { $0.name == name }) else { return nil }
        switch (record, figure) {
        case let (.single(record), .nsPerOp):
            return record.rounds.map(\.p50)
        case let (.threads(record), .nsPerOp):
            return record.rounds.map(\.nanosecondsPerOperation)
        case let (.threads(record), .opsPerSec):
            return record.rounds.map(\.opsPerSecond)
        case let (.threads(record), .opsPerCpuSec):
            let rates = record.rounds.compactMap(\.opsPerCPUSecond)
            return rates.count == record.rounds.count ? rates : nil
        case (.single, _):
            return nil
        }
    }

    /// Every bar whose two cases both ran, evaluated, in `Bar.all` order.
    func outcomes() -> [BarOutcome] {
        Bar.all.compactMap { bar in
            guard let subject = figures(of: bar.subject, bar.figure),
                let baseline = figures(of: bar.baseline, bar.figure)
            else { return nil }
            return BarOutcome.evaluate(bar, subject: subject, baseline: baseline)
        }
    }

    /// The results in case order, each bar's ratio added to its subject's result.
    func results() -> [Result] {
        var results = records.map { record in
            switch record {
            case let .single(record): return record.result()
            case let .threads(record): return record.result()
            }
        }
        for outcome in outcomes() {
            guard let index = results.firstIndex(where: { $0.name == outcome.bar.subject }) else { continue }
            do {
                try results[index].add(outcome.metric)
            } catch {
                preconditionFailure("cannot add \(outcome.bar.metricKey) to \(outcome.bar.subject): \(error)")
            }
        }
        return results
    }

    /// The report of suite `pools`.
    func report(environment: Environment) -> Report {
        do {
            return try Report(suite: "pools", environment: environment, results: results())
        } catch {
            preconditionFailure("cannot build the pools report: \(error)")
        }
    }
}
