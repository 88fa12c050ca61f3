import DemoService
import PerfResult
import PerfSupport

/// The suite: rounds of the pipeline case and the queue case (pipeline then queue in odd rounds, queue then
/// pipeline in even ones), their figures as medians over the rounds with the rounds as samples, and the targets.
struct ServiceSuite {
    let options: Options

    /// The figures of a whole run.
    struct Outcome {
        var pipeline: [ConcurrentPipeline.Round]
        var queue: [QueueThroughput.Round]
    }

    /// Runs every round, printing a line per round.
    func run() -> Outcome {
        let pipeline = ConcurrentPipeline(
            clients: options.clients, window: options.effectiveWindow, service: ConcurrentPipeline.makeService())
        let queue = QueueThroughput(publishers: options.publishers, window: options.effectiveWindow)
        var outcome = Outcome(pipeline: [], queue: [])
        for round in 1...options.effectiveRounds {
            for step in round % 2 == 1 ? [0, 1] : [1, 0] {
                if step == 0 {
                    let measured = pipeline.run()
                    outcome.pipeline.append(measured)
                    print(
                        "round \(round)  pipeline  \(options.clients) clients  "
                            + "\(NumberText.fixed(measured.requestsPerSec, decimals: 0)) req/s  "
                            + "p95 \(NumberText.fixed(measured.latencyMs(0.95), decimals: 3)) ms  "
                            + "p99 \(NumberText.fixed(measured.latencyMs(0.99), decimals: 3)) ms  "
                            + "failures \(measured.failures)")
                } else {
                    let measured = queue.run()
                    outcome.queue.append(measured)
                    print(
                        "round \(round)  queue     \(options.publishers) publishers  "
                            + "\(NumberText.fixed(measured.messagesPerSec, decimals: 0)) messages/s")
                }
            }
        }
        return outcome
    }

    /// The results: `concurrency/pipeline[clients=N]` and `queue/topicStore[publishers=N]`, each with its target
    /// as a limit.
    static func results(_ outcome: Outcome, options: Options) -> [Result] {
        func median(_ values: [Double]) -> Double { SortedSample(values).median }
        let rounds = outcome.pipeline
        let p50 = rounds.map { $0.latencyMs(0.5) }
        let p95 = rounds.map { $0.latencyMs(0.95) }
        let p99 = rounds.map { $0.latencyMs(0.99) }
        let rates = rounds.map(\.requestsPerSec)
        let requests = rounds.reduce(0) { $0 + $1.latenciesNs.count }
        let failures = rounds.reduce(0) { $0 + $1.failures }
        var pipeline = try! Result(
            name: "concurrency/pipeline", parameters: ["clients": String(options.clients)],
            metrics: [
                .latencyP50Ms(median(p50), samples: p50), .latencyP95Ms(median(p95), samples: p95),
                .latencyP99Ms(median(p99), samples: p99),
                .latencyMaxMs((rounds.compactMap { $0.latenciesNs.last }.max() ?? 0) / 1e6),
                .requestsPerSec(median(rates), samples: rates),
                .errorRate(requests == 0 ? 0 : Double(failures) / Double(requests)),
            ])
        pipeline.limits = [ServiceTarget.concurrentP95.key: ServiceTarget.concurrentP95.limit]
        let messageRates = outcome.queue.map(\.messagesPerSec)
        var queue = try! Result(
            name: "queue/topicStore", parameters: ["publishers": String(options.publishers)],
            metrics: [
                try! Metric(
                    key: "messagesPerSec", value: median(messageRates), unit: .perSecond, better: .higher,
                    samples: messageRates)
            ])
        queue.limits = [ServiceTarget.queueRate.key: ServiceTarget.queueRate.limit]
        return [pipeline, queue]
    }

    /// Each target against its figure: (result, target, figure, met).
    static func verdicts(_ results: [Result]) -> [(result: String, target: ServiceTarget, value: Double, met: Bool)] {
        [ServiceTarget.concurrentP95, ServiceTarget.queueRate].compactMap { target in
            guard let result = results.first(where: { $0.limits[target.key] != nil }),
                let value = result[target.key]?.value
            else { return nil }
            return (result.name, target, value, target.met(by: value))
        }
    }

    /// The table: one row per target, with the figure (median of the rounds), the target and pass or fail.
    static func table(_ verdicts: [(result: String, target: ServiceTarget, value: Double, met: Bool)]) -> String {
        var table = TextTable([.left("result"), .left("metric"), .right("value"), .right("target"), .left("verdict")])
        for verdict in verdicts {
            let value =
                verdict.target.key == "messagesPerSec"
                ? NumberText.grouped(Int(verdict.value.rounded())) + " msg/s"
                : NumberText.fixed(verdict.value, decimals: 3) + " ms"
            table.append([
                verdict.result, verdict.target.key, value, verdict.target.text, verdict.met ? "pass" : "FAIL",
            ])
        }
        return table.rendered()
    }
}
