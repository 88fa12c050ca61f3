/// A trie router: maps request paths to values through route patterns such as `/users/:id/posts/:post`.
///
/// ```swift
/// var router = Router<String>()
/// try router.add("/users/:id", "user")
/// try router.add("/users/me", "me")
/// try router.add("/static/*file", "file")
/// router.match("/users/42")?.parameters["id"]   // "42"
/// router.match("/users/me")?.value              // "me": a literal wins over a parameter
/// router.match("/nope")                         // nil
/// ```
///
/// Each node holds its literal children, at most one parameter child and at most one wildcard route, so a
/// match costs one step per segment whatever the number of routes; where a literal branch dead-ends the search
/// backtracks to the parameter, then the wildcard (the precedence `RoutePattern.precedes(_:)` defines). The
/// query (from `?`) is ignored; a trailing slash is an empty segment, which no parameter or literal matches.
public struct Router<Value> {
    @usableFromInline var trie = RouteTrie()
    @usableFromInline var values: [Value] = []

    /// An empty router.
    public init() {}

    /// The number of routes.
    public var count: Int { values.count }

    /// The patterns in the order they were added.
    public var patterns: [RoutePattern] { trie.patterns }

    /// Adds a route from its pattern's text.
    ///
    /// - Throws: `RoutingError.invalidPattern` for a malformed pattern, `.duplicateRoute` when an earlier
    ///   pattern matches the same paths.
    /// - Complexity: O(*s* × *f*) for *s* segments and fan-out *f* along the path.
    public mutating func add(_ pattern: String, _ value: Value) throws(RoutingError) {
        try add(RoutePattern(pattern), value)
    }

    /// Adds a route.
    ///
    /// - Throws: `RoutingError.duplicateRoute` when an earlier pattern matches the same paths.
    /// - Complexity: O(*s* × *f*) for *s* segments and fan-out *f* along the path.
    public mutating func add(_ pattern: RoutePattern, _ value: Value) throws(RoutingError) {
        try trie.insert(pattern)
        values.append(value)
    }

    /// The value of the route that matches `path`, or `nil`; its captures go to `parameters`.
    ///
    /// Reuse one `parameters` across calls: matching then allocates nothing.
    /// - Complexity: O(*n*) in the length of the path when no branch dead-ends; each dead end adds the
    ///   length of its subtree's longest match attempt.
    @inlinable
    public func match(_ path: String, parameters: inout RouteParameters) -> Value? {
        trie.routeIndex(path, &parameters).map { values[$0] }
    }

    /// The route that matches `path` with its captures, or `nil`.
    ///
    /// Allocates the match's parameters; in a loop, prefer `match(_:parameters:)`.
    /// - Complexity: as `match(_:parameters:)`.
    @inlinable
    public func match(_ path: String) -> RouteMatch<Value>? {
        var parameters = RouteParameters()
        guard let route = trie.routeIndex(path, &parameters) else { return nil }
        return RouteMatch(value: values[route], pattern: trie.patterns[route], parameters: parameters)
    }
}

extension Router: Sendable where Value: Sendable {}
