import PerfSupport

extension NumberText {
    /// A ratio of two figures: `0.13×`, with three decimals below 0.1 (`0.023×`).
    /// - Complexity: O(*d*) in the number of digits.
    static func ratio(_ value: Double) -> String {
        fixed(value, decimals: value.magnitude < 0.1 ? 3 : 2, grouping: true) + "×"
    }
}
