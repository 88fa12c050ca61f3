/// A document that is not strict JSON: the file, the byte offset and what was expected there.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or other source) named in the message.
    public var path: String
    /// The byte offset where parsing stopped.
    public var offset: Int
    /// What was wrong or expected, e.g. `expected ':' after a member name`.
    public var reason: String

    /// An error at `offset` of `path`.
    public init(path: String, offset: Int, reason: String) {
        self.path = path
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "\(path): invalid JSON at byte \(offset): \(reason)" }
}
