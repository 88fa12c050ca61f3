/// Command-line parsing for the `demo-service` executable, kept in the library so tests cover every message.
extension ServiceConfiguration {
    /// What the command line asks for.
    public enum Invocation: Equatable, Sendable {
        /// `--help`: print `ServiceConfiguration.usage` and exit 0.
        case help
        /// Start the service with this configuration (already validated).
        case run(ServiceConfiguration)
    }

    /// Parses `--flag value` and `--flag=value` arguments (without the program name) over the defaults.
    ///
    /// - Throws: `DemoServiceError` naming the flag to fix; the executable prints it and exits 2.
    public static func parse(arguments: [String]) throws(DemoServiceError) -> Invocation {
        var configuration = ServiceConfiguration()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--help" || argument == "-h" { return .help }
            guard argument.hasPrefix("--") else { throw .unexpectedArgument(argument) }
            var flag = argument
            var value: String?
            if let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard
                flag == "--host" || flag == "--pool" || integerOptions.contains(where: { $0.flag == flag })
                    || durationOptions.contains(where: { $0.flag == flag })
            else { throw .unknownFlag(flag) }
            if value == nil {
                guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                    throw .missingValue(flag: flag)
                }
                value = arguments[index]
                index += 1
            }
            try configuration.set(flag: flag, to: value ?? "")
        }
        try configuration.validate()
        return .run(configuration)
    }

    private mutating func set(flag: String, to value: String) throws(DemoServiceError) {
        if flag == "--host" {
            host = value
            return
        }
        if flag == "--pool" {
            switch value {
            case "on": pool = true
            case "off": pool = false
            default: throw .invalidValue(flag: flag, value: value, expected: "on or off")
            }
            return
        }
        if let option = ServiceConfiguration.integerOptions.first(where: { $0.flag == flag }) {
            guard let number = Int(value), option.range.contains(number) else {
                throw .invalidValue(flag: flag, value: value, expected: option.expectation)
            }
            self[keyPath: option.keyPath] = number
            return
        }
        if let option = ServiceConfiguration.durationOptions.first(where: { $0.flag == flag }) {
            guard let duration = ServiceConfiguration.parseSeconds(value), duration >= option.minimum,
                duration <= option.maximum
            else { throw .invalidValue(flag: flag, value: value, expected: option.expectation) }
            self[keyPath: option.keyPath] = duration
        }
    }

    /// The `--help` text: every flag with its default.
    public static var usage: String {
        let defaults = ServiceConfiguration()
        var lines = [
            "USAGE: demo-service [--flag value ...]",
            "",
            "An HTTP/1.1 demo service for load tests: POST /login, POST /messages, GET /health, GET /metrics.",
            "Prints 'listening on HOST:PORT' once it accepts connections; SIGTERM or SIGINT drains and exits 0.",
            "Seeded credentials: user<i> / password<i> for i in 0..<users (e.g. user0 / password0).",
            "",
            "OPTIONS:",
        ]
        func row(_ flag: String, _ help: String, _ value: String) {
            let padded = flag + String(repeating: " ", count: max(1, 20 - flag.count))
            lines.append("  \(padded)\(help) (default: \(value))")
        }
        row("--host", "IPv4 address to listen on", defaults.host)
        row(
            "--pool", "on: pooled buffers and objects on the hot path; off: plain allocation",
            defaults.pool ? "on" : "off")
        for option in integerOptions {
            let value = String(defaults[keyPath: option.keyPath])
            row(option.flag, option.help, option.flag == "--threads" ? "\(value), the online cores" : value)
        }
        for option in durationOptions {
            row(option.flag, option.help, secondsText(defaults[keyPath: option.keyPath]))
        }
        lines.append("  --help              print this help")
        lines.append("")
        lines.append("Exit status: 0 after a clean stop, 2 for a bad flag or an address that cannot be used.")
        return lines.joined(separator: "\n")
    }
}
