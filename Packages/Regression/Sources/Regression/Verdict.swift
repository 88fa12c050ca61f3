/// What the check concluded about one metric (or one result that exists on one side only).
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    /// Better than the baseline beyond the threshold (and significant when tested).
    case improved
    /// Within the threshold.
    case unchanged
    /// No statistically significant change (p ≥ α), whatever the medians say: benchstat's `~`.
    case insignificant
    /// Worse than the threshold, but not failing: low confidence between the threshold and
    /// threshold × 1.5, or an environment that differs from the baseline's.
    case warning
    /// A report-only metric (`gate: false`, e.g. a single-value tail or a diagnostic count): its change
    /// is shown and never judged, so it is neither a warning nor an improvement.
    case reported
    /// Worse than the threshold (and significant when tested): fails the check in strict mode.
    case regression
    /// Present now, absent from the baseline: listed, never failed.
    case new
    /// In the baseline, absent now: listed, never failed.
    case gone

    /// The mark shown in text and Markdown: `✓` (unchanged or improved), `~`, `!` (warning), `✗`
    /// (regression), `·` (report only), `new`, `gone`. Text-safe on purpose: no emoji, so that it renders in
    /// any terminal font and in browsers without an emoji font; the HTML report draws SVG icons instead
    /// (`HTMLIcon`).
    public var symbol: String {
        switch self {
        case .improved, .unchanged: return "✓"
        case .insignificant: return "~"
        case .warning: return "!"
        case .regression: return "✗"
        case .reported: return "·"
        case .new: return "new"
        case .gone: return "gone"
        }
    }

    /// The verdict in words, for the icons' text alternatives and the legends: `regression`, `warning`, …
    public var name: String {
        switch self {
        case .improved: return "improved"
        case .unchanged: return "within the threshold"
        case .insignificant: return "no significant change"
        case .warning: return "warning"
        case .regression: return "regression"
        case .reported: return "report only"
        case .new: return "new"
        case .gone: return "gone"
        }
    }
}
