import Observation
import ViewModelPool

/// The view model of one chat row, as a SwiftUI app would write it: `@Observable`, writing a property
/// only when its value changes, with a formatting buffer and an action closure.
///
/// It compares an incoming message with `shown`, an unobserved copy of the message it shows, rather
/// than with its own properties: reading an observed property goes through Observation's registrar
/// and a key path (tens of nanoseconds each on Linux), which for a kept row would cost more than the
/// whole reconcile.
///
/// Creating one costs three allocations (the object, Observation's registrar state and the time
/// buffer); reusing one costs none.
@MainActor @Observable
final class ChatRowModel: PoolableViewModel {
    private(set) var messageID = 0
    private(set) var author = ""
    private(set) var text = ""
    private(set) var timestamp = 0
    private(set) var isUnread = false
    /// The time as `HH:MM:SS`, formatted into a buffer that keeps its capacity across reuse.
    @ObservationIgnored private(set) var timeText: [UInt8]
    /// What a tap does; set by the view, dropped on reuse.
    @ObservationIgnored var onTap: (() -> Void)?
    /// The message shown, for comparing without touching observed properties.
    @ObservationIgnored private var shown: ChatMessage?

    init() {
        timeText = []
        timeText.reserveCapacity(TimeText.capacity)
    }

    static func id(of message: ChatMessage) -> Int { message.id }

    func configure(with message: ChatMessage) {
        if message == shown { return }
        if shown?.id != message.id { messageID = message.id }
        if shown?.author != message.author { author = message.author }
        if shown?.text != message.text { text = message.text }
        if shown?.timestamp != message.timestamp {
            timestamp = message.timestamp
            TimeText.format(timestamp, into: &timeText)
        }
        if shown?.isUnread != message.isUnread { isUnread = message.isUnread }
        shown = message
    }

    func prepareForReuse() {
        if let shown {
            if shown.id != 0 { messageID = 0 }
            if !shown.author.isEmpty { author = "" }
            if !shown.text.isEmpty { text = "" }
            if shown.timestamp != 0 { timestamp = 0 }
            if shown.isUnread { isUnread = false }
            self.shown = nil
        }
        timeText.removeAll(keepingCapacity: true)
        onTap = nil
    }

    /// The time as text (for the demo).
    var timeString: String { String(decoding: timeText, as: UTF8.self) }
}
