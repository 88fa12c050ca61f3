import FlameGraph
import PerfSupport
import Testing

/// A demangler that records its calls and knows a fixed table.
final class RecordingDemangler: SymbolDemangler {
    let table: [String: String]
    let dropsOne: Bool
    private(set) var batches: [[String]] = []

    init(_ table: [String: String], dropsOne: Bool = false) {
        self.table = table
        self.dropsOne = dropsOne
    }

    func demangle(_ symbols: [String]) throws(DemanglerFailure) -> [String] {
        batches.append(symbols)
        let names = symbols.map { table[$0] ?? $0 }
        return dropsOne ? Array(names.dropLast()) : names
    }
}

@Suite struct DemanglerTests {
    typealias Fixture = PerfScriptFixture

    @Test func theToolchainDemanglesEverySymbolOfABatchInOneProcess() throws {
        let demangler = try SwiftDemangler()
        let names = try demangler.demangle([
            Fixture.swiftDigest, Fixture.swiftAuthenticate, Fixture.swiftRun, "$sSi1poiyS2i_SitFZ", "not_swift",
        ])
        #expect(
            names == [
                "specialized static SaltedHash.digest(password:salt:rounds:)",
                "UserTable.authenticate(user:password:)", "EventLoop.run()", "static Int.+ infix(_:_:)", "not_swift",
            ])
    }

    @Test func fullNamesKeepModulesAndSignatures() throws {
        let names = try SwiftDemangler(simplified: false).demangle([Fixture.swiftRun])
        #expect(names == ["DemoService.EventLoop.run() -> DemoService.ShutdownSummary"])
    }

    @Test func demanglingKeepsAnnotationsSendsEachSymbolOnceAndMergesEqualNames() throws {
        var stacks = FoldedStacks()
        stacks.add(["demo-service", "start_thread", Fixture.swiftRun, Fixture.swiftDispatch + "_[i]"], count: 2)
        stacks.add(["demo-service", "start_thread", Fixture.swiftRun, "$sSpecializedDispatch_[i]"], count: 3)
        let demangler = RecordingDemangler([
            Fixture.swiftRun: "EventLoop.run()", Fixture.swiftDispatch: "EventLoop.dispatch(_:)",
            "$sSpecializedDispatch": "EventLoop.dispatch(_:)",
        ])
        let (demangled, count) = try stacks.demangled(with: demangler)
        #expect(count == 3)
        #expect(demangler.batches.count == 1)
        #expect(Set(demangler.batches[0]) == [Fixture.swiftRun, Fixture.swiftDispatch, "$sSpecializedDispatch"])
        #expect(demangled.counts == ["demo-service;start_thread;EventLoop.run();EventLoop.dispatch(_:)_[i]": 5])
    }

    @Test func aProfileWithoutSwiftSymbolsNeverStartsTheDemangler() throws {
        var stacks = FoldedStacks()
        stacks.add(["t", "main", "outer"])
        let demangler = RecordingDemangler([:])
        let (demangled, count) = try stacks.demangled(with: demangler)
        #expect(count == 0 && demangler.batches.isEmpty && demangled == stacks)
    }

    @Test func aDemanglerThatAnswersTooFewNamesIsAnError() {
        var stacks = FoldedStacks()
        stacks.add(["t", Fixture.swiftRun])
        #expect(
            throws: FlameGraphError.demanglerFailed(command: "RecordingDemangler", reason: "asked for 1 names, got 0")
        ) {
            try stacks.demangled(with: RecordingDemangler([:], dropsOne: true))
        }
    }

    @Test func aMissingToolchainSaysWhatToDo() {
        let failure = DemanglerFailure(
            command: "swift demangle", reason: "neither swift-demangle nor swift is on PATH")
        #expect(throws: failure) { try SwiftDemangler(path: "/nonexistent/bin") }
        #expect(
            FlameGraphError(failure).description
                == "demangling with swift demangle failed: neither swift-demangle nor swift is on PATH; put the "
                + "Swift toolchain's bin directory on PATH or pass --no-demangle")
    }

    @Test func swiftManglingPrefixesAreRecognised() {
        for symbol in ["$s4main3fooyyF", "_$s4main3fooyyF", "$S4main3fooyyF", "_T04main3fooyyF", "$e4main3fooyyF"] {
            #expect(SwiftDemangler.isSwiftMangled(symbol), "\(symbol)")
        }
        for symbol in ["main", "_ZN3foo3barEv", "swift_retain", "[unknown]", "s4main"] {
            #expect(!SwiftDemangler.isSwiftMangled(symbol), "\(symbol)")
        }
    }
}
