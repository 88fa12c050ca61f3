import PerfSupport

/// A seeded stream of chat messages with churn: the items the suite's lists are updated with.
///
/// `advance()` replaces `replacedPerTick` messages with new ones (new ids, so new rows), one in each
/// of as many equal stripes of the list, and flips the unread flag of `editedPerTick` others (kept
/// rows whose item changed). It mutates the array in place and allocates nothing: the texts and
/// authors are shared strings made once.
struct ChatFeed {
    private(set) var messages: [ChatMessage]
    let replacedPerTick: Int
    let editedPerTick: Int
    private var random: SplitMix64
    private var nextID: Int
    private let texts: [String]
    private let authors: [String]

    /// A feed of `rows` messages, replacing `churn` of them per tick (0.1 replaces 10 %).
    init(rows: Int, churn: Double, editedPerTick: Int = 10, seed: UInt64) {
        precondition(rows > 0, "ChatFeed needs at least one row")
        precondition((0...1).contains(churn), "ChatFeed: churn must be in 0...1")
        random = SplitMix64(seed: seed)
        replacedPerTick = Int((Double(rows) * churn).rounded())
        self.editedPerTick = min(editedPerTick, rows)
        nextID = 1
        texts = Self.sampleTexts
        authors = Self.sampleAuthors
        messages = []
        messages.reserveCapacity(rows)
        for _ in 0..<rows { messages.append(makeMessage()) }
    }

    /// One tick of churn.
    mutating func advance() {
        let count = messages.count
        if replacedPerTick > 0 {
            let stripe = count / replacedPerTick
            for index in 0..<replacedPerTick {
                messages[index * stripe + random.next(below: stripe)] = makeMessage()
            }
        }
        for _ in 0..<editedPerTick {
            messages[random.next(below: count)].isUnread.toggle()
        }
    }

    /// Appends `count` new messages and drops the oldest beyond `limit` (the demo's log).
    mutating func append(_ count: Int, limit: Int) {
        for _ in 0..<count { messages.append(makeMessage()) }
        if messages.count > limit { messages.removeFirst(messages.count - limit) }
    }

    /// Removes `count` messages at random (moderation, in the demo).
    mutating func removeRandom(_ count: Int) {
        for _ in 0..<min(count, messages.count) { messages.remove(at: random.next(below: messages.count)) }
    }

    /// Marks one message at random as read.
    mutating func markOneRead() {
        guard !messages.isEmpty else { return }
        messages[random.next(below: messages.count)].isUnread = false
    }

    private mutating func makeMessage() -> ChatMessage {
        defer { nextID += 1 }
        return ChatMessage(
            id: nextID, author: authors[random.next(below: authors.count)],
            text: texts[random.next(below: texts.count)], timestamp: 9 * 3600 + nextID % 36_000,
            isUnread: random.next(below: 2) == 0)
    }

    static let sampleAuthors = ["ana", "bo", "chen", "dara", "eli", "fatou", "goran", "hana"]

    static let sampleTexts = [
        "ok", "on my way", "deploy finished in 42 s", "who broke the build?", "lunch?",
        "p99 is back under 5 ms after the pool fix", "merged", "rolling back 1.4.2",
        "GET /health 200 0.3 ms", "POST /login 401 invalid password", "cache hit rate 0.97",
        "heap slope 0 B/iteration, no leak", "👍", "see the flame graph in perf/results/profiles",
        "WARN slow query 212 ms", "thanks!",
    ]
}
