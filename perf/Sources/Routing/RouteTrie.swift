/// The trie behind `Router`: routes by index, so that the matching code is not generic and runs at full speed
/// from any module without specialization.
///
/// Each node holds its literal children, at most one parameter child, and the routes that end there: one whose
/// last segment is the node's, and one wildcard that takes the rest of the path.
@usableFromInline
struct RouteTrie: Sendable {
    /// A trie node; children and routes are indices into `nodes` and `patterns`.
    struct Node: Sendable {
        var literals: [LiteralEdge] = []
        var parameterChild: Int?
        var wildcardRoute: Int?
        var route: Int?
    }

    /// A literal child: the segment's bytes and the node they lead to.
    struct LiteralEdge: Sendable {
        var bytes: [UInt8]
        var child: Int
    }

    var nodes: [Node] = [Node()]
    /// The patterns in the order they were added; a route's index is its position here.
    @usableFromInline var patterns: [RoutePattern] = []

    @usableFromInline init() {}

    /// Adds `pattern` as route number `patterns.count`.
    ///
    /// - Throws: `RoutingError.duplicateRoute` when an earlier pattern matches the same paths; nothing changes.
    /// - Complexity: O(*s* × *f*) for *s* segments and fan-out *f* along the path.
    @usableFromInline
    mutating func insert(_ pattern: RoutePattern) throws(RoutingError) {
        var node = 0
        for shape in pattern.shape {
            switch shape {
            case .literal(let bytes):
                if let edge = nodes[node].literals.first(where: { $0.bytes == bytes }) {
                    node = edge.child
                } else {
                    let child = appendNode()
                    nodes[node].literals.append(LiteralEdge(bytes: bytes, child: child))
                    node = child
                }
            case .parameter:
                if let child = nodes[node].parameterChild {
                    node = child
                } else {
                    let child = appendNode()
                    nodes[node].parameterChild = child
                    node = child
                }
            case .wildcard:
                if let existing = nodes[node].wildcardRoute {
                    throw .duplicateRoute(pattern.text, existing: patterns[existing].text)
                }
                nodes[node].wildcardRoute = patterns.count
                patterns.append(pattern)
                return
            }
        }
        if let existing = nodes[node].route {
            throw .duplicateRoute(pattern.text, existing: patterns[existing].text)
        }
        nodes[node].route = patterns.count
        patterns.append(pattern)
    }

    private mutating func appendNode() -> Int {
        nodes.append(Node())
        return nodes.count - 1
    }
}
