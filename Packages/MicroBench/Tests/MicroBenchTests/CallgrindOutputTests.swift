import Testing

@testable import MicroBench

@Suite struct CallgrindOutputTests {
    func parse(_ text: String) throws -> CallgrindOutput {
        try CallgrindOutput.parse(text, path: "x.out")
    }

    func error(_ text: String) -> String? {
        do {
            _ = try CallgrindOutput.parse(text, path: "x.out")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func everyPartKeepsItsTriggerEventsAndTotals() throws {
        let output = try parse(CallgrindFixtures.excerpt)
        #expect(output.parts.map(\.number) == [1, 2, 3])
        #expect(
            output.parts.map(\.trigger) == [
                "Client Request: microbench warmup", "Client Request: microbench window 0", "Program termination",
            ])
        #expect(output.parts.allSatisfy { $0.events == CallgrindFixtures.events })
        #expect(output.parts[0].totals == [36, 80, 8, 1, 1, 0, 0, 0, 0])
        #expect(output.parts[1].totals == [3500, 700, 1400, 0, 0, 0, 0, 0, 0])
        #expect(output.parts[2].totals == Array(repeating: 0, count: 9))
        #expect(output.parts[1]["Ir"] == 3500)
        #expect(output.parts[1]["Dw"] == 1400)
        #expect(output.parts[1]["Bc"] == nil)
    }

    @Test func withoutTotalsLinesTheSelfCostsAreSummedLeavingOutInclusiveCallCosts() throws {
        let withoutTotals = CallgrindFixtures.excerpt.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("totals:") }.joined(separator: "\n")
        #expect(try parse(withoutTotals) == parse(CallgrindFixtures.excerpt))
    }

    @Test func positionColumnsAreSkippedAsTheHeaderDeclaresThem() throws {
        let output = try parse("positions: instr line\nevents: Ir Dr\n0x4010a0 3 5 1\n+2 * 7\n-1 +1 1 1\n")
        #expect(output.parts.count == 1)
        #expect(output.parts[0].number == 1)
        #expect(output.parts[0].totals == [13, 2])
    }

    @Test func eventsCarryOverToAPartThatDoesNotRepeatThem() throws {
        let output = try parse("events: Ir\npart: 1\n0 4\npart: 2\ndesc: Trigger: Client Request: b\n0 6\n")
        #expect(output.parts.map(\.totals) == [[4], [6]])
        #expect(output.parts.map(\.events) == [["Ir"], ["Ir"]])
        #expect(output.parts[1].trigger == "Client Request: b")
    }

    @Test func windowsLineEndingsAndCommentsAreAccepted() throws {
        let output = try parse("# callgrind format\r\nversion: 1\r\nevents: Ir\r\n0 4\r\n")
        #expect(output.parts.map(\.totals) == [[4]])
    }

    @Test func badFilesAreRefusedWithTheLineAndTheReason() {
        let prefix = "cannot read callgrind's output: "
        #expect(error("") == "x.out:1: \(prefix)the file is empty")
        #expect(error("# callgrind format\n") == "x.out:2: \(prefix)the file is empty")
        #expect(error("version: 2\n") == "x.out:1: \(prefix)format version 2 is not supported (only 1)")
        #expect(error("0 5\n") == "x.out:1: \(prefix)a cost line comes before the 'events:' line")
        #expect(error("events: Ir\n0 x\n") == "x.out:2: \(prefix)'x' is not a whole number")
        #expect(error("events: Ir\n0 -3\n") == "x.out:2: \(prefix)'-3' is not a whole number")
        #expect(error("events: Ir\n0 5 6\n") == "x.out:2: \(prefix)2 counts for 1 events")
        #expect(error("events: Ir\nhello\n") == "x.out:2: \(prefix)unexpected line 'hello'")
        #expect(error("part: one\n") == "x.out:1: \(prefix)part 'one' is not a number")
        #expect(error("part: 1\ndesc: Trigger: x\npart: 2\n") == "x.out:3: \(prefix)part 1 has no 'events:' line")
        #expect(
            error("events: Ir\n0 18446744073709551615\n0 1\n") == "x.out:3: \(prefix)the costs overflow 64 bits")
    }
}
