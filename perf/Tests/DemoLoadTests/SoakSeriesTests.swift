import Testing

@testable import demo_load

@Suite struct SoakSeriesTests {
    @Test func unsignedByteCountsBecomeTheirValueNotTheirBitPattern() {
        let series = ServiceSoak.series([UInt64(1_148_000), UInt64(15_171_584)])
        #expect(series == [1_148_000, 15_171_584])
    }

    @Test func signedCountsConvertToo() {
        #expect(ServiceSoak.series([Int(697_280), Int(778_992)]) == [697_280, 778_992])
    }

    @Test func aSampleWithoutTheCountDropsTheWholeSeries() {
        #expect(ServiceSoak.series([UInt64(1), nil]) == nil)
        #expect(ServiceSoak.series([UInt64?]()) == nil)
    }
}
