import LoadGen
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

let usage = """
    Usage: loadgen-target [options]

    A small, fast HTTP/1.1 server for calibrating and testing load generators. Every request gets the
    same response. Stops on SIGTERM or SIGINT, or after --lifetime, and prints how many requests it
    received.

      --host ADDRESS          IPv4 address to listen on (default 127.0.0.1)
      --port N                port (default 8080; 0 picks a free one, printed on start)
      --threads N             event-loop threads (default 1)
      --status N              response status (default 200)
      --body TEXT             response body (default "hello\\n")
      --mode MODE             length (Content-Length, default), chunked, or close (close-delimited)
      --delay D               delay before each response, e.g. 5ms
      --stall-every P         stall periodically: the last --stall-for of every P answers nothing
      --stall-for D           length of each stall (e.g. --stall-every 10s --stall-for 1s)
      --fault KIND            inject a fault: close, reset, malformed or hang
      --fault-every N         ... into every N-th request (default 1)
      --lifetime D            stop by itself after D (default 30m)
      -h, --help              this text
    """

let stopRequested = Atomic<Bool>(false)

func fail(_ message: String) -> Never {
    var line = "loadgen-target: \(message)\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(2)
}

/// The command line, parsed into server options and a lifetime.
func parse(_ given: [String]) -> (TargetOptions, Duration) {
    var options = TargetOptions()
    options.port = 8080
    var lifetime: Duration = .seconds(1800)
    var faultKind: TargetOptions.Fault.Kind?
    var faultEvery = 1
    var arguments = given[...]
    func value(_ flag: String) -> String {
        guard let next = arguments.popFirst() else { fail("\(flag) needs a value") }
        return next
    }
    func integer(_ flag: String) -> Int {
        let text = value(flag)
        guard let number = Int(text) else { fail("\(flag): \"\(text)\" is not an integer") }
        return number
    }
    func duration(_ flag: String) -> Duration {
        let text = value(flag)
        guard let duration = DurationText.parse(text) else {
            fail("\(flag): \"\(text)\" is not a duration; use e.g. 5ms")
        }
        return duration
    }
    while let flag = arguments.popFirst() {
        switch flag {
        case "-h", "--help":
            print(usage)
            exit(0)
        case "--host": options.host = value(flag)
        case "--port": options.port = integer(flag)
        case "--threads": options.threads = integer(flag)
        case "--status": options.status = integer(flag)
        case "--body": options.body = Array(value(flag).utf8)
        case "--mode":
            let text = value(flag)
            guard let mode = TargetOptions.BodyMode(rawValue: text) else {
                fail("--mode: \"\(text)\" is not one of length, chunked, close")
            }
            options.mode = mode
        case "--delay": options.delay = duration(flag)
        case "--stall-every": options.stallEvery = duration(flag)
        case "--stall-for": options.stallFor = duration(flag)
        case "--fault":
            let text = value(flag)
            guard let kind = TargetOptions.Fault.Kind(rawValue: text) else {
                fail("--fault: \"\(text)\" is not one of close, reset, malformed, hang")
            }
            faultKind = kind
        case "--fault-every": faultEvery = integer(flag)
        case "--lifetime": lifetime = duration(flag)
        default: fail("unknown option \(flag); see loadgen-target --help")
        }
    }
    if let faultKind { options.fault = TargetOptions.Fault(faultKind, every: faultEvery) }
    return (options, lifetime)
}

let (options, lifetime) = parse(Array(CommandLine.arguments.dropFirst()))
let server: TargetServer
do {
    server = try TargetServer(options)
} catch {
    fail("\(error)")
}
print("loadgen-target listening on http://\(options.host):\(server.port)/")
fflush(nil)

_ = stopRequested.load(ordering: .relaxed)
signal(SIGINT) { _ in stopRequested.store(true, ordering: .relaxed) }
signal(SIGTERM) { _ in stopRequested.store(true, ordering: .relaxed) }
let start = ContinuousClock.now
while !stopRequested.load(ordering: .relaxed), ContinuousClock.now - start < lifetime {
    var pause = timespec(tv_sec: 0, tv_nsec: 50_000_000)
    nanosleep(&pause, nil)
}
server.stop()
print("loadgen-target: \(server.requestCount) requests")
