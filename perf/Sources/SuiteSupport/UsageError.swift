/// A command line a suite's executable cannot run: the message says what to change (exit status 2).
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The message, naming the flag, argument or variable to fix.
    public let description: String

    /// An error whose message is `description`.
    public init(_ description: String) {
        self.description = description
    }
}
