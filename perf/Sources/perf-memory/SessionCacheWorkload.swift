import DemoService
import PerfSupport

/// Request handling through the demo service, in-process: logins fill its bounded session LRU (4,096
/// sessions, full after about 7,000 iterations), messages fill its bounded per-topic rings (128 topics of
/// 32 messages, two allocations each, full after about 20,000); once full, both evict as fast as they
/// insert, and memory stays flat. The healthy baseline.
///
/// The request mix (seeded: the same seed gives the same requests): 60 % logins, 5 % logins with a wrong
/// password, 20 % message batches of 1–2 messages with 16–256-byte payloads, 12 % health checks, 3 %
/// metrics pages. Request and response bodies go through two buffers reused across requests, as a
/// server's connection buffers are. The rings fill slowly on purpose: in the quick profile they are
/// still filling after the warmup, so the check must tell a cache that levels off from a leak.
final class SessionCacheWorkload: MemoryWorkload {
    /// The service's limits: small enough that both caches fill early in a run.
    static let configuration: ServiceConfiguration = {
        var configuration = ServiceConfiguration()
        configuration.threads = 1
        configuration.users = 1000
        configuration.hashRounds = 32
        configuration.sessionCapacity = 4096
        configuration.maxTopics = 128
        configuration.ringCapacity = 32
        return configuration
    }()

    private let service: DemoService
    private var random: SplitMix64
    private var body: [UInt8] = []
    private var output: [UInt8] = []
    private(set) var failures = 0

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        do {
            service = try DemoService(configuration: Self.configuration)
        } catch {
            preconditionFailure("the session cache workload's configuration is invalid: \(error)")
        }
        body.reserveCapacity(4096)
        output.reserveCapacity(16384)
    }

    func iteration(_ index: Int) {
        body.removeAll(keepingCapacity: true)
        output.removeAll(keepingCapacity: true)
        let roll = random.next(below: 100)
        let route: Route
        switch roll {
        case 0..<65:
            route = .login
            let user = random.next(below: Self.configuration.users)
            appendLogin(user: user, correctPassword: roll < 60)
        case 65..<85:
            route = .messages
            appendMessages(count: 1 + random.next(below: 2))
        case 85..<97:
            route = .health
        default:
            route = .metrics
        }
        let response = body.withUnsafeBufferPointer { bytes in
            service.respond(route: route, method: route.method ?? .get, body: bytes, into: &output)
        }
        let expected = (60..<65).contains(roll) ? 401 : 200
        if response.status.rawValue != expected { failures += 1 }
    }

    var status: String {
        "sessions \(service.sessions.count)/\(service.sessions.capacity) (\(service.sessions.evictions) evicted), "
            + "topics \(service.topics.count)/\(service.topics.maxTopics) × \(service.topics.ringCapacity) messages"
            + (failures > 0 ? ", \(failures) unexpected statuses" : "")
    }

    private func appendLogin(user: Int, correctPassword: Bool) {
        append(#"{"user":"user"#)
        append(user)
        append(#"","password":"password"#)
        append(correctPassword ? user : user + 1)
        append(#""}"#)
    }

    private func appendMessages(count: Int) {
        body.append(UInt8(ascii: "["))
        for message in 0..<count {
            if message > 0 { body.append(UInt8(ascii: ",")) }
            append(#"{"topic":"topic-"#)
            append(random.next(below: Self.configuration.maxTopics))
            append(#"","payload":""#)
            let length = 16 + random.next(below: 241)
            let letter = UInt8(ascii: "a") + UInt8(truncatingIfNeeded: random.next(below: 26))
            body.append(contentsOf: repeatElement(letter, count: length))
            append(#""}"#)
        }
        body.append(UInt8(ascii: "]"))
    }

    private func append(_ text: StaticString) {
        text.withUTF8Buffer { body.append(contentsOf: $0) }
    }

    private func append(_ number: Int) {
        // Decimal numbers of a few digits are small strings: no allocation.
        body.append(contentsOf: String(number).utf8)
    }
}
