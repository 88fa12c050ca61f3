import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading scenario files, with a message naming the field for every mistake.
extension Scenario {
    /// Reads and validates the scenario at `path`.
    /// - Parameter profile: `quick` applies the file's `quick` overrides (as `PERF_PROFILE=quick` does).
    /// - Throws: `LoadGenError.unreadableFile`, `.malformedJSON`, or `.invalidField` naming the field.
    public static func load(path: String, profile: String? = nil) throws(LoadGenError) -> Scenario {
        let bytes: [UInt8]
        do {
            bytes = try AtomicFile.read(path)
        } catch {
            throw .unreadableFile(path: path, reason: error.description)
        }
        return try parse(bytes, path: path, profile: profile)
    }

    /// Parses and validates scenario JSON; `path` names the file in messages and anchors `bodyFile`
    /// paths and the default name.
    public static func parse(_ bytes: [UInt8], path: String, profile: String? = nil) throws(LoadGenError) -> Scenario {
        let json: JSONValue
        do {
            json = try JSONValue.parse(bytes, path: path)
        } catch {
            throw .malformedJSON(error)
        }
        var reader = FieldReader(file: path)
        return try reader.scenario(json, profile: profile)
    }
}

/// Walks the JSON tree of a scenario, checking each field's type and range.
private struct FieldReader {
    let file: String

    init(file: String) {
        self.file = file
    }

    func invalid(_ field: String, _ reason: String) -> LoadGenError {
        .invalidField(field: field, reason: reason, file: file)
    }

    func members(_ value: JSONValue, _ field: String, allowed: [String]) throws(LoadGenError) -> [JSONValue.Member] {
        guard case let .object(members) = value else {
            // The root has the empty path; "$" names it (a file that is not an object).
            throw invalid(field.isEmpty ? "$" : field, "expected an object, got \(value.typeName)")
        }
        for member in members where !allowed.contains(member.key) {
            let path = field.isEmpty ? member.key : "\(field).\(member.key)"
            throw invalid(path, "unknown field; expected one of \(allowed.joined(separator: ", "))")
        }
        return members
    }

    /// The members of an object whose keys are free (headers, environment variables).
    func anyMembers(_ value: JSONValue, _ field: String) throws(LoadGenError) -> [JSONValue.Member] {
        guard case let .object(members) = value else {
            throw invalid(field, "expected an object, got \(value.typeName)")
        }
        return members
    }

    func string(_ value: JSONValue, _ field: String) throws(LoadGenError) -> String {
        guard let text = value.stringValue else { throw invalid(field, "expected a string, got \(value.typeName)") }
        return text
    }

    func integer(_ value: JSONValue, _ field: String, minimum: Int) throws(LoadGenError) -> Int {
        guard let number = value.intValue, number >= minimum else {
            throw invalid(field, "expected an integer of at least \(minimum), got \(describe(value))")
        }
        return number
    }

    func number(_ value: JSONValue, _ field: String) throws(LoadGenError) -> Double {
        guard let number = value.doubleValue, number.isFinite else {
            throw invalid(field, "expected a number, got \(describe(value))")
        }
        return number
    }

    func duration(_ value: JSONValue, _ field: String) throws(LoadGenError) -> Duration {
        guard let text = value.stringValue else {
            throw invalid(field, "expected a duration such as \"10s\", \"500ms\" or \"2m\", got \(describe(value))")
        }
        guard let duration = UnitText.duration(text) else {
            throw invalid(field, "\"\(text)\" is not a duration; use e.g. \"10s\", \"500ms\", \"250us\", \"2m\"")
        }
        return duration
    }

    func describe(_ value: JSONValue) -> String {
        switch value {
        case let .number(text): return text
        case let .string(text): return "\"\(text)\""
        default: return value.typeName
        }
    }

    mutating func scenario(_ json: JSONValue, profile: String?) throws(LoadGenError) -> Scenario {
        let members = try members(json, "", allowed: Scenario.fields)
        guard let targetValue = json["target"] else { throw invalid("target", "missing; give the URL to load") }
        let targetText = try string(targetValue, "target")
        let target: Target
        do {
            target = try Target(url: targetText)
        } catch {
            throw invalid("target", error.description)
        }
        var configuration = LoadConfiguration(target: target)
        let fileName = file.split(separator: "/").last.map(String.init) ?? file
        var scenario = Scenario(
            name: fileName.hasSuffix(".json") ? String(fileName.dropLast(5)) : fileName, configuration: configuration)
        var sawDuration = false
        for member in members {
            let field = member.key
            let value = member.value
            switch field {
            case "name":
                scenario.name = try string(value, field)
                guard Report.isValidSuiteName("macro-" + scenario.name) else {
                    throw invalid(field, "use letters, digits, '-', '_' or '.'")
                }
            case "description": scenario.description = try string(value, field)
            case "target": break
            case "requests": configuration.requests = try requests(value)
            case "connections": configuration.connections = try integer(value, field, minimum: 1)
            case "threads": configuration.threads = try integer(value, field, minimum: 1)
            case "pipelining": configuration.pipelining = try integer(value, field, minimum: 1)
            case "duration":
                configuration.duration = try duration(value, field)
                sawDuration = true
            case "count": configuration.count = try integer(value, field, minimum: 1)
            case "rate": configuration.rate = try number(value, field)
            case "stages": configuration.stages = try stages(value)
            case "timeout": configuration.timeout = try duration(value, field)
            case "warmup": configuration.warmup = try duration(value, field)
            case "grace": configuration.grace = try duration(value, field)
            case "secondsKept": configuration.secondsKept = try integer(value, field, minimum: 1)
            case "thresholds": scenario.thresholds = try thresholds(value)
            case "service": scenario.service = try service(value)
            case "tls": configuration.tls = try tls(value)
            default: break
            }
        }
        if !sawDuration, !configuration.stages.isEmpty || configuration.count != nil { configuration.duration = nil }
        if let quick = json["quick"] {
            let overrides = try self.members(quick, "quick", allowed: ["duration", "warmup", "count", "stages"])
            if profile == "quick" {
                for member in overrides {
                    let field = "quick.\(member.key)"
                    switch member.key {
                    case "duration": configuration.duration = try duration(member.value, field)
                    case "warmup": configuration.warmup = try duration(member.value, field)
                    case "count": configuration.count = try integer(member.value, field, minimum: 1)
                    default: configuration.stages = try stages(member.value, field: field)
                    }
                }
            }
        }
        try configuration.validate(file: file)
        if let service = scenario.service, let readiness = service.readiness {
            do {
                _ = try Target(url: readiness)
            } catch {
                throw invalid("service.readiness", error.description)
            }
        }
        scenario.configuration = configuration
        return scenario
    }

    func requests(_ value: JSONValue) throws(LoadGenError) -> [RequestTemplate] {
        guard case let .array(elements) = value else {
            throw invalid("requests", "expected an array of requests, got \(value.typeName)")
        }
        var requests: [RequestTemplate] = []
        for (index, element) in elements.enumerated() {
            let field = "requests[\(index)]"
            var request = RequestTemplate()
            for member in try members(element, field, allowed: ["method", "path", "headers", "body", "bodyFile"]) {
                let path = "\(field).\(member.key)"
                switch member.key {
                case "method": request.method = try string(member.value, path)
                case "path": request.path = try string(member.value, path)
                case "headers":
                    for header in try anyMembers(member.value, path) {
                        request.headers.append(.init(name: header.key, value: try string(header.value, path)))
                    }
                case "body":
                    guard element["bodyFile"] == nil else { throw invalid(path, "give either body or bodyFile") }
                    request.body = Array(try string(member.value, path).utf8)
                default:
                    request.body = try bodyFile(try string(member.value, path), field: path)
                }
            }
            requests.append(request)
        }
        return requests
    }

    /// `"tls": {"cacert": "ca.pem", "insecure": false, "resume": true}` (https targets); a relative `cacert` is
    /// relative to the scenario file, like `bodyFile`.
    func tls(_ value: JSONValue) throws(LoadGenError) -> TLSSettings {
        var settings = TLSSettings()
        for member in try members(value, "tls", allowed: ["cacert", "insecure", "resume"]) {
            let field = "tls.\(member.key)"
            switch member.key {
            case "cacert":
                settings.caFile = anchored(try string(member.value, field))
            default:
                guard case let .bool(flag) = member.value else {
                    throw invalid(field, "expected true or false, got \(member.value.typeName)")
                }
                if member.key == "insecure" { settings.verify = !flag } else { settings.resume = flag }
            }
        }
        return settings
    }

    /// `name` relative to the scenario file's directory (absolute paths stay as they are).
    func anchored(_ name: String) -> String {
        let directory = file.contains("/") ? String(file[...file.lastIndex(of: "/")!]) : ""
        return name.hasPrefix("/") ? name : directory + name
    }

    func bodyFile(_ name: String, field: String) throws(LoadGenError) -> [UInt8] {
        let path = anchored(name)
        do {
            return try AtomicFile.read(path)
        } catch {
            throw invalid(field, error.description)
        }
    }

    func stages(_ value: JSONValue, field: String = "stages") throws(LoadGenError) -> [Stage] {
        guard case let .array(elements) = value, !elements.isEmpty else {
            throw invalid(field, "expected a non-empty array of stages")
        }
        var stages: [Stage] = []
        for (index, element) in elements.enumerated() {
            let path = "\(field)[\(index)]"
            var stage = Stage(duration: .zero, rate: nil, connections: nil, ramp: false)
            var sawDuration = false
            for member in try members(element, path, allowed: ["duration", "rate", "connections", "ramp"]) {
                let memberPath = "\(path).\(member.key)"
                switch member.key {
                case "duration":
                    stage.duration = try duration(member.value, memberPath)
                    sawDuration = true
                case "rate": stage.rate = try number(member.value, memberPath)
                case "connections": stage.connections = try integer(member.value, memberPath, minimum: 0)
                default:
                    guard case let .bool(ramp) = member.value else {
                        throw invalid(memberPath, "expected true or false, got \(describe(member.value))")
                    }
                    stage.ramp = ramp
                }
            }
            guard sawDuration else { throw invalid("\(path).duration", "missing") }
            stages.append(stage)
        }
        return stages
    }

    func thresholds(_ value: JSONValue) throws(LoadGenError) -> [Threshold] {
        var thresholds: [Threshold] = []
        guard case let .object(members) = value else {
            throw invalid("thresholds", "expected an object keyed by metric, got \(value.typeName)")
        }
        for member in members {
            let field = "thresholds.\(member.key)"
            var threshold = Threshold(metric: member.key)
            for level in try self.members(member.value, field, allowed: ["target", "warning", "critical"]) {
                let number = try self.level(level.value, "\(field).\(level.key)", metric: member.key)
                switch level.key {
                case "target": threshold.target = number
                case "warning": threshold.warning = number
                default: threshold.critical = number
                }
            }
            try threshold.validate(field: field, file: file)
            thresholds.append(threshold)
        }
        return thresholds
    }

    /// A threshold level: a number in the metric's unit; for a key in bytes (`…Bytes`) also a size such as
    /// `"512MiB"` or `"1GiB"`.
    func level(_ value: JSONValue, _ field: String, metric: String) throws(LoadGenError) -> Double {
        guard metric.hasSuffix("Bytes"), let text = value.stringValue else { return try number(value, field) }
        guard let bytes = UnitText.bytes(text) else {
            throw invalid(field, "\"\(text)\" is not a size; use bytes or e.g. \"512MiB\", \"1GiB\", \"750MB\"")
        }
        return Double(bytes)
    }

    func service(_ value: JSONValue) throws(LoadGenError) -> ServiceSpec {
        let allowed = ["command", "arguments", "environment", "readiness", "timeout", "stopGrace", "log", "directory"]
        let members = try members(value, "service", allowed: allowed)
        guard let command = value["command"] else { throw invalid("service.command", "missing") }
        var spec = ServiceSpec(command: try string(command, "service.command"))
        guard !spec.command.isEmpty else { throw invalid("service.command", "is empty") }
        for member in members {
            let field = "service.\(member.key)"
            switch member.key {
            case "arguments":
                guard case let .array(elements) = member.value else {
                    throw invalid(field, "expected an array of strings, got \(member.value.typeName)")
                }
                spec.arguments = []
                for (index, element) in elements.enumerated() {
                    spec.arguments.append(try string(element, "\(field)[\(index)]"))
                }
            case "environment":
                for variable in try anyMembers(member.value, field) {
                    spec.environment[variable.key] = try string(variable.value, "\(field).\(variable.key)")
                }
            case "readiness": spec.readiness = try string(member.value, field)
            case "timeout": spec.timeout = try duration(member.value, field)
            case "stopGrace": spec.stopGrace = try duration(member.value, field)
            case "log": spec.log = try string(member.value, field)
            case "directory":
                let path = anchored(try string(member.value, field))
                var information = stat()
                guard stat(path, &information) == 0, information.st_mode & S_IFMT == S_IFDIR else {
                    throw invalid(field, "\(path) is not a directory (it is relative to the scenario file)")
                }
                spec.directory = path
            default: break
            }
        }
        return spec
    }
}
