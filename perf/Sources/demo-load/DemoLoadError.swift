/// Why `demo-load` could not do what it was asked (a bad command line is a `UsageError` instead); each message
/// says what to change.
enum DemoLoadError: Error, Equatable, CustomStringConvertible {
    /// The demo service did not start, or a scenario file is unusable (exit status 2).
    case setup(String)
    /// `/metrics` could not be fetched or read (exit status 2).
    case scrape(String)
    /// A results file could not be read or written (exit status 2).
    case report(String)

    var description: String {
        switch self {
        case .setup(let message): message
        case .scrape(let message): "cannot read /metrics: \(message)"
        case .report(let message): message
        }
    }
}
