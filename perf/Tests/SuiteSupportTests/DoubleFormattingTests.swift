import SuiteSupport
import Testing

/// Numbers as the suites print them, without Foundation.
@Suite struct DoubleFormattingTests {
    @Test func fixedRoundsHalfAwayFromZeroAndPadsTheFraction() {
        #expect(1234.5.fixed(2) == "1234.50")
        #expect(0.125.fixed(2) == "0.13")
        #expect((-2.5).fixed(0) == "-3")
        #expect(3.05.fixed(1) == "3.1")
        #expect(0.001.fixed(3) == "0.001")
        #expect(7.0.fixed(0) == "7")
    }

    @Test func aValueThatRoundsToZeroHasNoSign() {
        #expect((-0.004).fixed(2) == "0.00")
        #expect((-0.0).fixed(1) == "0.0")
        #expect((-0.004).signedFixed(2) == "0.00")
        #expect(0.004.signedFixed(2) == "0.00")
    }

    @Test func groupingPutsACommaBeforeEveryThreeWholeDigits() {
        #expect(654_800_141.4.fixed(0, grouping: true) == "654,800,141")
        #expect(4431.66.fixed(1, grouping: true) == "4,431.7")
        #expect((-1_234_567.891).fixed(2, grouping: true) == "-1,234,567.89")
        #expect(999.0.fixed(0, grouping: true) == "999")
        #expect(1000.0.fixed(0, grouping: true) == "1,000")
    }

    @Test func valuesTooLargeOrNotFinitePrintAsTheirDescription() {
        #expect(Double.infinity.fixed(2) == "inf")
        #expect(Double.nan.fixed(2) == "nan")
        #expect(1e20.fixed(0) == 1e20.description)
        #expect(1e20.fixed(0, grouping: true) == 1e20.description)
    }

    @Test func signedFixedMarksPositiveValues() {
        #expect(0.048.signedFixed(3) == "+0.048")
        #expect((-1.4).signedFixed(1) == "-1.4")
        #expect(0.0.signedFixed(1) == "0.0")
    }

    @Test func byteCountsUseBinaryUnits() {
        #expect(96.0.bytesText == "96 B")
        #expect(1023.0.bytesText == "1023 B")
        #expect(1024.0.bytesText == "1.0 KiB")
        #expect((89.3 * 1024).bytesText == "89.3 KiB")
        #expect((1.5 * 1024 * 1024).bytesText == "1.50 MiB")
        #expect((2.25 * 1024 * 1024 * 1024).bytesText == "2.25 GiB")
        #expect((-2048.0).bytesText == "-2.0 KiB")
    }

    @Test func signedByteCountsMarkGrowth() {
        #expect((57.2 * 1024).signedBytesText == "+57.2 KiB")
        #expect((-1.4).signedBytesText == "-1 B")
        #expect(0.0.signedBytesText == "0 B")
    }
}
