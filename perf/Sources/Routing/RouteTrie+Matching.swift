/// Matching a path against the trie.
extension RouteTrie {
    /// The index of the route that matches `path`, its captures in `parameters`; `nil` if none matches.
    ///
    /// - Complexity: O(*n*) in the length of the path when no branch dead-ends; each dead end adds the
    ///   length of its subtree's longest match attempt.
    @usableFromInline
    func routeIndex(_ path: String, _ parameters: inout RouteParameters) -> Int? {
        parameters.reset(path: path)
        let route = RequestPath.withBytes(of: path) { bytes in
            guard bytes.first == UInt8(ascii: "/") else { return Int?.none }
            return nodes.withUnsafeBufferPointer { nodes in
                if bytes.count == 1 { return nodes[0].route }
                return Self.search(nodes, 0, bytes, slash: 0, &parameters.ranges)
            }
        }
        if let route { parameters.names = patterns[route].parameterNames }
        return route
    }

    /// Depth-first search from `node`, whose segments end at `slash` (the `/` before the next segment, or
    /// `bytes.count` at the end of the path): literal child first, then the parameter, then the wildcard.
    private static func search(
        _ nodes: UnsafeBufferPointer<Node>, _ node: Int, _ bytes: UnsafeBufferPointer<UInt8>, slash: Int,
        _ ranges: inout [Range<Int>]
    ) -> Int? {
        if slash == bytes.count { return nodes[node].route }
        let start = slash + 1
        let end = RequestPath.segmentEnd(bytes, from: start)
        if start < end {
            for edge in nodes[node].literals where RequestPath.equals(bytes, start..<end, edge.bytes) {
                if let found = search(nodes, edge.child, bytes, slash: end, &ranges) { return found }
                break
            }
            if let child = nodes[node].parameterChild {
                ranges.append(start..<end)
                if let found = search(nodes, child, bytes, slash: end, &ranges) { return found }
                ranges.removeLast()
            }
        }
        if let route = nodes[node].wildcardRoute, start < bytes.count {
            ranges.append(start..<bytes.count)
            return route
        }
        return nil
    }
}
