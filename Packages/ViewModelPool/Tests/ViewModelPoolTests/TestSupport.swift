import Observation
import ViewModelPool

/// A domain item of the tests: a message with a key and a text.
struct Message: Equatable, Sendable {
    var id: Int
    var text: String
}

/// Messages with the given keys, each text "text <key>".
func messages(_ keys: [Int]) -> [Message] {
    keys.map { Message(id: $0, text: "text \($0)") }
}

/// An object whose lifetime a test watches through a weak reference.
final class Token {}

/// The view model of the tests: observable, with a closure and a task that a reset must drop, and a
/// count of configurations.
@MainActor @Observable
final class MessageRow: PoolableViewModel {
    var messageID = 0
    var text = ""
    var configureCount = 0
    var tags: [String] = []
    @ObservationIgnored var onTap: (() -> Void)?
    @ObservationIgnored var work: Task<Void, Never>?

    init() {}

    static func id(of message: Message) -> Int { message.id }

    func configure(with message: Message) {
        if messageID != message.id { messageID = message.id }
        if text != message.text { text = message.text }
        configureCount += 1
    }

    func prepareForReuse() {
        messageID = 0
        text = ""
        configureCount = 0
        tags.removeAll(keepingCapacity: true)
        onTap = nil
        work?.cancel()
        work = nil
    }
}

/// A view model whose reset forgets a field: what `resetDifferences()` must catch.
@MainActor
final class ForgetfulRow: PoolableViewModel {
    var messageID = 0
    var text = ""
    var unread = 0

    init() {}

    static func id(of message: Message) -> Int { message.id }

    func configure(with message: Message) {
        messageID = message.id
        text = message.text
        unread += 1
    }

    func prepareForReuse() {
        messageID = 0
        text = ""
    }
}

extension ViewModelPoolStats {
    /// `created == live + idle + discarded`, and no counter negative.
    var isConsistent: Bool {
        created == live + idle + discarded && live >= 0 && idle >= 0 && discarded >= 0 && released <= acquired
    }
}
