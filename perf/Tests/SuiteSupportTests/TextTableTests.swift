import SuiteSupport
import Testing

/// The aligned tables every suite prints.
@Suite struct TextTableTests {
    @Test func textKeepsLeftNumbersKeepRightAndLinesLoseTrailingSpaces() {
        var table = TextTable([("case", .left), ("ns/op", .right), ("note", .left)])
        table.append(["object/pool", "25.17", ""])
        table.append(["buffer", "4,431.7", "reference"])
        #expect(
            table.rendered() == """
                  case           ns/op  note
                  object/pool    25.17
                  buffer       4,431.7  reference
                """)
        #expect(table.rows.count == 2)
    }

    @Test func theIndentStartsEveryLine() {
        var table = TextTable([("a", .left), ("b", .right)])
        table.append(["x", "1"])
        #expect(table.rendered(indent: "") == "a  b\nx  1")
        #expect(table.rendered(indent: "    ") == "    a  b\n    x  1")
    }

    @Test func aTableWithoutRowsIsItsHeader() {
        #expect(TextTable([("series", .left), ("slope", .right)]).rendered() == "  series  slope")
    }

    @Test func widthsCountCharactersNotBytes() {
        var table = TextTable([("check", .left), ("r²", .right)])
        table.append(["✓✗✗✓", "0.700"])
        #expect(table.rendered(indent: "") == "check     r²\n✓✗✗✓   0.700")
    }

    @Test func aRowWithTheWrongNumberOfCellsIsProgrammerMisuse() async {
        await #expect(processExitsWith: .failure) {
            var table = TextTable([("a", .left), ("b", .right)])
            table.append(["only one"])
        }
    }

    @Test func paddingAddsSpacesOnTheAskedSideAndLeavesLongerStringsAlone() {
        #expect("ab".padding(to: 4) == "ab  ")
        #expect("ab".padding(leftTo: 4) == "  ab")
        #expect("abcdef".padding(to: 4) == "abcdef")
        #expect("abcdef".padding(leftTo: 4) == "abcdef")
        #expect("a b  ".trailingSpacesRemoved == "a b")
        #expect("   ".trailingSpacesRemoved == "")
    }
}
