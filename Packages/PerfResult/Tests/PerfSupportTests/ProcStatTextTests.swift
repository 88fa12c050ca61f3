import PerfSupport
import Testing

@Suite struct ProcStatTextTests {
    @Test func theThreadCountIsTheTwentiethField() {
        let stat = "4242 (perf-micro) S 1 4242 4242 0 -1 4194560 1234 0 0 0 12 3 0 0 20 0 7 0 98765 1 2 3\n"
        #expect(ProcStatText.threadCount(stat) == 7)
    }

    @Test func fieldsAreCountedFromTheLastParenthesisSoACommandNameWithSpacesIsRead() {
        let stat = "17 (a) b (c) 9) R 1 17 17 0 -1 0 0 0 0 0 0 0 0 0 20 0 3 0 5 6 7\n"
        #expect(ProcStatText.threadCount(stat) == 3)
    }

    @Test func aTruncatedOrMalformedLineIsUnreadable() {
        #expect(ProcStatText.threadCount("4242 (perf-micro) S 1 4242") == nil)
        #expect(ProcStatText.threadCount("no parenthesis here") == nil)
        #expect(ProcStatText.threadCount("1 (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 many 0 5") == nil)
    }
}
