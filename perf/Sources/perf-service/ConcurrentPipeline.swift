import DemoService
import PerfSupport

/// The strategy's "100 concurrent requests": `clients` threads at once (100 by default, far more than the cores),
/// each a closed-loop client of one shared in-process demo service (the server's parse → handle → encode,
/// `DemoService.serve`, no socket), alternating a login and a 10-message batch, over one window. A request's
/// latency runs from its first byte parsed to its last byte encoded, so it includes the time its thread waited
/// for a core while other clients ran: with 100 clients on 2 cores that wait is most of the tail.
struct ConcurrentPipeline {
    /// Clients running at once.
    var clients: Int
    /// The measured window of one round.
    var window: Duration
    /// The service every client calls.
    let service: DemoService

    /// What one round measured.
    struct Round: Equatable {
        /// Every request's latency in nanoseconds, ascending.
        var latenciesNs: [Double]
        /// Requests answered other than 200 (or unparseable).
        var failures: Int
        /// From the window's start until the last client finished its last request.
        var elapsedNs: UInt64

        /// Requests per second over the round.
        var requestsPerSec: Double { elapsedNs == 0 ? 0 : Double(latenciesNs.count) / (Double(elapsedNs) / 1e9) }

        /// A latency quantile (type 7) in milliseconds; `q` in 0…1.
        func latencyMs(_ q: Double) -> Double {
            latenciesNs.isEmpty ? 0 : SortedSample(ascending: latenciesNs).quantile(q) / 1e6
        }
    }

    /// The service the suite measures: the demo server's defaults, pooled, with 1,024 sessions (as perf-micro's
    /// pipeline) so that the session cache is in its steady state (each login evicts the oldest) from the start.
    static func makeService() -> DemoService {
        var configuration = ServiceConfiguration()
        configuration.sessionCapacity = 1024
        configuration.threads = 1
        do {
            return try DemoService(configuration: configuration)
        } catch {
            preconditionFailure("perf-service's demo configuration is invalid: \(error)")
        }
    }

    /// The two requests, as a client sends them: a login and a batch of 10 messages over 3 topics.
    static let requests: [[UInt8]] = {
        let topics = ["alerts", "orders", "audit"]
        let messages = (0..<10).map { index in
            #"{"topic":"\#(topics[index % 3])","payload":"message \#(index) of the batch, forty-eight bytes."}"#
        }
        return [
            post("/login", body: #"{"user":"user7","password":"password7"}"#),
            post("/messages", body: "[" + messages.joined(separator: ",") + "]"),
        ]
    }()

    private static func post(_ path: String, body: String) -> [UInt8] {
        Array(
            ("POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n" + body).utf8)
    }

    /// Runs one round: every client starts together and stops at the common deadline.
    /// - Complexity: the window, plus starting and joining `clients` threads.
    func run() -> Round {
        let gate = StartGate(threads: clients)
        let collected = Shared<(latencies: [Double], failures: Int, lastEnd: UInt64)>(([], 0, 0))
        let service = self.service
        let opener = Shared<UInt64>(0)
        Threads.run(clients + 1) { index in
            guard index < clients else {
                opener.withLock { $0 = gate.open(window: window) }
                return
            }
            var parser = HTTPRequestParser(
                maxHeadBytes: service.configuration.maxHeaderBytes, maxBodyBytes: service.configuration.maxBodyBytes)
            var body: [UInt8] = []
            var output: [UInt8] = []
            body.reserveCapacity(1024)
            output.reserveCapacity(2048)
            var latencies: [Double] = []
            latencies.reserveCapacity(4096)
            var failures = 0
            var next = index % 2
            let deadline = gate.arrive()
            var now = MonotonicClock.now()
            while now < deadline {
                output.removeAll(keepingCapacity: true)
                let status = Self.requests[next].withUnsafeBufferPointer {
                    service.serve(request: $0, parser: &parser, body: &body, output: &output)
                }
                let end = MonotonicClock.now()
                latencies.append(Double(end &- now))
                if status != .ok { failures += 1 }
                next ^= 1
                now = end
            }
            collected.withLock {
                $0.latencies += latencies
                $0.failures += failures
                $0.lastEnd = max($0.lastEnd, now)
            }
        }
        let start = opener.withLock { $0 }
        return collected.withLock {
            Round(latenciesNs: $0.latencies.sorted(), failures: $0.failures, elapsedNs: $0.lastEnd &- start)
        }
    }
}
