/// Why a request body is not valid JSON, and the byte offset where the reader stopped.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The offset in the body of the byte that could not be accepted (the body's length at its end).
    public var offset: Int
    /// What was expected or wrong there, e.g. `expected ':' after an object key`.
    public var reason: String

    /// Creates an error; the reader makes them.
    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    /// `malformed JSON at byte 12: expected ':' after an object key`.
    public var description: String { "malformed JSON at byte \(offset): \(reason)" }
}
