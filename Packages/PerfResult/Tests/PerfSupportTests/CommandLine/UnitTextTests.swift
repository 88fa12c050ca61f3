import PerfSupport
import Testing

@Suite struct UnitTextTests {
    @Test(arguments: [
        ("250ns", Duration.nanoseconds(250)), ("500us", .microseconds(500)), ("500µs", .microseconds(500)),
        ("250ms", .milliseconds(250)), ("10s", .seconds(10)), ("1.5s", .milliseconds(1500)), ("2m", .seconds(120)),
        ("1h", .seconds(3600)), ("0s", .zero),
    ])
    func durationsReadEveryUnit(_ text: String, _ expected: Duration) {
        #expect(UnitText.duration(text) == expected)
    }

    @Test(arguments: ["", "10", "s", ".5s", "5.s", "1.2.3s", "-1s", "10 s", "1e3ms", "10parsecs", "9999999999h"])
    func malformedDurationsAreRefused(_ text: String) {
        #expect(UnitText.duration(text) == nil)
    }

    @Test(arguments: [
        ("1h30m", Duration.seconds(5400)), ("2m30s", .seconds(150)), ("1s500ms", .milliseconds(1500)),
        ("24h", .seconds(86_400)), ("1h0m5s", .seconds(3605)), ("1.5h30s", .seconds(5430)),
    ])
    func compoundDurationsAddTheirPartsFromTheLargestUnitDown(_ text: String, _ expected: Duration) {
        #expect(UnitText.duration(text) == expected)
    }

    @Test(arguments: ["30m1h", "1h1h", "1h30", "1h 30m", "1h-30m", "h30m", "1h30mx", "1s1m"])
    func compoundDurationsOutOfOrderOrIncompleteAreRefused(_ text: String) {
        #expect(UnitText.duration(text) == nil)
    }

    @Test func secondsAcceptAPlainNumberOrAUnit() {
        #expect(UnitText.seconds("0.5") == .milliseconds(500))
        #expect(UnitText.seconds("250ms") == .milliseconds(250))
        #expect(UnitText.seconds("abc") == nil)
    }

    @Test func durationsFormatShortAndReadBack() {
        let cases: [(Duration, String)] = [
            (.nanoseconds(250), "250ns"), (.microseconds(250), "250us"), (.milliseconds(1500), "1.5s"),
            (.seconds(120), "2m"), (.seconds(7200), "2h"), (.seconds(90), "90s"), (.milliseconds(12), "12ms"),
        ]
        for (duration, text) in cases {
            #expect(UnitText.format(duration) == text)
            #expect(UnitText.duration(text) == duration)
        }
    }

    @Test func countsTakeSIPrefixes() {
        #expect(UnitText.count("250") == 250)
        #expect(UnitText.count("20k") == 20_000)
        #expect(UnitText.count("20K") == 20_000)
        #expect(UnitText.count("1.5M") == 1_500_000)
        #expect(UnitText.count("2G") == 2e9)
        #expect(UnitText.count("0.5") == 0.5)
        #expect(UnitText.count("20x") == nil)
        #expect(UnitText.count("-5") == nil)
    }

    @Test func byteSizesTakeDecimalAndBinaryUnits() {
        #expect(UnitText.bytes("4096") == 4096)
        #expect(UnitText.bytes("96B") == 96)
        #expect(UnitText.bytes("64KiB") == 65_536)
        #expect(UnitText.bytes("64KB") == 64_000)
        #expect(UnitText.bytes("64k") == 64_000)
        #expect(UnitText.bytes("1.5MiB") == 1_572_864)
        #expect(UnitText.bytes("1GiB") == 1_073_741_824)
        #expect(UnitText.bytes("1.5B") == nil)
        #expect(UnitText.bytes("64Kib") == nil)
    }

    @Test func valueKindsWithUnitsNameWhatTheyExpect() {
        #expect(throws: UsageError("--size: \"64 KiB\" is not a size such as 4096, 64KiB or 1MB")) {
            try ValueKind<Int>.bytes.convert("64 KiB", source: "--size")
        }
        #expect(throws: UsageError("--rate: \"fast\" is not a rate such as 500, 20k or 1.5M")) {
            try ValueKind<Double>.rate.convert("fast", source: "--rate")
        }
        #expect(throws: UsageError("--rate: 0 is out of range: it must be between 0.5 and 1000")) {
            try ValueKind<Double>.rate.within(0.5...1000).convert("0", source: "--rate")
        }
        #expect(throws: UsageError("--x: \"nan\" is not a number")) {
            try ValueKind<Double>.number.convert("nan", source: "--x")
        }
    }
}
