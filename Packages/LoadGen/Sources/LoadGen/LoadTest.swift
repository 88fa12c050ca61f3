import PerfSupport
import Synchronization

/// A load test: configure it, run it (blocking), get a `LoadResult`. Tests and suites drive it
/// in-process; the `loadgen` tool is a thin shell around it.
///
/// ```swift
/// var configuration = LoadConfiguration(target: try Target(url: "http://127.0.0.1:8080/"))
/// configuration.duration = .seconds(5)
/// let test = try LoadTest(configuration)
/// let result = try test.run { progress in
///     for second in progress.newSeconds { print(second.requests) }
/// }
/// print(result.requestsPerSecond, result.latency.value(atPercentile: 99))
/// ```
///
/// `run` starts one thread per `effectiveThreads`, each with its own epoll loop and share of the
/// connections, and calls `progress` on the calling thread about every 100 ms. `stop()` (from any
/// thread) ends the measured window early; requests in flight still drain.
public final class LoadTest: Sendable {
    /// The validated configuration.
    public let configuration: LoadConfiguration
    private let control: RunControl
    private let started = Atomic<Bool>(false)

    /// Validates `configuration`.
    /// - Throws: `LoadGenError.invalidField` naming the setting at fault.
    public init(_ configuration: LoadConfiguration) throws(LoadGenError) {
        try configuration.validate()
        self.configuration = configuration
        control = RunControl(workers: configuration.effectiveThreads, secondsKept: configuration.secondsKept)
    }

    /// Ends the measured window now; `run` returns after the grace period. Safe from any thread,
    /// including a signal-handling one.
    public func stop() {
        control.stopRequested.store(true, ordering: .relaxed)
    }

    /// The figures of the running test so far (`LiveFigures`), from the seconds its threads handed over: they
    /// lag by up to a second. Safe from any thread; empty before the measured window.
    public func liveFigures() -> LiveFigures {
        control.seconds.live()
    }

    /// Runs the test to its end.
    ///
    /// - Parameter progress: called on the calling thread about every 100 ms with the seconds finished
    ///   since the previous call.
    /// - Throws: `LoadGenError.unresolvableHost`, or `.systemCallFailed` when threads or epoll cannot
    ///   be set up; `.requiresLinux` on other systems (the engine is epoll). Network errors during the run
    ///   are counted in the result, never thrown.
    /// - Precondition: `run` is called once per `LoadTest`.
    public func run(progress: (LoadProgress) -> Void = { _ in }) throws(LoadGenError) -> LoadResult {
        precondition(!started.exchange(true, ordering: .relaxed), "a LoadTest runs once; create another")
        #if os(Linux)
        return try runEngine(progress: progress)
        #else
        throw .requiresLinux(feature: LoadGenError.engine)
        #endif
    }

    #if os(Linux)
    /// The run itself: one epoll `WorkerLoop` per thread.
    private func runEngine(progress: (LoadProgress) -> Void) throws(LoadGenError) -> LoadResult {
        let configuration = self.configuration
        let address = try configuration.target.resolveIPv4()
        let workers = configuration.effectiveThreads
        let pool = configuration.connectionPool
        let schedule = LoadSchedule(warmup: configuration.warmup, stages: configuration.effectiveStages)
        let now = MonotonicClock.now()
        let wallNow = WallClock.nanosecondsSinceEpoch()
        // A start time by the wall clock becomes a monotonic one here, once; one already past starts at once.
        let startNs = configuration.startAtEpochNs.map { now + UInt64(max(0, $0 - wallNow)) } ?? now + 20_000_000
        let measureStartNs = startNs + schedule.warmupNs
        let deadlineNs = startNs + schedule.totalNs
        // https: libssl is loaded here, and only here (plain HTTP never loads it).
        let target = configuration.target
        let tls = try target.isTLS ? TLSContext.client(configuration.tls) : nil
        var threads: [PosixThread] = []
        for index in 0..<workers {
            let plan = WorkerPlan(
                index: index, workers: workers, address: address, port: UInt16(configuration.target.port),
                requests: configuration.requests.map { $0.encoded(for: configuration.target) },
                headRequests: configuration.requests.map(\.isHead),
                connections: pool / workers + (index < pool % workers ? 1 : 0),
                pipelining: configuration.pipelining, model: configuration.model, schedule: schedule,
                countShare: configuration.count.map { UInt64($0 / workers + (index < $0 % workers ? 1 : 0)) },
                timeoutNs: configuration.timeout.nanosecondsClamped, graceNs: configuration.grace.nanosecondsClamped,
                lateThresholdNs: configuration.lateThreshold.nanosecondsClamped, startNs: startNs,
                measureStartNs: measureStartNs, deadlineNs: deadlineNs, control: control, tls: tls,
                serverName: target.hostIsAddress ? nil : target.host,
                verifyHost: configuration.tls.verify ? target.host : nil, tlsSettings: configuration.tls)
            do {
                threads.append(try PosixThread.start { LoadTest.runWorker(plan) })
            } catch {
                stop()
                for thread in threads { thread.join() }
                throw error
            }
        }
        var cursor = 0
        while control.finishedWorkers.load(ordering: .acquiring) < workers {
            PosixThread.sleep(nanoseconds: 100_000_000)
            // The totals are the aggregator's, over every finished second, kept or not.
            let seconds = control.seconds.progress(since: cursor)
            cursor = seconds.cursor
            let current = MonotonicClock.now()
            let phase: LoadProgress.Phase =
                current < measureStartNs ? .warmup : current < deadlineNs ? .measuring : .draining
            progress(
                LoadProgress(
                    phase: phase, elapsed: .nanoseconds(Int64(current > startNs ? current - startNs : 0)),
                    measuredDuration: configuration.measuredDuration, newSeconds: seconds.newSeconds,
                    latestSecond: seconds.latest, completed: seconds.completed, errors: seconds.errors))
        }
        for thread in threads { thread.join() }
        let outcomes = control.collectedOutcomes()
        if let failure = outcomes.compactMap(\.failure).first { throw failure }
        var result = assemble(
            outcomes, measureStartNs: measureStartNs,
            startedAtEpochNs: wallNow + Int64(measureStartNs - now))
        if let woke = outcomes.map(\.startedNs).filter({ $0 > 0 }).min() {
            result.actualStartEpochNs = wallNow + Int64(woke) - Int64(now)
        }
        result.shard = configuration.shard
        return result
    }

    private static func runWorker(_ plan: WorkerPlan) {
        var outcome: WorkerOutcome
        do {
            var loop = try WorkerLoop(plan: plan)
            outcome = loop.run()
        } catch {
            outcome = WorkerOutcome()
            outcome.failure = error
        }
        plan.control.seconds.retire()
        plan.control.report(outcome)
    }
    #endif

    private func assemble(_ outcomes: [WorkerOutcome], measureStartNs: UInt64, startedAtEpochNs: Int64) -> LoadResult {
        let tally = outcomes.reduce(Tally()) { $0 + $1.tally }
        var corrected = LatencyHistogram()
        var uncorrected = LatencyHistogram()
        var statuses = [UInt64](repeating: 0, count: WorkerOutcome.statusSlots)
        for outcome in outcomes {
            corrected.merge(outcome.corrected)
            uncorrected.merge(outcome.uncorrected)
            for (status, count) in outcome.statusCounts.enumerated() { statuses[status] += count }
        }
        var statusCounts: [Int: UInt64] = [:]
        for (status, count) in statuses.enumerated() where count > 0 { statusCounts[status] = count }
        let end = outcomes.map(\.measureEndNs).max() ?? measureStartNs
        let configuration = self.configuration
        let series = control.seconds.finalSeries()
        return LoadResult(
            target: configuration.target.description, model: configuration.model,
            connections: configuration.connectionPool, threads: configuration.effectiveThreads,
            pipelining: configuration.pipelining,
            targetRate: configuration.stages.isEmpty ? configuration.rate : nil, startedAtEpochNs: startedAtEpochNs,
            windowNs: end > measureStartNs ? end - measureStartNs : 0, sent: tally.sent,
            warmupSent: tally.warmupSent, warmupSkipped: tally.warmupSkipped, completed: tally.completed,
            completedInWindow: tally.completedInWindow,
            drained: tally.drained, abandoned: tally.abandoned, late: tally.late, dropped: tally.dropped,
            censored: tally.censored,
            bytesInWindow: tally.bytesInWindow, httpErrors: tally.httpErrors, outOfRange: tally.outOfRange,
            errors: tally.errors, statusCounts: statusCounts, latency: corrected, uncorrectedLatency: uncorrected,
            perSecond: series.seconds, secondsDropped: series.dropped,
            clientCPUNs: outcomes.reduce(0) { $0 + $1.cpuNs },
            tls: outcomes.compactMap(\.tls).reduce(nil) { $0?.merged(with: $1) ?? $1 })
    }
}
