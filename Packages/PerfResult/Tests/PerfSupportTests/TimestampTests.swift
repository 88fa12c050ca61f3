import PerfSupport
import Testing

@Suite struct TimestampTests {
    @Test func timestampsAreISO8601InUTC() {
        #expect(Timestamp.format(epochSeconds: 0) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.format(epochSeconds: 1_795_528_667) == "2026-11-24T13:57:47Z")
        #expect(Timestamp.format(epochSeconds: -1) == "1969-12-31T23:59:59Z")
    }

    @Test func theCompactFormHasNoSeparatorsForFileNames() {
        #expect(Timestamp.format(epochSeconds: 1_795_528_667, compact: true) == "20261124T135747Z")
        #expect(Timestamp.format(epochSeconds: 0, compact: true) == "19700101T000000Z")
    }

    @Test func nowIsATimestampOfThisCentury() {
        #expect(Timestamp.utcNow().wholeMatch(of: /20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
    }
}
