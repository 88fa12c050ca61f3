/// The values a match captured for a route's parameters and wildcard, in pattern order, as slices of the path.
///
/// Keep one `RouteParameters` per loop and pass it to every match: its storage is reused, so matching allocates
/// nothing once it has seen the route with the most parameters.
///
/// ```swift
/// var parameters = RouteParameters()
/// if let handler = router.match("/users/42/posts/7", parameters: &parameters) {
///     parameters["id"]     // "42"
///     parameters["post"]   // "7"
/// }
/// ```
///
/// Values are the raw bytes of the path: no percent-decoding.
public struct RouteParameters: RandomAccessCollection, Sendable {
    /// The request target of the last match; the ranges index its UTF-8 bytes.
    var path = ""
    /// The names of the matched route's parameters.
    var names: [String] = []
    /// The captured values as UTF-8 offsets into `path`, parallel to `names`.
    var ranges: [Range<Int>] = []

    /// No parameters.
    public init() {}

    /// The number of captured values.
    public var count: Int { ranges.count }
    /// 0.
    public var startIndex: Int { 0 }
    /// `count`.
    public var endIndex: Int { ranges.count }

    /// The parameter at `position`: its name and the captured part of the path.
    /// - Complexity: O(1).
    public subscript(position: Int) -> (name: String, value: Substring) {
        (names[position], value(ranges[position]))
    }

    /// The value captured under `name`, or `nil` if the matched route has no such parameter.
    /// - Complexity: O(*p*) in the number of parameters.
    public subscript(name: String) -> Substring? {
        guard let position = names.firstIndex(of: name), position < ranges.count else { return nil }
        return value(ranges[position])
    }

    /// Forgets the previous match, keeping the storage.
    mutating func reset(path: String) {
        self.path = path
        names = []
        ranges.removeAll(keepingCapacity: true)
    }

    private func value(_ range: Range<Int>) -> Substring {
        let utf8 = path.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return path[start..<end]
    }
}
