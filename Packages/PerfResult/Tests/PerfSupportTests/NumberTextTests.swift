import PerfSupport
import Testing

/// Numbers as every table and message of the toolkit prints them.
@Suite struct NumberTextTests {
    @Test func fixedRoundsHalfAwayFromZeroAndPadsTheFraction() {
        #expect(NumberText.fixed(1234.5, decimals: 2) == "1234.50")
        #expect(NumberText.fixed(24.9, decimals: 2) == "24.90")
        #expect(NumberText.fixed(0.125, decimals: 2) == "0.13")
        #expect(NumberText.fixed(-2.5, decimals: 0) == "-3")
        #expect(NumberText.fixed(-2.25, decimals: 1) == "-2.3")
        #expect(NumberText.fixed(3.05, decimals: 1) == "3.1")
        #expect(NumberText.fixed(0.001, decimals: 3) == "0.001")
        #expect(NumberText.fixed(7, decimals: 0) == "7")
        #expect(NumberText.fixed(0.005, decimals: 1) == "0.0")
    }

    @Test func aValueThatRoundsToZeroHasNoSign() {
        #expect(NumberText.fixed(-0.004, decimals: 2) == "0.00")
        #expect(NumberText.fixed(-0.0, decimals: 1) == "0.0")
        #expect(NumberText.fixed(-0.004, decimals: 2, signed: true) == "0.00")
        #expect(NumberText.fixed(0.004, decimals: 2, signed: true) == "0.00")
    }

    @Test func signedMarksPositiveValues() {
        #expect(NumberText.fixed(0.048, decimals: 3, signed: true) == "+0.048")
        #expect(NumberText.fixed(-1.4, decimals: 1, signed: true) == "-1.4")
        #expect(NumberText.fixed(0, decimals: 1, signed: true) == "0.0")
    }

    @Test func groupingPutsACommaBeforeEveryThreeWholeDigits() {
        #expect(NumberText.fixed(654_800_141.4, decimals: 0, grouping: true) == "654,800,141")
        #expect(NumberText.fixed(4431.66, decimals: 1, grouping: true) == "4,431.7")
        #expect(NumberText.fixed(-1_234_567.891, decimals: 2, grouping: true) == "-1,234,567.89")
        #expect(NumberText.fixed(999, decimals: 0, grouping: true) == "999")
        #expect(NumberText.fixed(1000, decimals: 0, grouping: true) == "1,000")
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(1_234_567) == "1,234,567")
        #expect(NumberText.grouped(-12_345) == "-12,345")
        #expect(NumberText.grouped(Int64.min) == "-9,223,372,036,854,775,808")
        #expect(NumberText.grouped(UInt64.max) == "18,446,744,073,709,551,615")
    }

    @Test func trimmingZerosDropsTheTrailingZerosAndABarePoint() {
        #expect(NumberText.fixed(12.5, decimals: 1, trimmingZeros: true) == "12.5")
        #expect(NumberText.fixed(10, decimals: 1, trimmingZeros: true) == "10")
        #expect(NumberText.fixed(0.0630, decimals: 4, trimmingZeros: true) == "0.063")
    }

    @Test func aValueTooLargeToPrintDigitByDigitPrintsInScientificNotation() {
        #expect(NumberText.fixed(1e20, decimals: 0) == "1e20")
        #expect(NumberText.fixed(-1.5e20, decimals: 2, grouping: true) == "-1.5e20")
        #expect(NumberText.fixed(1.8e19, decimals: 0) == "18000000000000000000")
    }

    @Test func everyStylePrintsNaNAndInfinitiesByTheOneRule() {
        let styles: [(Double) -> String] = [
            { NumberText.fixed($0, decimals: 2) }, { NumberText.fixed($0, decimals: 0, grouping: true) },
            { NumberText.significant($0) }, NumberText.nanoseconds, { NumberText.duration(nanoseconds: $0) },
            { NumberText.bytes($0) }, { NumberText.si($0, unit: "B/s") }, NumberText.operationsPerSecond,
            NumberText.count, NumberText.percent, NumberText.pValue,
        ]
        for style in styles {
            #expect(style(.nan) == "n/a")
            #expect(style(.infinity) == "∞")
            #expect(style(-.infinity) == "-∞")
        }
        let signedStyles: [(Double) -> String] = [
            { NumberText.fixed($0, decimals: 1, signed: true) }, { NumberText.bytes($0, signed: true) },
            NumberText.change,
        ]
        for style in signedStyles {
            #expect(style(.nan) == "n/a")
            #expect(style(.infinity) == "+∞")
            #expect(style(-.infinity) == "-∞")
        }
    }

    @Test func significantKeepsFourDigitsAndMarksMillionsAndAbove() {
        #expect(NumberText.significant(41.5) == "41.5")
        #expect(NumberText.significant(41.5123) == "41.51")
        #expect(NumberText.significant(0.000_123_4) == "0.0001234")
        #expect(NumberText.significant(0.000_012_34) == "1.234e-5")
        #expect(NumberText.significant(0.000_000_15) == "1.5e-7")
        #expect(NumberText.significant(0.000_099_999) == "1e-4")
        #expect(NumberText.significant(65_536) == "65536")
        #expect(NumberText.significant(1234.5) == "1235")
        #expect(NumberText.significant(24_096_385.5) == "24.1M")
        #expect(NumberText.significant(2.5e9) == "2.5G")
        #expect(NumberText.significant(3e12) == "3T")
        #expect(NumberText.significant(-3.25) == "-3.25")
        #expect(NumberText.significant(0) == "0")
        #expect(NumberText.significant(3.14159, digits: 2) == "3.1")
    }

    @Test func changesAreSignedPercentagesWithOneDecimal() {
        #expect(NumberText.change(0.125) == "+12.5 %")
        #expect(NumberText.change(-0.03) == "-3.0 %")
        #expect(NumberText.change(0.00001) == "0.0 %")
        #expect(NumberText.change(-0.00001) == "0.0 %")
    }

    @Test func pValuesShowFourDecimalsAtMost() {
        #expect(NumberText.pValue(0.00001) == "<0.0001")
        #expect(NumberText.pValue(0.0079365) == "0.0079")
        #expect(NumberText.pValue(0.063) == "0.063")
        #expect(NumberText.pValue(1) == "1")
    }

    @Test func nanosecondsGetThePrecisionThatFitsTheirSize() {
        #expect(NumberText.nanoseconds(0.93) == "0.93")
        #expect(NumberText.nanoseconds(24.918) == "24.92")
        #expect(NumberText.nanoseconds(4.349) == "4.35")
        #expect(NumberText.nanoseconds(6_718.63) == "6,718.6")
        #expect(NumberText.nanoseconds(4431.66) == "4,431.7")
        #expect(NumberText.nanoseconds(1_234_567) == "1,234,567")
    }

    @Test func durationsTakeTheLargestUnitTheyHaveOneOf() {
        #expect(NumberText.duration(nanoseconds: 850) == "850 ns")
        #expect(NumberText.duration(nanoseconds: 1_250) == "1.25 µs")
        #expect(NumberText.duration(nanoseconds: 3_400_000) == "3.40 ms")
        #expect(NumberText.duration(nanoseconds: 1.2e9) == "1.20 s")
        #expect(NumberText.duration(nanoseconds: 7_200e9) == "7200.00 s")
        #expect(NumberText.duration(.milliseconds(1200)) == "1.20 s")
        #expect(NumberText.duration(nanoseconds: -1_250) == "-1.25 µs")
    }

    @Test func aDurationThatRoundsUpToAThousandTakesTheNextUnit() {
        #expect(NumberText.duration(nanoseconds: 999.4) == "999 ns")
        #expect(NumberText.duration(nanoseconds: 999.6) == "1.00 µs")
        #expect(NumberText.duration(nanoseconds: 999_996) == "1.00 ms")
    }

    @Test func byteCountsUseBinaryUnits() {
        #expect(NumberText.bytes(96) == "96 B")
        #expect(NumberText.bytes(1023) == "1023 B")
        #expect(NumberText.bytes(1024) == "1.0 KiB")
        #expect(NumberText.bytes(89.3 * 1024) == "89.3 KiB")
        #expect(NumberText.bytes(1.5 * 1024 * 1024) == "1.50 MiB")
        #expect(NumberText.bytes(2.25 * 1024 * 1024 * 1024) == "2.25 GiB")
        #expect(NumberText.bytes(1.1 * 1024 * 1024 * 1024 * 1024) == "1.10 TiB")
        #expect(NumberText.bytes(-2048) == "-2.0 KiB")
        #expect(NumberText.bytes(1023.7) == "1.0 KiB")
        #expect(NumberText.bytes(1024 * 1024 - 1) == "1.00 MiB")
    }

    @Test func signedByteCountsMarkGrowth() {
        #expect(NumberText.bytes(57.2 * 1024, signed: true) == "+57.2 KiB")
        #expect(NumberText.bytes(-1.4, signed: true) == "-1 B")
        #expect(NumberText.bytes(0, signed: true) == "0 B")
        #expect(NumberText.bytes(0.3, signed: true) == "0 B")
    }

    @Test func siRatesKeepThreeSignificantDigits() {
        #expect(NumberText.si(1.52e9, unit: "B/s") == "1.52 GB/s")
        #expect(NumberText.si(45_600_000, unit: "elem/s") == "45.6 Melem/s")
        #expect(NumberText.si(812, unit: "elem/s") == "812 elem/s")
        #expect(NumberText.si(0.5, unit: "elem/s") == "0.50 elem/s")
        #expect(NumberText.si(999_700, unit: "B/s") == "1.00 MB/s")
        #expect(NumberText.si(9.996, unit: "B/s") == "10.0 B/s")
    }

    @Test func operationsPerSecondAreGroupedAndCappedAtWhatAnOperationCanReach() {
        #expect(NumberText.operationsPerSecond(40_123_456.7) == "40,123,457")
        #expect(NumberText.operationsPerSecond(12.5) == "12.50")
        #expect(NumberText.operationsPerSecond(3e19) == ">1e15")
    }

    @Test func countsAreWholeWhenTheyCanBe() {
        #expect(NumberText.count(3) == "3")
        #expect(NumberText.count(65568) == "65,568")
        #expect(NumberText.count(2.5) == "2.50")
        #expect(NumberText.count(0.025) == "0.03")
        #expect(NumberText.count(1234.5) == "1,234.50")
    }

    @Test func percentagesKeepThreeSignificantDigits() {
        #expect(NumberText.percent(0.314) == "0.31%")
        #expect(NumberText.percent(12.54) == "12.5%")
        #expect(NumberText.percent(100) == "100%")
        #expect(NumberText.percent(9.999) == "10.0%")
    }

    @Test func tooManyDecimalsIsProgrammerMisuse() async {
        await #expect(processExitsWith: .failure) {
            _ = NumberText.fixed(1, decimals: 19)
        }
    }
}
