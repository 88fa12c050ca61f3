import LoadGen

/// The command line of `loadgen`, parsed; flags given override the scenario file's fields.
struct Options {
    var url: String?
    var scenario: String?
    var name: String?
    var json: String?
    var progress = true
    var allowRemote = false
    var help = false
    var merge: [String]?
    var connections: Int?
    var threads: Int?
    var duration: Duration?
    var count: Int?
    var rate: Double?
    var pipelining: Int?
    var timeout: Duration?
    var warmup: Duration?
    var grace: Duration?
    var method: String?
    var headers: [RequestTemplate.Header] = []
    var body: [UInt8]?
    var bodyFile: String?

    static let usage = """
        Usage: loadgen [options] http://127.0.0.1:8080/
               loadgen --scenario perf/macro/NAME.json [options]
               loadgen merge A.json B.json [...] [--json OUT.json]
               loadgen plan NAME|FILE [--load-scenario OUT.json]   (see loadgen plan --help)

        An HTTP/1.1 load generator: closed model (connections × pipelining) or open model (--rate, with
        latency corrected for coordinated omission). Prints the environment, then a summary table.

        Load
          -c, --connections N   connections (default 50)
          -t, --threads N       worker threads, each with its own epoll loop (default: cores)
          -d, --duration D      measured duration, e.g. 10s, 500ms, 2m (default 10s)
          -n, --count N         stop after N measured requests
          -R, --rate R          open model: R requests/s at constant arrivals
          -p, --pipelining N    requests in flight per connection (default 1)
              --timeout D       per-request timeout (default 2s)
              --warmup D        load before measuring, excluded from statistics (default 0)
              --grace D         time for requests in flight at the deadline to complete (default 1s)
        Requests
          -m, --method M        method (default GET)
          -H, --header 'K: V'   add a header (repeatable)
          -b, --body TEXT       request body
              --body-file PATH  request body from a file
        Scenario and output
              --scenario FILE   read a scenario (perf/macro/*.json); flags override its fields
              --name NAME       result name (default: the scenario's, or "adhoc")
              --json PATH       write a PerfResult report (histograms and per-second series included)
              --no-progress     no live progress (it only shows when stderr is a terminal)
              --allow-remote    allow a target that is not on 127.0.0.0/8
          -h, --help            this text

        Exit status: 0 success, 1 a threshold is critical (or a warning with STRICT_PERF=1),
        2 bad usage, bad scenario, or a service that could not be started.
        """

    /// Parses `arguments` (without the program name).
    /// - Throws: a message for the user.
    static func parse(_ arguments: [String]) throws(UsageError) -> Options {
        var options = Options()
        var remaining = arguments[...]
        if remaining.first == "merge" {
            remaining = remaining.dropFirst()
            options.merge = []
        }
        func value(_ flag: String, _ inline: String?) throws(UsageError) -> String {
            if let inline { return inline }
            guard let next = remaining.popFirst() else { throw UsageError("\(flag) needs a value") }
            return next
        }
        func integer(_ flag: String, _ text: String) throws(UsageError) -> Int {
            guard let number = Int(text) else { throw UsageError("\(flag): \"\(text)\" is not an integer") }
            return number
        }
        func duration(_ flag: String, _ text: String) throws(UsageError) -> Duration {
            guard let duration = DurationText.parse(text) else {
                throw UsageError("\(flag): \"\(text)\" is not a duration; use e.g. 10s, 500ms, 2m")
            }
            return duration
        }
        while let argument = remaining.popFirst() {
            var flag = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            } else if !argument.hasPrefix("--"), argument.count > 2, argument.hasPrefix("-"),
                "ctdnRpmHb".contains(argument[argument.index(after: argument.startIndex)])
            {
                // wrk style: -t1, -c50, -d8s.
                flag = String(argument.prefix(2))
                inline = String(argument.dropFirst(2))
            }
            switch flag {
            case "-h", "--help": options.help = true
            case "-c", "--connections": options.connections = try integer(flag, try value(flag, inline))
            case "-t", "--threads": options.threads = try integer(flag, try value(flag, inline))
            case "-d", "--duration": options.duration = try duration(flag, try value(flag, inline))
            case "-n", "--count", "--requests": options.count = try integer(flag, try value(flag, inline))
            case "-R", "--rate":
                let text = try value(flag, inline)
                guard let rate = Double(text) else { throw UsageError("\(flag): \"\(text)\" is not a number") }
                options.rate = rate
            case "-p", "--pipelining": options.pipelining = try integer(flag, try value(flag, inline))
            case "--timeout": options.timeout = try duration(flag, try value(flag, inline))
            case "--warmup": options.warmup = try duration(flag, try value(flag, inline))
            case "--grace": options.grace = try duration(flag, try value(flag, inline))
            case "-m", "--method": options.method = try value(flag, inline)
            case "-H", "--header":
                let text = try value(flag, inline)
                guard let colon = text.firstIndex(of: ":") else {
                    throw UsageError("\(flag): \"\(text)\" is not of the form 'Name: value'")
                }
                options.headers.append(
                    .init(
                        name: String(text[..<colon]),
                        value: String(text[text.index(after: colon)...].drop { $0 == " " })))
            case "-b", "--body": options.body = Array(try value(flag, inline).utf8)
            case "--body-file": options.bodyFile = try value(flag, inline)
            case "--scenario": options.scenario = try value(flag, inline)
            case "--name": options.name = try value(flag, inline)
            case "--json": options.json = try value(flag, inline)
            case "--no-progress": options.progress = false
            case "--allow-remote": options.allowRemote = true
            default:
                if argument.hasPrefix("-"), argument != "-" {
                    throw UsageError("unknown option \(argument); see loadgen --help")
                }
                if options.merge != nil {
                    options.merge?.append(argument)
                } else {
                    guard options.url == nil else { throw UsageError("more than one URL: \(argument)") }
                    options.url = argument
                }
            }
        }
        return options
    }
}

/// A command-line mistake; the message says what to fix.
struct UsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
