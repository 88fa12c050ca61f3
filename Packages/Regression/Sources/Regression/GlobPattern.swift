/// A shell-style pattern for suite, result and metric names: `*` matches any run of characters
/// (slashes included), `?` matches one character, everything else matches itself.
///
/// There are no character classes: `[` and `]` are literal, because result names carry parameter
/// suffixes such as `stringOps/concat[size=16]`.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String
    private let scalars: [Unicode.Scalar]

    /// Creates a pattern; every string is a valid pattern.
    public init(_ text: String) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
    }

    public var description: String { text }

    /// Whether `name` matches the whole pattern.
    /// - Complexity: O(*n* × *m*) in the worst case for a name of *n* and a pattern of *m* scalars;
    ///   O(*n* + *m*) for patterns with at most one `*`.
    public func matches(_ name: String) -> Bool {
        let candidate = Array(name.unicodeScalars)
        var nameIndex = 0
        var patternIndex = 0
        var starPattern = -1
        var starName = 0
        while nameIndex < candidate.count {
            if patternIndex < scalars.count, scalars[patternIndex] == "*" {
                starPattern = patternIndex
                starName = nameIndex
                patternIndex += 1
            } else if patternIndex < scalars.count,
                scalars[patternIndex] == "?" || scalars[patternIndex] == candidate[nameIndex]
            {
                nameIndex += 1
                patternIndex += 1
            } else if starPattern >= 0 {
                // Backtrack: let the last `*` swallow one more character.
                patternIndex = starPattern + 1
                starName += 1
                nameIndex = starName
            } else {
                return false
            }
        }
        while patternIndex < scalars.count, scalars[patternIndex] == "*" { patternIndex += 1 }
        return patternIndex == scalars.count
    }
}
