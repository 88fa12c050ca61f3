import PerfResult
import Testing

@testable import MicroBench

@Suite struct InstructionCountTests {
    /// Five windows of 100 operations: 12,649 instructions each but the third (12,651), with misses.
    let windows: [[UInt64]] = [
        [12_649, 3_813, 4_291, 3, 2, 1, 1, 0, 0],
        [12_649, 3_813, 4_291, 0, 1, 0, 0, 0, 0],
        [12_651, 3_813, 4_291, 0, 0, 0, 0, 0, 0],
        [12_649, 3_813, 4_291, 0, 0, 0, 0, 0, 0],
        [12_649, 3_813, 4_291, 0, 0, 0, 0, 0, 0],
    ]

    func count(_ windows: [[UInt64]]) throws -> InstructionCount {
        let output = try CallgrindOutput.parse(CallgrindFixtures.output(windows: windows), path: "x.out")
        return InstructionCount(
            name: "counting/increment", iterations: 100,
            windows: try InstructionCount.windows(in: output, task: "counting/increment"))
    }

    @Test func eachWindowIsReadFromThePartOfItsLabelAndTheWarmupIsLeftOut() throws {
        let count = try count(windows)
        #expect(count.windows.count == 5)
        #expect(count.windows[0] == InstructionCount.Window(instructions: 12_649, l1Misses: 6, lastLevelMisses: 1))
        #expect(count.windows.map(\.instructions) == [12_649, 12_649, 12_651, 12_649, 12_649])
        #expect(count.instructionsPerOperation == [126.49, 126.49, 126.51, 126.49, 126.49])
        #expect(count.l1MissesPerOperation == [0.06, 0.01, 0, 0, 0])
    }

    @Test func theResultHasTheMediansAndEveryWindowAsSamples() throws {
        let result = try count(windows).result()
        #expect(result.name == "counting/increment")
        #expect(result.metrics.map(\.key) == ["instructions", "l1MissesPerOp", "llMissesPerOp"])
        let instructions = try #require(result["instructions"])
        #expect(instructions == .instructions(126.49, samples: [126.49, 126.49, 126.51, 126.49, 126.49]))
        let l1 = try #require(result["l1MissesPerOp"])
        #expect(l1.value == 0 && l1.unit == .count && l1.better == .lower)
        #expect(l1.samples == [0.06, 0.01, 0, 0, 0])
        let lastLevel = try #require(result["llMissesPerOp"])
        #expect(lastLevel.value == 0 && lastLevel.unit == .count && lastLevel.better == .lower)
        #expect(lastLevel.samples == [0.01, 0, 0, 0, 0])
    }

    @Test func theSpreadIsZeroOnlyWhenEveryWindowCountedTheSame() throws {
        #expect(try count(windows).instructionSpread == 2.0 / 12_649)
        #expect(try count(Array(repeating: windows[0], count: 5)).instructionSpread == 0)
    }

    @Test func theTableShowsPerOperationCountsAndWhetherTheWindowsAgreed() throws {
        let table = InstructionTable(names: ["counting/increment"])
        #expect(table.header() == "name                  instructions/op  L1 misses/op  LL misses/op         windows")
        #expect(
            table.row(try count(windows))
                == "counting/increment             126.49             0             0    spread 0.02%")
        #expect(
            table.row(try count(Array(repeating: [1_234_500, 0, 0, 3, 0, 0, 0, 0, 0], count: 5)))
                == "counting/increment             12,345         0.030             0     5 identical")
        #expect(InstructionTable.perOperation(1_234.567) == "1,234.57")
        #expect(InstructionTable.perOperation(7.25) == "7.250")
    }

    @Test func aMissingWindowIsAnErrorNamingTheTask() {
        #expect(
            throws: MicroBenchError.countingFailed(
                task: "counting/increment", reason: "callgrind's output has 5 parts but none for window 3 of 5")
        ) {
            try count(Array(windows.prefix(3)))
        }
    }

    @Test func aRunWithoutCacheSimulationIsAnErrorNamingTheEvent() throws {
        let output = try CallgrindOutput.parse(
            CallgrindFixtures.output(windows: Array(repeating: [100], count: 5), events: ["Ir"]), path: "x.out")
        #expect(
            throws: MicroBenchError.countingFailed(
                task: "counting/increment", reason: "callgrind's output has no I1mr event (events: Ir)")
        ) {
            try InstructionCount.windows(in: output, task: "counting/increment")
        }
    }

    @Test func theInvocationPinsEverythingThatCouldMoveTheCount() {
        let invocation = CallgrindInvocation(
            valgrind: "/usr/bin/valgrind", setarch: "/usr/bin/setarch", machine: "x86_64",
            executable: "/tmp/microbench-callgrind.AbC123/perf-micro", libraryDirectory: "/work/perf/.build/release",
            task: "routing/trie[path=all]", iterations: 100,
            outputFile: "/tmp/microbench-callgrind.AbC123/task-3.callgrind",
            logFile: "/tmp/microbench-callgrind.AbC123/task-3.valgrind.log")
        #expect(invocation.program == "/usr/bin/setarch")
        #expect(
            invocation.arguments == [
                "/usr/bin/setarch", "x86_64", "-R", "/usr/bin/valgrind", "--tool=callgrind", "--collect-atstart=no",
                "--cache-sim=yes", "--I1=32768,8,64", "--D1=32768,8,64", "--LL=8388608,16,64", "--combine-dumps=yes",
                "--dump-line=no", "--callgrind-out-file=/tmp/microbench-callgrind.AbC123/task-3.callgrind",
                "--log-file=/tmp/microbench-callgrind.AbC123/task-3.valgrind.log",
                "/tmp/microbench-callgrind.AbC123/perf-micro", "--callgrind-child", "routing/trie[path=all]",
                "--iterations", "100",
            ])
        #expect(
            invocation.environment == [
                "PATH=/usr/bin:/bin", "LC_ALL=C", "SWIFT_DETERMINISTIC_HASHING=1",
                "LD_LIBRARY_PATH=/work/perf/.build/release",
            ])
    }

    @Test func theShellCommandQuotesWhatTheShellWouldReadOtherwise() {
        let invocation = CallgrindInvocation(
            valgrind: "/usr/bin/valgrind", setarch: "/usr/bin/setarch", machine: "x86_64", executable: "/t/perf micro",
            libraryDirectory: "/l", task: "routing/trie[path=all]", iterations: 100, outputFile: "/t/o",
            logFile: "/t/g")
        #expect(
            invocation.shellCommand
                == "cd / && env -i PATH=/usr/bin:/bin LC_ALL=C SWIFT_DETERMINISTIC_HASHING=1 LD_LIBRARY_PATH=/l "
                + "/usr/bin/setarch x86_64 -R /usr/bin/valgrind --tool=callgrind --collect-atstart=no --cache-sim=yes "
                + "--I1=32768,8,64 --D1=32768,8,64 --LL=8388608,16,64 --combine-dumps=yes --dump-line=no "
                + "--callgrind-out-file=/t/o --log-file=/t/g '/t/perf micro' --callgrind-child 'routing/trie[path=all]' "
                + "--iterations 100")
    }

    @Test func withoutSetarchValgrindIsStartedDirectly() {
        let invocation = CallgrindInvocation(
            valgrind: "/usr/bin/valgrind", setarch: nil, machine: "x86_64", executable: "/t/e", libraryDirectory: "/l",
            task: "a/b", iterations: 1, outputFile: "/t/o", logFile: "/t/g")
        #expect(invocation.program == "/usr/bin/valgrind")
        #expect(invocation.arguments.prefix(2) == ["/usr/bin/valgrind", "--tool=callgrind"])
        #expect(invocation.arguments.suffix(5) == ["/t/e", "--callgrind-child", "a/b", "--iterations", "1"])
    }

    @Test func theChildArgumentsParseBackToTheTaskAndTheIterations() throws {
        let invocation = CallgrindInvocation(
            valgrind: "v", setarch: "s", machine: "aarch64", executable: "e", libraryDirectory: "l",
            task: "pipeline/full[request=login]", iterations: 7, outputFile: "o", logFile: "g")
        let childArguments = Array(invocation.arguments.drop { $0 != "e" }.dropFirst())
        let options = try RunOptions.parse(childArguments)
        #expect(options.callgrindChild == "pipeline/full[request=login]")
        #expect(options.iterations == 7)
        #expect(!options.instructions)
    }
}
