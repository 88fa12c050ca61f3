import PerfSupport
import Testing

/// The aligned tables every tool prints.
@Suite struct TextTableTests {
    @Test func textKeepsLeftNumbersKeepRightAndLinesLoseTrailingSpaces() {
        var table = TextTable([.left("case"), .right("ns/op"), .left("note")])
        table.append(["object/pool", "25.17", ""])
        table.append(["buffer", "4,431.7", "reference"])
        #expect(
            table.rendered(indent: "  ") == """
                  case           ns/op  note
                  object/pool    25.17
                  buffer       4,431.7  reference
                """)
        #expect(table.rows.count == 2)
    }

    @Test func theIndentStartsEveryLine() {
        var table = TextTable([.left("a"), .right("b")])
        table.append(["x", "1"])
        #expect(table.rendered() == "a  b\nx  1")
        #expect(table.rendered(indent: "    ") == "    a  b\n    x  1")
    }

    @Test func aTableWithoutRowsIsItsHeader() {
        #expect(TextTable([.left("series"), .right("slope")]).rendered() == "series  slope")
    }

    @Test func emptyCellsInTheMiddleKeepTheirColumn() {
        var table = TextTable([.left("name"), .right("value"), .right("limit")])
        table.append(["a", "", "10"])
        table.append(["b", "2", ""])
        #expect(table.rendered() == "name  value  limit\na               10\nb         2")
    }

    @Test func widthsCountCharactersNotBytes() {
        var table = TextTable([.left("check"), .right("r²")])
        table.append(["✓✗✗✓", "0.700"])
        #expect(table.rendered() == "check     r²\n✓✗✗✓   0.700")
    }

    @Test func widthsLeaveOutANSIEscapesInsideCells() {
        var table = TextTable([.left("name"), .right("value")])
        table.append(["\u{1B}[1;31mred\u{1B}[0m", "1"])
        table.append(["plain", "22"])
        #expect(table.rendered() == "name   value\n\u{1B}[1;31mred\u{1B}[0m        1\nplain     22")
    }

    @Test func cellColoursAppearOnlyWhenColourIsEnabledAndNeverAroundThePadding() {
        var table = TextTable([.left("name"), .right("verdict")])
        table.append([TextTable.Cell("a"), TextTable.Cell("ok", style: .green)])
        table.append([TextTable.Cell("bb", style: .bold), TextTable.Cell("regression", style: .bold + .red)])
        #expect(table.rendered() == "name     verdict\na             ok\nbb    regression")
        #expect(
            table.rendered(colors: TerminalColors(isEnabled: true)) == """
                name     verdict
                a             \u{1B}[32mok\u{1B}[0m
                \u{1B}[1mbb\u{1B}[0m    \u{1B}[1;31mregression\u{1B}[0m
                """)
    }

    @Test func rowsPrintedOneByOneUseTheWidthsKnownInAdvance() {
        let table = TextTable([
            .left("name", minimumWidth: 12), .right("ops/s", minimumWidth: 14), .right("p50", minimumWidth: 8),
            .left("note"),
        ])
        #expect(table.headerLine() == "name                   ops/s       p50  note")
        #expect(
            table.line(["stringOps/concat", "40,123,457", "24.92", ""]) == "stringOps/concat      40,123,457     24.92")
        #expect(
            table.line(["a", "1", "2", "noisy"], indent: "  ") == "  a                          1         2  noisy")
    }

    @Test func aRowWithTheWrongNumberOfCellsIsProgrammerMisuse() async {
        await #expect(processExitsWith: .failure) {
            var table = TextTable([.left("a"), .right("b")])
            table.append(["only one"])
        }
    }
}

@Suite struct TerminalColorsTests {
    @Test func colourIsOnForATerminalUnlessNoColorHasAValue() {
        #expect(TerminalColors(isTerminal: true, environment: [:]).isEnabled)
        #expect(TerminalColors(isTerminal: true, environment: ["NO_COLOR": ""]).isEnabled)
        #expect(!TerminalColors(isTerminal: true, environment: ["NO_COLOR": "1"]).isEnabled)
        #expect(!TerminalColors(isTerminal: true, environment: ["NO_COLOR": "false"]).isEnabled)
        #expect(!TerminalColors(isTerminal: false, environment: [:]).isEnabled)
    }

    @Test func paintingWithColourOffLeavesTextUnchanged() {
        #expect(TerminalColors.disabled.paint("x", .red) == "x")
        #expect(TerminalColors(isEnabled: true).paint("x", nil) == "x")
        #expect(TerminalColors(isEnabled: true).paint("x", .bold + .yellow) == "\u{1B}[1;33mx\u{1B}[0m")
    }

    @Test func visibleCountSkipsEscapeSequencesOnly() {
        #expect(ANSIStyle.visibleCount(of: "plain") == 5)
        #expect(ANSIStyle.visibleCount(of: ANSIStyle.red.wrap("red")) == 3)
        #expect(ANSIStyle.visibleCount(of: "\u{1B}[38;5;208mé\u{1B}[0m\u{1B}[K!") == 2)
        #expect(ANSIStyle.withoutEscapes("a\u{1B}[2mb\u{1B}[0mc") == "abc")
    }
}
