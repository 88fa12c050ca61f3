import DemoService
import PerfSupport

/// The topic store as a queue: `publishers` threads at once append 64-byte messages round-robin over 16 topics
/// (rings of 64: every append past the first 1,024 evicts the oldest message of its topic, as a bounded queue
/// drops its head), each message taken from the service's pooled allocator and the evicted one given back, as
/// `POST /messages` does. The figure is published messages per second over the window.
struct QueueThroughput {
    /// Threads publishing at once.
    var publishers: Int
    /// The measured window of one round.
    var window: Duration

    /// Topics the publishers spread their messages over.
    static let topics = 16

    /// What one round measured.
    struct Round: Equatable {
        /// Messages stored in the window.
        var messages: Int
        /// Messages evicted from full rings (given back to the pool): `messages` less what the rings hold.
        var evicted: Int = 0
        /// From the window's start until the last publisher stopped.
        var elapsedNs: UInt64

        var messagesPerSec: Double { elapsedNs == 0 ? 0 : Double(messages) / (Double(elapsedNs) / 1e9) }
    }

    /// Runs one round on a fresh store.
    /// - Complexity: the window, plus starting and joining `publishers` threads.
    func run() -> Round {
        var configuration = ServiceConfiguration()
        configuration.threads = publishers
        let allocator = PooledAllocator(configuration: configuration)
        let store = TopicStore(maxTopics: configuration.maxTopics, ringCapacity: configuration.ringCapacity)
        let topicNames: [[UInt8]] = (0..<Self.topics).map { Array("topic-\($0)".utf8) }
        let payload = [UInt8](repeating: UInt8(ascii: "m"), count: 64)
        let gate = StartGate(threads: publishers)
        let totals = Shared<(messages: Int, evicted: Int, lastEnd: UInt64)>((0, 0, 0))
        let opener = Shared<UInt64>(0)
        Threads.run(publishers + 1) { index in
            guard index < publishers else {
                opener.withLock { $0 = gate.open(window: window) }
                return
            }
            var published = 0
            var evicted = 0
            var topic = index
            let deadline = gate.arrive()
            var now = MonotonicClock.now()
            payload.withUnsafeBufferPointer { payload in
                while now < deadline {
                    for _ in 0..<256 {
                        let message = allocator.makeMessage(payload: payload)
                        let outcome = topicNames[topic].withUnsafeBufferPointer {
                            store.append(topic: $0, message: message)
                        }
                        switch outcome {
                        case .stored(let old):
                            published += 1
                            if let old {
                                evicted += 1
                                allocator.giveBack(old)
                            }
                        case .rejected:
                            allocator.giveBack(message)
                        }
                        topic = (topic + 1) % Self.topics
                    }
                    now = MonotonicClock.now()
                }
            }
            totals.withLock {
                $0.messages += published
                $0.evicted += evicted
                $0.lastEnd = max($0.lastEnd, now)
            }
        }
        let start = opener.withLock { $0 }
        return totals.withLock { Round(messages: $0.messages, evicted: $0.evicted, elapsedNs: $0.lastEnd &- start) }
    }
}
