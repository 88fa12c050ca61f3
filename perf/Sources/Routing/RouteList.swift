/// The list behind `LinearRouter`: routes by index, tried one after the other.
@usableFromInline
struct RouteList: Sendable {
    /// The patterns in the order they were added; a route's index is its position here.
    @usableFromInline var patterns: [RoutePattern] = []

    @usableFromInline init() {}

    /// Adds `pattern` as route number `patterns.count`.
    ///
    /// - Throws: `RoutingError.duplicateRoute` when an earlier pattern matches the same paths; nothing changes.
    /// - Complexity: O(*r*) for *r* routes already added.
    @usableFromInline
    mutating func insert(_ pattern: RoutePattern) throws(RoutingError) {
        if let existing = patterns.first(where: { $0.shape == pattern.shape }) {
            throw .duplicateRoute(pattern.text, existing: existing.text)
        }
        patterns.append(pattern)
    }

    /// The index of the most specific route that matches `path`, its captures in `parameters`; `nil` if none.
    ///
    /// Every route is tried; among those that match, the one that `RoutePattern.precedes(_:)` all others wins.
    /// - Complexity: O(*r* × *n*) for *r* routes and a path of length *n*.
    @usableFromInline
    func routeIndex(_ path: String, _ parameters: inout RouteParameters) -> Int? {
        parameters.reset(path: path)
        let route = RequestPath.withBytes(of: path) { bytes -> Int? in
            guard bytes.first == UInt8(ascii: "/") else { return nil }
            var best: Int?
            for index in patterns.indices where patterns[index].matches(bytes, capture: false, into: &parameters.ranges)
            {
                if let current = best, !patterns[index].precedes(patterns[current]) { continue }
                best = index
            }
            if let best { _ = patterns[best].matches(bytes, capture: true, into: &parameters.ranges) }
            return best
        }
        if let route { parameters.names = patterns[route].parameterNames }
        return route
    }
}
