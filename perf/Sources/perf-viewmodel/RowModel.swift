import ViewModelPool

/// The view model of one chat row as a plain class (no Observation): what the reconciler costs by
/// itself. Creating one costs two allocations (the object and its time buffer).
@MainActor
final class RowModel: PoolableViewModel {
    private(set) var messageID = 0
    private(set) var author = ""
    private(set) var text = ""
    private(set) var timestamp = 0
    private(set) var isUnread = false
    /// The time as `HH:MM:SS`, formatted into a buffer that keeps its capacity across reuse.
    private(set) var timeText: [UInt8]
    /// What a tap does; set by the view, dropped on reuse.
    var onTap: (() -> Void)?

    init() {
        timeText = []
        timeText.reserveCapacity(TimeText.capacity)
    }

    static func id(of message: ChatMessage) -> Int { message.id }

    func configure(with message: ChatMessage) {
        if messageID != message.id { messageID = message.id }
        if author != message.author { author = message.author }
        if text != message.text { text = message.text }
        if timestamp != message.timestamp {
            timestamp = message.timestamp
            TimeText.format(timestamp, into: &timeText)
        }
        if isUnread != message.isUnread { isUnread = message.isUnread }
    }

    func prepareForReuse() {
        messageID = 0
        author = ""
        text = ""
        timestamp = 0
        isUnread = false
        timeText.removeAll(keepingCapacity: true)
        onTap = nil
    }
}
