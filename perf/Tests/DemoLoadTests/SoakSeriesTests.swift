import PerfSupport
import Testing

@testable import demo_load

@Suite struct SoakSeriesTests {
    @Test func unsignedByteCountsBecomeTheirValueNotTheirBitPattern() {
        #expect(ServiceSoak.moments(UInt64(1_148_000))?.mean == 1_148_000)
        #expect(ServiceSoak.moments(UInt64(15_171_584))?.mean == 15_171_584)
    }

    @Test func signedCountsConvertToo() {
        #expect(ServiceSoak.moments(Int(697_280))?.mean == 697_280)
        #expect(ServiceSoak.moments(Int?.none) == nil)
    }

    @Test func theSeriesIsEveryPointsMean() {
        let points = [Moments([1, 3]), Moments([10])]
        #expect(ServiceSoak.series(points) == [2, 10])
    }

    @Test func aPointWithoutTheReadingDropsTheWholeSeries() {
        #expect(ServiceSoak.series([Moments([1]), nil]) == nil)
        #expect(ServiceSoak.series([Moments?]()) == nil)
    }
}
