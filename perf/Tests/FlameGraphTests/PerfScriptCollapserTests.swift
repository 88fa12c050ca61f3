import FlameGraph
import Testing

@Suite struct PerfScriptCollapserTests {
    typealias Fixture = PerfScriptFixture

    @Test func swiftFramesAreFoldedRootFirstUnderTheCommandNameAndEqualStacksMerge() {
        let (stacks, statistics) = PerfScriptCollapser.collapse(Fixture.login + Fixture.login)
        let expected = [
            "demo-service", "start_thread", Fixture.swiftRun, Fixture.swiftAuthenticate, Fixture.swiftDigest,
        ].joined(separator: ";")
        #expect(stacks.counts == [expected: 2])
        #expect(stacks.totalCount == 2)
        #expect(statistics.samples == 2)
        #expect(statistics.truncatedSamples == 0)
    }

    @Test func kernelFramesAreMarkedAndAChainThatStopsInLibcCountsAsTruncated() {
        let (stacks, statistics) = PerfScriptCollapser.collapse(Fixture.kernelRecv)
        #expect(
            stacks.counts == [
                "demo-service;__libc_recv;entry_SYSCALL_64_after_hwframe_[k];tcp_recvmsg_locked_[k];skb_release_data_[k]":
                    1
            ])
        #expect(statistics.kernelFrames == 3)
        #expect(statistics.truncatedSamples == 1)
    }

    @Test func inlinedFramesAreMarkedAndCxxNamesKeepTheirSpacesAndTemplates() {
        let (stacks, statistics) = PerfScriptCollapser.collapse(Fixture.dwarfRelease)
        let expected = [
            "demo-service", "clone3", "start_thread", Fixture.swiftRun, Fixture.swiftDispatch + "_[i]",
            "swift::RefCounts<swift::RefCountBitsT<(swift::RefCountInlinedness)1> >::doDecrementSlow<(swift::PerformDeinit)1>",
            "_int_free", "tcache_put_[i]",
        ].joined(separator: ";")
        #expect(stacks.counts == [expected: 1])
        #expect(statistics.inlinedFrames == 2)
        #expect(statistics.truncatedSamples == 0)
    }

    @Test func framesWithoutASymbolAreNamedAfterTheirLibraryWhenItIsKnown() {
        let (stacks, statistics) = PerfScriptCollapser.collapse(Fixture.unknown)
        #expect(stacks.counts == ["demo-service;start_thread;[vdso];[unknown];[libc.so.6]": 1])
        #expect(statistics.unknownFrames == 3)
    }

    @Test func commandsWithSpacesProcessAndThreadIdsAndCpuFieldsAreRead() {
        var options = PerfScriptCollapser.Options()
        let leaf = "_start;(anonymous namespace)::run();operator+="
        #expect(
            PerfScriptCollapser.collapse(Fixture.workerThread, options: options).0.counts == [
                "V8 WorkerThread;\(leaf)": 1
            ])
        options.processRoot = .commandAndProcess
        #expect(
            PerfScriptCollapser.collapse(Fixture.workerThread, options: options).0.counts == [
                "V8 WorkerThread-24636;\(leaf)": 1
            ])
        options.processRoot = .commandAndThread
        #expect(
            PerfScriptCollapser.collapse(Fixture.workerThread, options: options).0.counts == [
                "V8 WorkerThread/25607;\(leaf)": 1
            ])
        options.processRoot = .none
        #expect(PerfScriptCollapser.collapse(Fixture.workerThread, options: options).0.counts == [leaf: 1])
    }

    @Test func aSampleWithoutACallChainUsesTheFrameOnItsHeaderLine() {
        let (stacks, statistics) = PerfScriptCollapser.collapse(Fixture.noCallChain)
        #expect(stacks.counts == ["t;outer": 1])
        #expect(statistics.truncatedSamples == 1)
    }

    @Test func theWholeFixtureCountsEverySampleOnce() {
        let (stacks, statistics) = PerfScriptCollapser.collapse(Fixture.all)
        #expect(statistics.samples == 7)
        #expect(stacks.totalCount == 7)
        #expect(stacks.counts.count == 6)
        #expect(statistics.ignoredLines == 0)
        // login ×2 and the DWARF chain reach start_thread, unknown too; kernelRecv and noCallChain do not;
        // workerThread reaches _start.
        #expect(statistics.truncatedSamples == 2)
    }

    @Test func anEventFilterKeepsOnlyThatEvent() {
        var options = PerfScriptCollapser.Options()
        options.event = "cycles"
        let (stacks, statistics) = PerfScriptCollapser.collapse(Fixture.all, options: options)
        #expect(stacks.totalCount == 1)
        #expect(statistics.skippedSamples == 6)
        #expect(stacks.counts.keys.first?.hasPrefix("V8 WorkerThread;") == true)
    }

    @Test func kernelAndInlinedFramesCanBeLeftOut() {
        var options = PerfScriptCollapser.Options()
        options.includeKernel = false
        options.includeInlined = false
        let frames = PerfScriptCollapser.collapse(Fixture.kernelRecv + Fixture.dwarfRelease, options: options).0
            .frameNames
        #expect(!frames.contains { $0.hasSuffix("_[k]") || $0.hasSuffix("_[i]") })
        #expect(frames.contains("__libc_recv"))
        #expect(frames.contains("_int_free"))
    }

    @Test func linesThatAreNeitherHeaderNorFrameAreIgnoredAndCounted() {
        let text =
            "# perf script header comment\n" + Fixture.login + "\tnot a frame line\n"
            + "   \n" + Fixture.kernelRecv
        let (stacks, statistics) = PerfScriptCollapser.collapse(text)
        #expect(stacks.totalCount == 2)
        #expect(statistics.ignoredLines == 1)
    }

    @Test func aStackEndsAtTheNextHeaderEvenWithoutABlankLine() {
        let text = Fixture.login.replacingBlankLines + Fixture.kernelRecv
        let (stacks, _) = PerfScriptCollapser.collapse(text)
        #expect(stacks.totalCount == 2)
        #expect(stacks.counts.keys.contains { $0.hasSuffix("skb_release_data_[k]") })
    }

    @Test func linesFedOneByOneGiveTheSameStacksAsTheWholeText() {
        var collapser = PerfScriptCollapser()
        for line in Fixture.all.split(separator: "\n", omittingEmptySubsequences: false) {
            collapser.consume(line)
        }
        #expect(collapser.finish() == PerfScriptCollapser.collapse(Fixture.all).0)
    }
}

extension String {
    /// The text without its empty lines.
    fileprivate var replacingBlankLines: String {
        split(separator: "\n").joined(separator: "\n") + "\n"
    }
}
