/// A checked route pattern: `/`, or `/`-separated segments that are literals, `:parameter`s or a final `*wildcard`.
///
/// ```swift
/// let pattern = try RoutePattern("/users/:id/posts/:post")
/// pattern.parameterNames   // ["id", "post"]
/// ```
///
/// A literal matches its exact bytes (case-sensitive, no percent-decoding); a parameter matches one non-empty
/// segment; a wildcard matches the non-empty rest of the path, slashes included. Where several patterns match a
/// path, the one whose segments are more specific from the left wins: literal before parameter before wildcard.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    /// One segment of a pattern.
    public enum Segment: Sendable, Hashable {
        /// Matches exactly this text.
        case literal(String)
        /// Matches one non-empty segment and captures it under this name.
        case parameter(String)
        /// Matches the non-empty rest of the path and captures it under this name; always the last segment.
        case wildcard(String)
    }

    /// The pattern as written, e.g. `/users/:id`.
    public let text: String
    /// The segments after the leading `/`; empty for the root pattern `/`.
    public let segments: [Segment]
    /// The names of the parameters and the wildcard, in order: the order of a match's captures.
    public let parameterNames: [String]
    /// The segments without parameter names: two patterns with one shape match exactly the same paths.
    let shape: [Shape]

    /// A segment as matching sees it.
    enum Shape: Hashable {
        case literal([UInt8])
        case parameter
        case wildcard

        /// 0 for a literal, 1 for a parameter, 2 for a wildcard: lower is more specific.
        var precedence: Int {
            switch self {
            case .literal: 0
            case .parameter: 1
            case .wildcard: 2
            }
        }
    }

    /// Parses and checks `text`.
    ///
    /// - Throws: `RoutingError.invalidPattern` naming the rule `text` breaks.
    /// - Complexity: O(*n*) in the length of `text`.
    public init(_ text: String) throws(RoutingError) {
        func invalid(_ reason: String) -> RoutingError { .invalidPattern(text, reason: reason) }
        guard text.first == "/" else { throw invalid("it must start with '/'") }
        if let bad = text.first(where: { $0 == "?" || $0 == "#" }) {
            throw invalid("it contains '\(bad)'; a route matches the path only, without query or fragment")
        }
        var segments: [Segment] = []
        var names: [String] = []
        var shape: [Shape] = []
        if text != "/" {
            let parts = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                guard !part.isEmpty else { throw invalid("it has an empty segment (a trailing or double '/')") }
                guard let marker = part.first, marker == ":" || marker == "*" else {
                    segments.append(.literal(String(part)))
                    shape.append(.literal(Array(part.utf8)))
                    continue
                }
                let name = String(part.dropFirst())
                let kind = marker == ":" ? "parameter" : "wildcard"
                guard !name.isEmpty else { throw invalid("the \(kind) in segment \(index + 1) has no name") }
                guard name.utf8.allSatisfy(Self.isNameByte) else {
                    throw invalid("the \(kind) name \"\(name)\" must be ASCII letters, digits or '_'")
                }
                guard !names.contains(name) else { throw invalid("the name \"\(name)\" appears twice") }
                if marker == "*" {
                    guard index == parts.count - 1 else {
                        throw invalid("the wildcard *\(name) must be the last segment")
                    }
                    segments.append(.wildcard(name))
                    shape.append(.wildcard)
                } else {
                    segments.append(.parameter(name))
                    shape.append(.parameter)
                }
                names.append(name)
            }
        }
        self.text = text
        self.segments = segments
        self.parameterNames = names
        self.shape = shape
    }

    /// The pattern as written.
    public var description: String { text }

    /// Whether this pattern wins over `other` when both match a path: the first segment where their kinds
    /// differ decides (literal before parameter before wildcard).
    ///
    /// - Complexity: O(*s*) in the number of segments.
    public func precedes(_ other: RoutePattern) -> Bool {
        for (mine, theirs) in zip(shape, other.shape) where mine.precedence != theirs.precedence {
            return mine.precedence < theirs.precedence
        }
        return false
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default: false
        }
    }
}
