/// One client connection, owned by the event loop that accepted it; never touched by another thread.
final class Connection {
    let fd: Int32
    /// The parser of the request at the start of `input` (or of the next read).
    var parser: HTTPRequestParser
    /// A parsed head whose body has not fully arrived.
    var pendingHead: HTTPRequestHead?
    /// Unconsumed bytes of a partial request (from `.requestBuffer`); `nil` when nothing is pending.
    var input: [UInt8]?
    /// Response bytes the socket did not take yet (from `.responseBuffer`); `nil` when all were sent.
    var output: [UInt8]?
    /// How much of `output` was sent.
    var outputSent = 0
    /// When the current head must be complete, in monotonic ns; 0 when no head is in progress.
    var headerDeadline: UInt64
    /// When the pending head's body must be complete, in monotonic ns; 0 when no body is awaited.
    var bodyDeadline: UInt64 = 0
    /// The last read or write progress, in monotonic ns.
    var lastActivity: UInt64
    /// Set once a response says `Connection: close`: no more requests are read, the socket lingers after it.
    var closeAfterFlush = false
    /// While lingering after the write side was shut: when to give up waiting for the client's FIN.
    var lingerDeadline: UInt64 = 0
    /// The reason recorded when a lingering connection finally closes.
    var closeReason = CloseReason.server
    /// Whether the connection holds one of the `--max-connections` slots (rejected ones do not).
    var countsTowardLimit = false
    /// Whether `100 Continue` was sent for the pending head.
    var sentContinue = false
    /// The epoll events currently registered.
    var interest: UInt32
    /// Cleared when the socket is closed.
    var isOpen = true

    init(fd: Int32, parser: HTTPRequestParser, now: UInt64, headerDeadline: UInt64, interest: UInt32) {
        self.fd = fd
        self.parser = parser
        self.lastActivity = now
        self.headerDeadline = headerDeadline
        self.interest = interest
    }

    /// Whether nothing is in flight: no partial request, nothing unsent, not closing.
    var isIdle: Bool {
        input == nil && pendingHead == nil && output == nil && !closeAfterFlush && lingerDeadline == 0
    }

    /// Moves the pending input out, leaving `nil`, so that the caller holds the only reference.
    func takeInput() -> [UInt8]? {
        var taken: [UInt8]?
        swap(&taken, &input)
        return taken
    }

    /// Moves the unsent output out, leaving `nil`.
    func takeOutput() -> [UInt8]? {
        var taken: [UInt8]?
        swap(&taken, &output)
        return taken
    }
}
