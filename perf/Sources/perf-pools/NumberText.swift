import SuiteSupport

/// Numbers for the table: fixed decimals and thousands separators, no Foundation.
enum NumberText {
    /// `value` with `decimals` digits after the point: `fixed(1234.5, 2)` is `1234.50`.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        value.fixed(decimals, grouping: true)
    }

    /// A rate or count with thousands separators and no decimals: `654,800,141`.
    static func grouped(_ value: Double) -> String {
        fixed(value, 0)
    }

    /// Nanoseconds as MicroBench prints them: two decimals below 1,000 (`25.17`), one above (`4,431.7`).
    static func nanoseconds(_ value: Double) -> String {
        fixed(value, abs(value) < 1000 ? 2 : 1)
    }

    /// A per-operation count: whole numbers as integers (`1`, `4,176`), others with two decimals.
    static func count(_ value: Double) -> String {
        value == value.rounded() ? fixed(value, 0) : fixed(value, 2)
    }

    /// A ratio with its sign: `0.13×`, and three decimals below 0.1 (`0.023×`).
    static func ratio(_ value: Double) -> String {
        fixed(value, abs(value) < 0.1 ? 3 : 2) + "×"
    }
}
