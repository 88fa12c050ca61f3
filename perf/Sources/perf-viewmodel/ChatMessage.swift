/// One message of the chat (or log line) the suite and the demo show: the domain item of a row.
struct ChatMessage: Equatable, Sendable {
    /// The message's unique id: the row's key.
    var id: Int
    /// Who wrote it.
    var author: String
    /// What it says.
    var text: String
    /// Seconds since midnight when it was sent.
    var timestamp: Int
    /// Whether the reader has not seen it yet.
    var isUnread: Bool
}
