/// Why a route could not be added: a malformed pattern, or one that clashes with a route already added.
///
/// Matching never throws: a path that no route matches is `nil`.
public enum RoutingError: Error, Equatable, Sendable {
    /// The pattern is not `/`, `/literal`, `/:parameter` or `/*wildcard` segments; `reason` says which rule broke.
    case invalidPattern(String, reason: String)
    /// The pattern matches exactly the paths an earlier pattern matches (parameter names aside).
    case duplicateRoute(String, existing: String)
}

extension RoutingError: CustomStringConvertible {
    /// What went wrong and what to do about it, in one line.
    public var description: String {
        switch self {
        case .invalidPattern(let pattern, let reason):
            return "invalid route pattern \"\(pattern)\": \(reason)"
        case .duplicateRoute(let pattern, let existing):
            return
                "route \"\(pattern)\" matches the same paths as \"\(existing)\"; remove one or change a literal segment"
        }
    }
}
