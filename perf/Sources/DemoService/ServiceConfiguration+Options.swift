/// The table of flags: one row per setting, shared by parsing, validation and `--help`.
extension ServiceConfiguration {
    struct IntegerOption {
        let flag: String
        let keyPath: WritableKeyPath<ServiceConfiguration, Int>
        let range: ClosedRange<Int>
        let help: String

        var expectation: String {
            "an integer from \(range.lowerBound) to \(range.upperBound)"
        }
    }

    struct DurationOption {
        let flag: String
        let keyPath: WritableKeyPath<ServiceConfiguration, Duration>
        let minimum: Duration
        let maximum: Duration
        let help: String

        var expectation: String {
            "seconds from \(ServiceConfiguration.secondsText(minimum)) to \(ServiceConfiguration.secondsText(maximum))"
                + ", e.g. 5 or 0.25"
        }
    }

    static var integerOptions: [IntegerOption] {
        [
            IntegerOption(flag: "--port", keyPath: \.port, range: 0...65535, help: "TCP port; 0 picks a free one"),
            IntegerOption(
                flag: "--threads", keyPath: \.threads, range: 1...256, help: "event-loop threads"),
            IntegerOption(
                flag: "--max-connections", keyPath: \.maxConnections, range: 1...1_000_000,
                help: "open connections; beyond it: 503 and close"),
            IntegerOption(
                flag: "--max-header", keyPath: \.maxHeaderBytes, range: 256...1_048_576,
                help: "request head bytes; beyond it: 431"),
            IntegerOption(
                flag: "--max-body", keyPath: \.maxBodyBytes, range: 0...67_108_864,
                help: "request body bytes; beyond it: 413"
            ),
            IntegerOption(
                flag: "--users", keyPath: \.users, range: 1...1_000_000,
                help: "seeded users user0…user<N-1>, password password<i>"),
            IntegerOption(
                flag: "--hash-rounds", keyPath: \.hashRounds, range: 1...10_000_000,
                help: "rounds of the salted password hash (cost of a login)"),
            IntegerOption(
                flag: "--sessions", keyPath: \.sessionCapacity, range: 1...10_000_000,
                help: "sessions kept by the LRU cache"),
            IntegerOption(flag: "--topics", keyPath: \.maxTopics, range: 1...1_000_000, help: "distinct topics kept"),
            IntegerOption(
                flag: "--ring", keyPath: \.ringCapacity, range: 1...1_000_000, help: "messages kept per topic"),
            IntegerOption(
                flag: "--max-payload", keyPath: \.maxPayloadBytes, range: 0...1_048_576,
                help: "payload bytes per message; beyond it: 413"),
            IntegerOption(
                flag: "--max-batch", keyPath: \.maxBatchMessages, range: 1...100_000,
                help: "messages per /messages batch; beyond it: 413"),
        ]
    }

    static var durationOptions: [DurationOption] {
        [
            DurationOption(
                flag: "--header-timeout", keyPath: \.headerTimeout, minimum: .milliseconds(1), maximum: .seconds(3600),
                help: "seconds to complete a request head (and then its body), else close"),
            DurationOption(
                flag: "--idle-timeout", keyPath: \.idleTimeout, minimum: .milliseconds(1), maximum: .seconds(86400),
                help: "seconds of silence before an idle connection is closed"),
            DurationOption(
                flag: "--drain-timeout", keyPath: \.drainTimeout, minimum: .zero, maximum: .seconds(3600),
                help: "seconds SIGTERM waits for in-flight requests"),
        ]
    }

    /// `1.5` for 1.5 s: durations in flags and messages are decimal seconds.
    static func secondsText(_ duration: Duration) -> String {
        let milliseconds = duration.nanoseconds / 1_000_000
        let whole = milliseconds / 1000
        let fraction = milliseconds % 1000
        guard fraction != 0 else { return String(whole) }
        var digits = String(fraction)
        while digits.count < 3 { digits = "0" + digits }
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    /// Parses decimal seconds with at most three decimals (`5`, `0.25`) into a duration.
    static func parseSeconds(_ text: String) -> Duration? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholeText = parts.first, !wholeText.isEmpty, wholeText.allSatisfy(\.isASCIIDigit),
            wholeText.count <= 9, let whole = Int(wholeText)
        else { return nil }
        var milliseconds = whole * 1000
        if parts.count == 2 {
            let fractionText = parts[1]
            guard !fractionText.isEmpty, fractionText.count <= 3, fractionText.allSatisfy(\.isASCIIDigit),
                let fraction = Int(fractionText)
            else { return nil }
            var scale = 1
            for _ in fractionText.count..<3 { scale *= 10 }
            milliseconds += fraction * scale
        }
        return .milliseconds(milliseconds)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
