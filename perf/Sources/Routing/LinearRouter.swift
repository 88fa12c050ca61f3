/// The baseline router: tries every pattern in turn and keeps the most specific match.
///
/// Same patterns, same answers as `Router` (the benchmarks and tests check that), but each match costs one
/// attempt per route: O(*r* × *n*) for *r* routes. It exists to be measured against the trie.
///
/// ```swift
/// var linear = LinearRouter<String>()
/// try linear.add("/users/:id", "user")
/// linear.match("/users/42")?.parameters["id"]   // "42"
/// ```
public struct LinearRouter<Value> {
    @usableFromInline var list = RouteList()
    @usableFromInline var values: [Value] = []

    /// An empty router.
    public init() {}

    /// The number of routes.
    public var count: Int { values.count }

    /// Adds a route from its pattern's text.
    ///
    /// - Throws: `RoutingError.invalidPattern` for a malformed pattern, `.duplicateRoute` when an earlier
    ///   pattern matches the same paths.
    /// - Complexity: O(*r*) for *r* routes already added.
    public mutating func add(_ pattern: String, _ value: Value) throws(RoutingError) {
        try add(RoutePattern(pattern), value)
    }

    /// Adds a route.
    ///
    /// - Throws: `RoutingError.duplicateRoute` when an earlier pattern matches the same paths.
    /// - Complexity: O(*r*) for *r* routes already added.
    public mutating func add(_ pattern: RoutePattern, _ value: Value) throws(RoutingError) {
        try list.insert(pattern)
        values.append(value)
    }

    /// The value of the most specific route that matches `path`, or `nil`; its captures go to `parameters`.
    ///
    /// Reuse one `parameters` across calls: matching then allocates nothing.
    /// - Complexity: O(*r* × *n*) for *r* routes and a path of length *n*.
    @inlinable
    public func match(_ path: String, parameters: inout RouteParameters) -> Value? {
        list.routeIndex(path, &parameters).map { values[$0] }
    }

    /// The most specific route that matches `path` with its captures, or `nil`.
    ///
    /// Allocates the match's parameters; in a loop, prefer `match(_:parameters:)`.
    /// - Complexity: as `match(_:parameters:)`.
    @inlinable
    public func match(_ path: String) -> RouteMatch<Value>? {
        var parameters = RouteParameters()
        guard let route = list.routeIndex(path, &parameters) else { return nil }
        return RouteMatch(value: values[route], pattern: list.patterns[route], parameters: parameters)
    }
}

extension LinearRouter: Sendable where Value: Sendable {}
