import MemProbe
import PerfResult
import PerfSupport
import SuiteTestSupport
import Testing
import ViewModelPool

@testable import perf_viewmodel

/// The workloads' logic: feeds, the baseline list, results. Timing decides nothing here.
@MainActor @Suite struct WorkloadTests {
    @Test func theFeedReplacesTenPercentPerTickDeterministically() {
        var first = ChatFeed(rows: 1000, churn: 0.1, seed: 5)
        var second = ChatFeed(rows: 1000, churn: 0.1, seed: 5)
        let before = Set(first.messages.map(\.id))
        first.advance()
        second.advance()
        #expect(first.messages == second.messages)
        #expect(first.messages.count == 1000)
        #expect(Set(first.messages.map(\.id)).subtracting(before).count == 100)
        #expect(Set(first.messages.map(\.id)).count == 1000)
    }

    @Test func theDemoFeedKeepsItsLimit() {
        var feed = ChatFeed(rows: 20, churn: 0, editedPerTick: 0, seed: 1)
        feed.append(15, limit: 20)
        #expect(feed.messages.count == 20)
        #expect(feed.messages.last?.id == 35)
        feed.removeRandom(3)
        #expect(feed.messages.count == 17)
    }

    @Test func thePlainListAndThePooledListShowTheSameRows() {
        var feed = ChatFeed(rows: 200, churn: 0.1, seed: 2)
        let plain = PlainKeyedList<RowModel>()
        let pooled = PooledList(pool: ViewModelPool<RowModel>())
        for _ in 0..<20 {
            feed.advance()
            plain.update(feed.messages)
            pooled.update(feed.messages)
            #expect(plain.rows.map(\.messageID) == pooled.rows.map(\.id))
            #expect(plain.rows.map(\.text) == pooled.rows.map(\.model.text))
        }
        #expect(plain.created == 200 + 19 * 20) // the first update creates every row
    }

    @Test func rowModelsResetCompletely() {
        let row = RowModel()
        row.configure(with: ChatMessage(id: 4, author: "ana", text: "hi", timestamp: 3723, isUnread: true))
        row.onTap = {}
        #expect(row.timeText == Array("01:02:03".utf8))
        row.prepareForReuse()
        #expect(row.resetDifferences() == [])
        let observable = ChatRowModel()
        observable.configure(with: ChatMessage(id: 4, author: "ana", text: "hi", timestamp: 3723, isUnread: true))
        #expect(observable.timeString == "01:02:03")
        observable.prepareForReuse()
        #expect(observable.resetDifferences() == [])
    }

    @Test func thePooledChurnCreatesNoViewModelsInSteadyStateAndLeaksNothing() throws {
        let run = ProcessWideAllocations.exclusively { CaseRun.churn(.pooled, model: .plainClass, ticks: 200, seed: 1) }
        #expect(run.measurement.viewModelsCreatedPerOperation == 0)
        #expect(run.measurement.failedChecks == 0)
        #expect(!run.leaked)
        #expect(run.viewModelsAlive == 1000)
        let result = try run.result()
        #expect(result.name == "churn/pooled[churnPercent=10,model=class,rows=1000]")
        for key in ["nsPerOp", "p50Ns", "p99Ns", "viewModelAllocsPerOp", "viewModelsAlive", "hitRate"] {
            #expect(result[key] != nil, "\(key)")
        }
        // The leak check needs MemProbe's counter, compiled out of sanitizer builds: no verdict there.
        #expect((result["leakDetected"] != nil) == !AllocationCounter.isCompiledOutForSanitizer)
        #expect(result["viewModelAllocsPerOp"]?.better == .lower)
        #expect(result["nsPerOp"]?.samples?.isEmpty == false)
        #expect(result["peakRssBytes"] == nil)
    }

    @Test func thePlainChurnCreatesTheReplacedRowsEachTick() {
        let run = ProcessWideAllocations.exclusively { CaseRun.churn(.plain, model: .plainClass, ticks: 100, seed: 1) }
        #expect(run.measurement.viewModelsCreatedPerOperation == 100)
        #expect(run.poolStats == nil)
    }

    @Test func mountUnmountLeavesNoLiveViewModels() throws {
        let run = ProcessWideAllocations.exclusively {
            CaseRun.mountUnmount(.pooled, model: .observable, cycles: 100, seed: 1)
        }
        #expect(run.measurement.failedChecks == 0)
        #expect(run.rows == 0)
        #expect(run.poolStats?.live == 0)
        #expect(run.measurement.viewModelsCreatedPerOperation == 0)
        #expect(try run.result().name == "mountUnmount/pooled[model=observable,rows=50,updates=4]")
    }

    @Test func theDemoStatsLineShowsThePool() {
        let line = ChatDemo.statsLine(
            frame: 3, frames: 10, changes: ChangeSummary(inserted: 2, removed: 1, kept: 5),
            stats: ViewModelPoolStats(created: 9, reused: 4, released: 6, discarded: 0, idle: 2, peakLive: 7))
        #expect(line == "frame 3/10  +2 −1 kept 5  |  pool: created 9 reused 4 released 6 discarded 0 idle 2 live 7")
    }

    @Test func percentilesInterpolateAfterWarmupAsMicroBenchDoes() {
        let measurement = Measurement(
            nanoseconds: [1_000, 10, 20, 30, 40], allocations: [], bytes: [], steadyFrom: 1, sampleEvery: 2,
            viewModelsCreated: [0, 0, 0, 0, 0], initialViewModelsCreated: 0, failedChecks: 0,
            leak: LeakReport(samples: [], configuration: LeakCheck.Configuration()))
        #expect(measurement.percentiles.p50 == 25)
        #expect(abs(measurement.percentiles.p99 - 39.7) < 1e-9)
        #expect(measurement.meanNanoseconds == 25)
        #expect(measurement.batchMeans == [15, 35])
        #expect(measurement.allocationsPerOperation == nil)
    }

    @Test func theDemoColoursAuthorsOnlyWhenColoursAreOn() {
        let model = ChatRowModel()
        model.configure(with: ChatMessage(id: 1, author: "ana", text: "hi", timestamp: 3723, isUnread: false))
        let plain = TerminalOutput(colors: .disabled, isTerminal: true).line(for: model, width: 80)
        #expect(plain == "01:02:03   ana: hi")
        let coloured = TerminalOutput(colors: TerminalColors(isEnabled: true), isTerminal: true)
        #expect(coloured.line(for: model, width: 80).contains("\u{1B}["))
        #expect(ANSIStyle.withoutEscapes(coloured.line(for: model, width: 80)) == plain)
        let noColor = TerminalColors(isTerminal: true, environment: ["NO_COLOR": "1"])
        #expect(TerminalOutput(colors: noColor, isTerminal: true).line(for: model, width: 80) == plain)
    }
}
