import DemoService
import MicroBench

/// The runtime-strategy task's in-process integration benchmark: raw HTTP request bytes in, response bytes out,
/// through the demo service library with no socket. Two requests: a login (`POST /login`, which checks a salted,
/// iterated hash and creates a session) and a batch of 10 messages over 3 topics (`POST /messages`).
///
/// `full` is one whole request: parse the head (`HTTPRequestParser`, which also resolves the route from the
/// request target, as the server does), handle it (`DemoService.respond`), and encode the response head and body
/// into one output buffer. `parse`, `handle` and `encode` time each stage alone on the same request.
///
/// `pool=on` runs the service with its `PooledAllocator` (`demo-service --pool on`), `pool=off` with its
/// `PlainAllocator`: the same requests, pooled against plain, side by side in one run. Only `full` and `handle`
/// touch the allocator; `parse` and `encode` run once, with the default (pooled) service.
///
/// `echo` is the payload sweep: `POST /echo` with a JSON body of 1, 10, 25 or 50 KiB (`payload=1k|10k|25k|50k`),
/// validated and answered back, `full` pipeline, pooled. Its bytes/s count the body twice (in and out, heads
/// excluded), so the cost per KiB is `nsPerOp` ÷ the payload's KiB.
let pipeline = Suite("pipeline") { suite in
    for kilobytes in PipelineRequest.payloadKilobytes {
        let request = PipelineRequest.echo(kilobytes: kilobytes)
        suite.bench("echo", parameters: ["payload": request.name], throughput: .bytes(2 * kilobytes * 1024)) {
            PipelineFixture(request)
        } body: { fixture in
            blackHole(fixture.serve())
        }
    }
    for request in PipelineRequest.allCases {
        for pool in [true, false] {
            let parameters = ["request": request.name, "pool": pool ? "on" : "off"]
            suite.bench("full", parameters: parameters, throughput: .bytes(request.bytes.count)) {
                PipelineFixture(request, pool: pool)
            } body: { fixture in
                blackHole(fixture.serve())
            }
            suite.bench("handle", parameters: parameters) {
                PipelineFixture(request, pool: pool)
            } body: { fixture in
                blackHole(fixture.handle())
            }
        }
        let parameters = ["request": request.name]
        suite.bench("parse", parameters: parameters, throughput: .bytes(request.bytes.count)) {
            PipelineFixture(request)
        } body: { fixture in
            blackHole(fixture.parse())
        }
        suite.bench("encode", parameters: parameters) {
            PipelineFixture(request)
        } body: { fixture in
            blackHole(fixture.encode())
        }
    }
}

/// The requests of the pipeline suite, as a client sends them.
enum PipelineRequest: Hashable {
    case login
    case messages
    /// `POST /echo` with a JSON body of this many KiB.
    case echo(kilobytes: Int)

    /// The login and the batch: the `full`, `handle`, `parse` and `encode` tasks.
    static let allCases: [PipelineRequest] = [.login, .messages]
    /// The payload sweep: 1, 10, 25 and 50 KiB bodies to `/echo`.
    static let payloadKilobytes = [1, 10, 25, 50]

    /// The `request` (or, for `/echo`, `payload`) parameter of the results.
    var name: String {
        switch self {
        case .login: "login"
        case .messages: "messages"
        case .echo(let kilobytes): "\(kilobytes)k"
        }
    }

    /// A JSON array of 1,000-byte strings (the last one shorter) of exactly `kilobytes` KiB.
    static func echoBody(kilobytes: Int) -> String {
        let target = kilobytes * 1024
        var parts: [String] = []
        var length = 2
        while length < target {
            let separator = parts.isEmpty ? 0 : 1
            let text = String(repeating: "p", count: max(0, min(1000, target - length - separator - 2)))
            parts.append("\"\(text)\"")
            length += text.count + 2 + separator
        }
        return "[" + parts.joined(separator: ",") + "]"
    }

    /// The whole request: head and body.
    var bytes: [UInt8] {
        switch self {
        case .echo(let kilobytes):
            return Self.post("/echo", body: Self.echoBody(kilobytes: kilobytes))
        case .login:
            return Self.post("/login", body: #"{"user":"user7","password":"password7"}"#)
        case .messages:
            let topics = ["alerts", "orders", "audit"]
            let messages = (0..<10).map { index in
                #"{"topic":"\#(topics[index % 3])","payload":"message \#(index) of the batch, forty-eight bytes."}"#
            }
            return Self.post("/messages", body: "[" + messages.joined(separator: ",") + "]")
        }
    }

    private static func post(_ path: String, body: String) -> [UInt8] {
        let head =
            "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: perf-micro\r\nAccept: */*\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
        return Array((head + body).utf8)
    }
}
