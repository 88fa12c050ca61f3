import PerfSupport
import Testing

@Suite struct ShellTextTests {
    @Test func aWordNoShellSplitsOrExpandsStaysAsItIs() {
        #expect(ShellText.quoted("--callgrind-out-file=/tmp/a.out") == "--callgrind-out-file=/tmp/a.out")
        #expect(ShellText.quoted("user@host:1,2+3%") == "user@host:1,2+3%")
    }

    @Test func anyOtherWordIsSingleQuoted() {
        #expect(ShellText.quoted("two words") == "'two words'")
        #expect(ShellText.quoted("routing/trie[path=all]") == "'routing/trie[path=all]'")
        #expect(ShellText.quoted("$HOME") == "'$HOME'")
        #expect(ShellText.quoted("é") == "'é'")
    }

    @Test func aQuoteInsideIsClosedEscapedAndReopened() {
        #expect(ShellText.quoted("it's") == "'it'\\''s'")
        #expect(ShellText.quoted("'") == "''\\'''")
    }

    @Test func theEmptyWordIsAPairOfQuotes() {
        #expect(ShellText.quoted("") == "''")
    }
}
