import PerfResult
import Testing

@testable import MicroBench

/// A site recorder that logs its calls and answers a fixed recording.
final class ScriptedSiteRecorder: AllocationSiteRecorder {
    let availability: ProbeAvailability
    let recording: AllocationSiteRecording
    private(set) var events: [String] = []

    init(_ recording: AllocationSiteRecording, availability: ProbeAvailability = .available) {
        self.recording = recording
        self.availability = availability
    }

    func start(frames: Int) { events.append("start(\(frames))") }
    func stop() { events.append("stop") }
    func lastWindow() -> AllocationSiteRecording {
        events.append("lastWindow")
        return recording
    }
}

private func frame(_ function: String?, file: String? = nil, fileAddress: UInt = 0) -> AllocationSite.Frame {
    AllocationSite.Frame(address: 0x1000, function: function, offset: 4, file: file, fileAddress: fileAddress)
}

@Suite struct AllocationSitesOptionTests {
    @Test func aBadSiteCountIsRefusedNamingTheFlag() throws {
        for bad in ["0", "-1", "x", "2.5", "1001"] {
            let message = RunOptions.mistake(["--allocation-sites", bad])
            #expect(
                message?.hasPrefix("--allocation-sites: ") == true && message?.contains(bad) == true,
                "\(bad): \(message ?? "accepted")")
        }
        #expect(RunOptions.mistake(["--allocation-sites"])?.hasPrefix("--allocation-sites needs a value") == true)
        #expect(try RunOptions.parse(["--allocation-sites", "3"]).allocationSites == 3)
    }

    @Test func sitesAreRecordedInOneProcessAndNotUnderCallgrind() {
        #expect(
            RunOptions.mistake(["--allocation-sites", "3", "--forks", "4"])?.contains("--allocation-sites") == true)
        #expect(
            RunOptions.mistake(["--allocation-sites", "3", "--instructions"])?.contains("--allocation-sites") == true)
        #expect(RunOptions.mistake(["--allocation-sites", "3", "--forks", "1"]) == nil)
    }

    @Test func aBadSiteCountExitsTwoWithTheFlagInTheMessageBeforeAnythingRuns() {
        var fixture = RunnerFixture()
        let recorder = ScriptedSiteRecorder(AllocationSiteRecording(sites: []))
        fixture.siteRecorder = recorder
        #expect(fixture.run(["--allocation-sites", "0"]) == 2)
        #expect(fixture.captured.error.hasPrefix("perf-micro: --allocation-sites: 0 is out of range"))
        #expect(fixture.captured.output.isEmpty)
        #expect(recorder.events.isEmpty)
    }

    @Test func eachTaskGetsOneRecordedWindowAndItsSitesUnderItsRow() {
        var fixture = RunnerFixture()
        let recorder = ScriptedSiteRecorder(
            AllocationSiteRecording(sites: [
                AllocationSite(allocations: 4_000, bytes: 256_000, frames: [frame("split(_:)"), frame("parse(_:)")])
            ]))
        fixture.siteRecorder = recorder
        #expect(fixture.run(["--filter", "concat|trie", "--allocation-sites", "2", "--quick"]) == 0)
        #expect(recorder.events == Array(repeating: ["start(8)", "stop", "lastWindow"], count: 2).flatMap { $0 })
        let lines = fixture.captured.output.split(separator: "\n").map(String.init)
        let concat = lines.firstIndex { $0.hasPrefix("stringOps/concat") }
        let trie = lines.firstIndex { $0.hasPrefix("routing/trie") }
        #expect(concat.map { lines[$0 + 1].contains("split(_:) ← parse(_:)") } == true)
        #expect(trie.map { lines[$0 + 1].contains("split(_:) ← parse(_:)") } == true)
    }

    @Test func withoutSitesTheRecorderIsNeverStarted() {
        var fixture = RunnerFixture()
        let recorder = ScriptedSiteRecorder(AllocationSiteRecording(sites: []))
        fixture.siteRecorder = recorder
        #expect(fixture.run(["--filter", "concat", "--quick"]) == 0)
        #expect(recorder.events.isEmpty)
    }

    @Test func anUnavailableRecorderPrintsItsReasonInsteadOfSites() {
        var fixture = RunnerFixture()
        let recorder = ScriptedSiteRecorder(
            AllocationSiteRecording(sites: []), availability: .unavailable(reason: "needs glibc"))
        fixture.siteRecorder = recorder
        #expect(fixture.run(["--filter", "concat", "--allocation-sites", "3", "--quick"]) == 0)
        #expect(fixture.captured.output.contains("allocation sites unavailable: needs glibc"))
        #expect(recorder.events.isEmpty)
    }

    @Test func anExecutableWithoutARecorderSaysHowToGiveOne() {
        let fixture = RunnerFixture()
        #expect(fixture.run(["--filter", "concat", "--allocation-sites", "3", "--quick"]) == 0)
        #expect(
            fixture.captured.output.contains(
                "allocation sites unavailable: this executable gave MicroBench no site recorder"))
    }

    @Test func siteLinesDivideByTheWindowsOperationsAndAlignTheColumns() {
        let window = AllocationSiteWindow(
            operations: 1_000,
            recording: AllocationSiteRecording(
                sites: [
                    AllocationSite(
                        allocations: 3_000, bytes: 192_000, frames: [frame("split(_:)"), frame("parse(_:)")]),
                    AllocationSite(
                        allocations: 1_000, bytes: 24_000,
                        frames: [frame(nil, file: "/usr/lib/libc.so.6", fileAddress: 0x2a)]),
                    AllocationSite(allocations: 1, bytes: 64, frames: [frame("setUp()")]),
                ],
                unattributedAllocations: 500, notes: ["Swift names stay mangled: no demangler"]))
        #expect(
            Runner.siteLines(window, top: 2) == [
                "    3/op  192 B/op  split(_:) ← parse(_:)",
                "    1/op   24 B/op  libc.so.6+0x2a",
                "    … 1 more site, 0.001/op",
                "    0.50/op in no site (the recorder's table was full)",
                "    note: Swift names stay mangled: no demangler",
            ])
    }

    @Test func theChainStopsAtTheHarnessOwnFrames() {
        let frames = [
            frame("split(_:)"), frame("closure #1 in stringOps"), frame("static MeasuredLoop.run(_:times:)"),
            frame("Meter.measure(_:)"),
        ]
        #expect(Runner.chain(frames) == "split(_:) ← closure #1 in stringOps")
        #expect(Runner.chain([]) == "(no frame outside the allocator)")
    }

    @Test func aFailedWindowPrintsWhyInsteadOfSites() {
        let window = AllocationSiteWindow(operations: 10, recording: .failed("this thread is already recording"))
        #expect(
            Runner.siteLines(window, top: 3) == ["    allocation sites unavailable: this thread is already recording"])
    }
}
