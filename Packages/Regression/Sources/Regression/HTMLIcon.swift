/// The HTML report's verdict marks: small inline SVG icons, each with its text alternative (`role="img"`,
/// `aria-label` and a `<title>`), so that they render in any browser without an emoji font — headless
/// Chromium without one draws ✅ ❌ ⚠️ as empty boxes. New and gone are text badges.
enum HTMLIcon {
    /// The mark of `verdict`.
    static func verdict(_ verdict: Verdict) -> String {
        let shape: String
        switch verdict {
        case .regression:
            shape =
                "<circle cx=\"8\" cy=\"8\" r=\"7\" fill=\"#c62828\"/>"
                + "<path d=\"M5 5l6 6M11 5l-6 6\" stroke=\"#fff\" stroke-width=\"2\" stroke-linecap=\"round\"/>"
        case .warning:
            return warning(label: verdict.name)
        case .improved, .unchanged:
            shape =
                "<circle cx=\"8\" cy=\"8\" r=\"7\" fill=\"#2e7d32\"/>"
                + "<path d=\"M4.5 8.5l2.5 2.5 4.5-5\" stroke=\"#fff\" stroke-width=\"2\" fill=\"none\" "
                + "stroke-linecap=\"round\" stroke-linejoin=\"round\"/>"
        case .insignificant:
            shape =
                "<circle cx=\"8\" cy=\"8\" r=\"7\" fill=\"#78909c\"/>"
                + "<path d=\"M4.5 9c1-2 2.5-2 3.5-1s2.5 1 3.5-1\" stroke=\"#fff\" stroke-width=\"1.8\" fill=\"none\" "
                + "stroke-linecap=\"round\"/>"
        case .reported:
            shape = "<circle cx=\"8\" cy=\"8\" r=\"3\" fill=\"#9e9e9e\"/>"
        case .new, .gone:
            return "<span class=\"badge\">\(verdict.rawValue)</span>"
        }
        return svg(shape, label: verdict.name, kind: verdict.rawValue)
    }

    /// The warning triangle, also in front of a suite's report-only warning.
    static func warning(label: String = "warning") -> String {
        svg(
            "<path d=\"M8 1.5L15 14.5H1z\" fill=\"#ef8f00\"/>"
                + "<path d=\"M8 6v4\" stroke=\"#fff\" stroke-width=\"2\" stroke-linecap=\"round\"/>"
                + "<circle cx=\"8\" cy=\"12.3\" r=\"1.1\" fill=\"#fff\"/>", label: label, kind: "warning")
    }

    private static func svg(_ shape: String, label: String, kind: String) -> String {
        "<svg class=\"icon icon-\(kind)\" width=\"14\" height=\"14\" viewBox=\"0 0 16 16\" role=\"img\" "
            + "aria-label=\"\(label)\"><title>\(label)</title>\(shape)</svg>"
    }
}
