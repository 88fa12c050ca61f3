extension Duration {
    /// The duration in whole nanoseconds, clamped to `0...UInt64.max`: a negative duration is 0, one beyond
    /// `UInt64.max` nanoseconds (about 584 years) is `UInt64.max`. Never traps.
    ///
    /// The one conversion from `Duration` to nanoseconds of the toolkit; sub-nanosecond parts are dropped
    /// (truncated toward zero).
    /// - Complexity: O(1).
    public var nanosecondsClamped: UInt64 {
        let (seconds, attoseconds) = components
        // Components share the duration's sign, and a duration under one second has seconds == 0.
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .max }
        let (total, carry) = whole.addingReportingOverflow(UInt64(attoseconds / 1_000_000_000))
        return carry ? .max : total
    }

    /// A duration of `nanoseconds`: exact for every value (a `Duration` reaches far beyond `UInt64.max`
    /// nanoseconds), the inverse of `nanosecondsClamped` for every non-negative duration in whole nanoseconds.
    /// - Complexity: O(1).
    public init(nanoseconds: UInt64) {
        self = .seconds(Int64(nanoseconds / 1_000_000_000)) + .nanoseconds(Int64(nanoseconds % 1_000_000_000))
    }

    /// The duration in seconds as a `Double` (negative for a negative duration), to print or to compute
    /// rates with; precise to about 16 significant digits.
    /// - Complexity: O(1).
    public var secondsDouble: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
