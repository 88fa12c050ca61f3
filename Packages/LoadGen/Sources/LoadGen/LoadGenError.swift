public import PerfSupport

/// Every way configuring, running or reporting a load test can fail; each message says what to fix.
public enum LoadGenError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A setting or scenario field is missing, unknown or out of range. `field` is its JSON path
    /// (`connections`, `requests[1].method`), `file` the scenario file when there is one.
    case invalidField(field: String, reason: String, file: String?)
    /// A URL is not of the form `http[s]://host[:port][/path]`.
    case invalidURL(String, reason: String)
    /// The target's host name could not be resolved to an IPv4 address.
    case unresolvableHost(String, reason: String)
    /// A file (scenario, body, report) could not be read or is not what was expected.
    case unreadableFile(path: String, reason: String)
    /// No scenario file is named `name`: neither a file of that path nor `<directory>/<name>.json`;
    /// `available` lists the names in `directory`.
    case unknownScenario(name: String, directory: String, available: [String])
    /// A JSON document is malformed; `offset` is the byte where parsing stopped.
    case malformedJSON(JSONParseError)
    /// A socket, epoll or thread call failed while setting up a run or a server.
    case systemCallFailed(call: String, errno: Int32)
    /// The service of a scenario could not be started, exited early or never became ready.
    case serviceFailed(command: String, reason: String)
    /// The service under load exited during the run. `status` says how (`exited with status 3`, `killed by
    /// signal 9`); `lastLines` are the end of its log (standard output and error) at `log`.
    case serviceExited(service: String, status: String, log: String?, lastLines: [String])
    /// Two results cannot be merged (different histogram layouts or missing data).
    case cannotMerge(reason: String)
    /// Writing a report failed.
    case writeFailed(path: String, reason: String)
    /// A distributed run failed: a worker or the coordinator refused, timed out, vanished or sent garbage;
    /// `reason` names the shard or address and what happened.
    case coordinationFailed(reason: String)
    /// An https target (or a TLS server) needs `library` (OpenSSL 3's libssl), which could not be loaded.
    case tlsUnavailable(library: String, reason: String)
    /// TLS could not be set up: a CA file, certificate or key that OpenSSL refused.
    case tlsSetupFailed(reason: String)
    /// `feature` runs on LoadGen's epoll engine, which exists on Linux only; this build runs elsewhere (macOS).
    case requiresLinux(feature: String)

    /// What `requiresLinux` names for LoadGen's engine (`LoadTest.run`, `loadgen run`).
    public static let engine = "LoadGen's load engine"

    public var description: String {
        switch self {
        case let .invalidField(field, reason, file):
            let prefix = file.map { "\($0): " } ?? ""
            return "\(prefix)field \"\(field)\": \(reason)"
        case let .invalidURL(url, reason):
            return "invalid URL \"\(url)\": \(reason); use http[s]://host[:port][/path], e.g. http://127.0.0.1:8080/"
        case let .unresolvableHost(host, reason):
            return "cannot resolve host \"\(host)\" to an IPv4 address: \(reason); use an address such as 127.0.0.1"
        case let .unreadableFile(path, reason):
            return "\(path): \(reason)"
        case let .malformedJSON(error):
            return error.description
        case let .unknownScenario(name, directory, available):
            let names = available.isEmpty ? "none" : available.joined(separator: " ")
            return "no scenario '\(name)': \(directory)/\(name).json does not exist (available: \(names))"
        case let .systemCallFailed(call, code):
            return "\(call) failed: \(SystemError.text(for: code)) (errno \(code))"
        case let .serviceFailed(command, reason):
            return "service \"\(command)\": \(reason)"
        case let .serviceExited(service, status, log, lastLines):
            var text = "service \(service) \(status) during the run"
            guard let log else { return text }
            if lastLines.isEmpty { return text + "; its log \(log) is empty" }
            text += "; the last lines of its log \(log):"
            for line in lastLines { text += "\n  | \(line)" }
            return text
        case let .cannotMerge(reason):
            return "cannot merge: \(reason)"
        case let .writeFailed(path, reason):
            return "\(path): cannot write: \(reason)"
        case let .coordinationFailed(reason):
            return reason
        case let .tlsUnavailable(library, reason):
            return "https needs OpenSSL 3's \(library), which cannot be loaded (\(reason)); install it "
                + "(Debian/Ubuntu: apt-get install libssl3; Fedora/RHEL: dnf install openssl-libs); "
                + "plain http:// targets do not need it"
        case let .tlsSetupFailed(reason):
            return "TLS: \(reason)"
        case let .requiresLinux(feature):
            return "\(feature) needs Linux's epoll, and this system is not Linux (LoadGen has no kqueue engine)"
        }
    }
}
