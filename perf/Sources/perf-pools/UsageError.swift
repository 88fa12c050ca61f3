/// A command line the tool cannot run: the message says what to change (exit status 2).
struct UsageError: Error, Equatable, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
