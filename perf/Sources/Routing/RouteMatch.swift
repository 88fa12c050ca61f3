/// A successful match: the route's value, its pattern and the captured parameters.
public struct RouteMatch<Value> {
    /// The value the route was added with.
    public var value: Value
    /// The pattern that matched.
    public var pattern: RoutePattern
    /// The captured parameter and wildcard values.
    public var parameters: RouteParameters

    /// Creates a match.
    @usableFromInline
    init(value: Value, pattern: RoutePattern, parameters: RouteParameters) {
        self.value = value
        self.pattern = pattern
        self.parameters = parameters
    }
}

extension RouteMatch: Sendable where Value: Sendable {}
