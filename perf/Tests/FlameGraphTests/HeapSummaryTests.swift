import FlameGraph
import PerfSupport
import Testing

@Suite struct HeapSummaryTests {
    typealias Fixture = HeaptrackPrintFixture

    @Test func totalsAreReadFromTheEndOfTheOutput() {
        let totals = HeapProfile(heaptrackPrint: Fixture.sessionCache).totals
        #expect(totals.peakHeap == "2.01M")
        #expect(totals.peakRSS == "19.36M")
        #expect(totals.allocationCalls == 293_330)
        #expect(totals.allocationCallsPerSecond == 202_436)
        #expect(totals.temporaryAllocations == 159_571)
        #expect(totals.leaked == "11.07K")
        #expect(totals.runtimeSeconds == "1.45")
    }

    @Test func entriesOfBothRankingsAreReadWithTheirFramesAndLocations() throws {
        let entries = HeapProfile(heaptrackPrint: Fixture.sessionCache).entries
        #expect(entries.filter { $0.ranking == .calls }.count == 7)
        #expect(entries.filter { $0.ranking == .peakMemory }.count == 5)
        let first = try #require(entries.first)
        #expect(first.ranking == .calls)
        #expect(first.calls == 29_800)
        #expect(first.peakBytes == 0)
        #expect(first.frames.first == HeapProfile.Frame(function: "swift_allocObject", location: ""))
        #expect(
            first.frames.contains(
                HeapProfile.Frame(
                    function:
                        "$s11DemoService14PrometheusPageV10appendName33_4857590C0464CA0A723512E3032658A8LLyySS_SaySS_SStGtF",
                    location: "/work/perf/Sources/DemoService/DemoService+MetricsPage.swift:156")))
        let peak = try #require(entries.first { $0.ranking == .peakMemory })
        #expect(peak.peakBytes == 1.19 * 1024 * 1024)
        #expect(peak.calls == 7_470)
    }

    @Test func mergedTopEntriesAndOtherSectionsAreSkipped() {
        let entries = HeapProfile(heaptrackPrint: Fixture.sessionCache).entries
        #expect(!entries.contains { $0.calls == 292_968 })
        #expect(!entries.contains { $0.frames.contains { $0.function == "swift_slowAlloc" } && $0.frames.count == 1 })
        // The one entry of MOST TEMPORARY ALLOCATIONS (29800 of 29800) is not read as a second calls entry.
        #expect(entries.filter { $0.calls == 29_800 }.count == 1)
    }

    @Test func heaptrackSizesAreBytesInPowersOf1024() {
        #expect(HeapProfile.bytes("0B") == 0)
        #expect(HeapProfile.bytes("512B") == 512)
        #expect(HeapProfile.bytes("36.86K") == 36.86 * 1024)
        #expect(HeapProfile.bytes("2G") == 2 * 1024 * 1024 * 1024)
        #expect(HeapProfile.bytes("12") == 12)
        #expect(HeapProfile.bytes("lots") == 0)
        #expect(HeapProfile.bytes("") == 0)
    }

    @Test func aBacktraceIsChargedToTheFirstFrameOfTheProgramsOwnCode() {
        func frame(_ function: String, _ location: String = "") -> HeapProfile.Frame {
            HeapProfile.Frame(function: function, location: location)
        }
        let own = frame("$s4Demo5StoreC3addyyF", "/src/Store.swift:12")
        #expect(
            HeapSummary.site(of: [
                frame("malloc"), frame("swift_allocObject"), frame("$ss22_ContiguousArrayBufferV", "/x.swift:1"),
                frame("$sSa6appendyyF", "/y.swift:2"), frame("$s4Demo3fooyyF", "//<compiler-generated>:0"),
                frame("$s4Demo3baryyF"), own,
            ]) == own)
        #expect(
            HeapSummary.site(of: [frame("malloc"), frame("$sSa6appendyyF"), frame("g")]) == frame("$sSa6appendyyF"))
        #expect(HeapSummary.site(of: [frame("malloc"), frame("swift_retain")]) == frame("[unknown]"))
        #expect(HeapSummary.site(of: []) == frame("[unknown]"))
    }

    @Test func entriesWithTheSameSiteAddUpAndTheLargestComeFirst() throws {
        let summary = HeapSummary(HeapProfile(heaptrackPrint: Fixture.sessionCache), top: 8)
        let appendName = try #require(summary.byCalls.first)
        #expect(appendName.calls == 29_800 + 25_330)
        #expect(appendName.location == "DemoService+MetricsPage.swift:156")
        #expect(summary.byCalls.map(\.calls) == [55_130, 7_470, 7_450, 5_960, 41, 1])
        #expect(
            summary.byPeakMemory.map(\.location).prefix(3) == [
                "StoredMessage.swift:19", "SessionCache.swift:78", "SessionCache.swift:79",
            ])
        #expect(HeapSummary(HeapProfile(heaptrackPrint: Fixture.sessionCache), top: 2).byPeakMemory.count == 2)
    }

    @Test func summaryTextMatchesWhatPerfHeapPrintedWithTheToolchainsDemangler() throws {
        let summary = HeapSummary(
            HeapProfile(heaptrackPrint: Fixture.sessionCache), top: 8, demangler: try SwiftDemangler())
        #expect(summary.text == Self.expectedDemangled)
    }

    @Test func withoutADemanglerNamesStayMangledAndLongOnesAreShortened() {
        let summary = HeapSummary(HeapProfile(heaptrackPrint: Fixture.sessionCache), top: 3)
        #expect(summary.text == Self.expectedMangledTop3)
    }

    @Test func aFailingDemanglerLeavesTheNamesMangled() {
        let failing = RecordingDemangler([:], dropsOne: true)
        let summary = HeapSummary(HeapProfile(heaptrackPrint: Fixture.sessionCache), top: 3, demangler: failing)
        #expect(summary.text == Self.expectedMangledTop3)
        #expect(failing.batches.count == 1)
    }

    @Test func missingTotalsAndEmptyRankingsArePrintedAsFarAsKnown() {
        let profile = HeapProfile(heaptrackPrint: "peak heap memory consumption: 1.50K\ntotal runtime: 0.20s.\n")
        #expect(profile.entries.isEmpty)
        let text = HeapSummary(profile, top: 8).text
        #expect(
            text == "  peak heap       1.50K   (peak RSS ?, heaptrack's overhead included)\n  runtime         0.20 s\n")
        #expect(HeapSummary(HeapProfile(heaptrackPrint: ""), top: 8).text == "")
    }

    @Test func bytesAreWrittenInHeaptracksStyle() {
        #expect(HeapSummary.bytesText(0) == "0B")
        #expect(HeapSummary.bytesText(1023) == "1023B")
        #expect(HeapSummary.bytesText(1024) == "1.00K")
        #expect(HeapSummary.bytesText(1.19 * 1024 * 1024) == "1.19M")
        #expect(HeapSummary.bytesText(5 * 1024 * 1024 * 1024 * 1024) == "5120.00G")
    }

    /// `print_heap_summary` of Scripts/perf-heap.sh (before it moved here) on the fixture, TOP=8.
    static let expectedDemangled = """
          peak heap       2.01M   (peak RSS 19.36M, heaptrack's overhead included)
          allocations     293,330 calls (202,436/s), 159,571 temporary
          at exit         11.07K still allocated (caches and pools count here; a leak grows with the run)
          runtime         1.45 s

        Top allocation sites by peak memory
              1.19M peak       7,470 calls   StoredMessage.replacePayload(with:)                                     StoredMessage.swift:19
            296.96K peak          16 calls   LRUList.init(capacity:)                                                 SessionCache.swift:78
            131.58K peak          16 calls   LRUList.init(capacity:)                                                 SessionCache.swift:79
            131.10K peak       4,097 calls   StoredMessage.__allocating_init(payload:)                               StoredMessage.swift:0
             36.86K peak         128 calls   MessageRing.init(capacity:)                                             TopicStore.swift:97

        Top allocation sites by number of calls
                 0B peak      55,130 calls   PrometheusPage.appendName(_:_:)                                         DemoService+MetricsPage.swift:156
              1.19M peak       7,470 calls   StoredMessage.replacePayload(with:)                                     StoredMessage.swift:19
                 0B peak       7,450 calls   ServiceMetrics.latency(route:)                                          ServiceMetrics.swift:71
                 0B peak       5,960 calls   PrometheusPage.family(_:_:_:)                                           DemoService+MetricsPage.swift:133
                 0B peak          41 calls   perf_memory_main                                                        main.swift:21
                15B peak           1 calls   tzset_internal                                                          tzset.c:402

        """

    /// The same without a demangler, TOP=3.
    static let expectedMangledTop3 = """
          peak heap       2.01M   (peak RSS 19.36M, heaptrack's overhead included)
          allocations     293,330 calls (202,436/s), 159,571 temporary
          at exit         11.07K still allocated (caches and pools count here; a leak grows with the run)
          runtime         1.45 s

        Top allocation sites by peak memory
              1.19M peak       7,470 calls   $s11DemoService13StoredMessageC14replacePayload4withySRys5UInt8VG_tF    StoredMessage.swift:19
            296.96K peak          16 calls   $s11DemoService7LRUListV8capacityACSi_tcfC                              SessionCache.swift:78
            131.58K peak          16 calls   $s11DemoService7LRUListV8capacityACSi_tcfC                              SessionCache.swift:79

        Top allocation sites by number of calls
                 0B peak      55,130 calls   $s11DemoService14PrometheusPageV10appendName33_4857590C0464CA0A72351..  DemoService+MetricsPage.swift:156
              1.19M peak       7,470 calls   $s11DemoService13StoredMessageC14replacePayload4withySRys5UInt8VG_tF    StoredMessage.swift:19
                 0B peak       7,450 calls   $s11DemoService0B7MetricsC7latency5routeSays6UInt64VG7buckets_AG14su..  ServiceMetrics.swift:71

        """
}
