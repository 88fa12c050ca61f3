/// The one rule by which the toolkit reads a yes/no environment variable (`STRICT_PERF`, `NO_BUILD`, ...).
public enum Truthiness {
    /// `1`, `true`, `yes`, `on` are true; empty, `0`, `false`, `no`, `off` are false; case is ignored.
    /// - Throws: `UsageError` naming `variable` for anything else, so a typo never silently means "off".
    public static func parse(_ text: String, variable: String) throws(UsageError) -> Bool {
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "", "0", "false", "no", "off": return false
        default:
            throw UsageError(
                "\(variable)=\(text) is not understood; use 1 (or true, yes, on) to turn it on, "
                    + "0 (or false, no, off) to turn it off")
        }
    }
}
