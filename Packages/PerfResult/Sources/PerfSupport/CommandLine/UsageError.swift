/// A command-line mistake: the message names the flag, value or environment variable at fault and what to do.
///
/// Every executable of the toolkit reports it the same way: `NAME: message` on standard error, exit status 2
/// (`UsageError.exitStatus`), nothing written.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The exit status of a usage error, shared by every executable: 2.
    public static let exitStatus: Int32 = 2

    /// The message, without the program name.
    public var message: String

    /// A usage error with `message`, which should name what is wrong and how to fix it.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
