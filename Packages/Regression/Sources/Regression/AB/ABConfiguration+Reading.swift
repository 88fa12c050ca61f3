import PerfResult
import PerfSupport

extension ABConfiguration {
    /// Reads and validates a configuration file; every field is checked, and an unknown one is an error.
    /// - Throws: `ABFailure.badConfiguration` naming the file, the JSON path and what to fix.
    public static func read(from path: String) throws(ABFailure) -> ABConfiguration {
        let bytes: [UInt8]
        do {
            bytes = try AtomicFile.read(path)
        } catch {
            throw .badConfiguration(path: path, jsonPath: "$", reason: "\(error)")
        }
        let json: PerfSupport.JSONValue
        do {
            json = try PerfSupport.JSONValue.parse(bytes, path: path)
        } catch {
            throw .badConfiguration(
                path: path, jsonPath: "$", reason: "invalid JSON at byte \(error.offset): \(error.reason)")
        }
        return try ConfigurationReader(path: path).configuration(json)
    }
}

/// Field-by-field reading of `perf/ab.json`, each failure naming its JSON path.
private struct ConfigurationReader {
    let path: String

    func fail(_ jsonPath: String, _ reason: String) -> ABFailure {
        .badConfiguration(path: path, jsonPath: jsonPath, reason: reason)
    }

    func members(_ value: PerfSupport.JSONValue, at jsonPath: String, allowed: Set<String>) throws(ABFailure)
        -> [String: PerfSupport.JSONValue]
    {
        guard case let .object(list) = value else {
            throw fail(jsonPath, "expected an object, found \(value.typeName)")
        }
        var members: [String: PerfSupport.JSONValue] = [:]
        for member in list {
            guard allowed.contains(member.key) else {
                throw fail(
                    "\(jsonPath).\(member.key)",
                    "unknown field; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
            members[member.key] = member.value
        }
        return members
    }

    func configuration(_ json: PerfSupport.JSONValue) throws(ABFailure) -> ABConfiguration {
        let top = try members(json, at: "$", allowed: ["schema", "note", "timeout", "suites"])
        guard top["schema"]?.stringValue == ABConfiguration.schema else {
            throw fail("$.schema", "expected \"\(ABConfiguration.schema)\"")
        }
        var timeout = Duration.seconds(900)
        if let text = top["timeout"] {
            guard let value = text.stringValue.flatMap(UnitText.duration), value > .zero else {
                throw fail("$.timeout", "expected a duration such as \"15m\"")
            }
            timeout = value
        }
        guard case let .array(entries)? = top["suites"], !entries.isEmpty else {
            throw fail("$.suites", "expected a non-empty array of suites")
        }
        var suites: [ABConfiguration.Suite] = []
        for (index, entry) in entries.enumerated() {
            let suite = try self.suite(entry, at: "$.suites[\(index)]")
            guard !suites.contains(where: { $0.name == suite.name }) else {
                throw fail("$.suites[\(index)].name", "\"\(suite.name)\" appears twice")
            }
            suites.append(suite)
        }
        return ABConfiguration(timeout: timeout, suites: suites)
    }

    func suite(_ value: PerfSupport.JSONValue, at jsonPath: String) throws(ABFailure) -> ABConfiguration.Suite {
        let fields = try members(
            value, at: jsonPath, allowed: ["name", "group", "build", "run", "path", "forks", "filter", "note"])
        guard let name = fields["name"]?.stringValue, Report.isValidSuiteName(name) else {
            throw fail("\(jsonPath).name", "expected a suite name (letters, digits, '-', '_', '.')")
        }
        var build: [[String]] = []
        if case let .array(commands)? = fields["build"] {
            for (index, command) in commands.enumerated() {
                build.append(try words(command, at: "\(jsonPath).build[\(index)]"))
            }
        } else if fields["build"] != nil {
            throw fail("\(jsonPath).build", "expected an array of commands, each an array of words")
        }
        guard let run = fields["run"] else { throw fail("\(jsonPath).run", "missing: the command that runs the suite") }
        return ABConfiguration.Suite(
            name: name,
            group: try fields["group"].map { value throws(ABFailure) in
                guard let group = value.stringValue, !group.isEmpty else {
                    throw fail("\(jsonPath).group", "expected a name")
                }
                return group
            }, build: build, run: try words(run, at: "\(jsonPath).run"),
            path: try fields["path"].map { value throws(ABFailure) in try strings(value, at: "\(jsonPath).path") }
                ?? [],
            forks: try count(fields["forks"], at: "\(jsonPath).forks"),
            filter: try fields["filter"].map { value throws(ABFailure) in
                let words = try words(value, at: "\(jsonPath).filter")
                guard words.contains(where: { $0.contains("{results}") }) else {
                    throw fail("\(jsonPath).filter", "expected {results} in one of its words")
                }
                return words
            } ?? [])
    }

    func words(_ value: PerfSupport.JSONValue, at jsonPath: String) throws(ABFailure) -> [String] {
        let list = try strings(value, at: jsonPath)
        guard !list.isEmpty else { throw fail(jsonPath, "expected a command: a non-empty array of words") }
        return list
    }

    func strings(_ value: PerfSupport.JSONValue, at jsonPath: String) throws(ABFailure) -> [String] {
        guard case let .array(items) = value else { throw fail(jsonPath, "expected an array of strings") }
        var list: [String] = []
        for (index, item) in items.enumerated() {
            guard let text = item.stringValue, !text.isEmpty else {
                throw fail("\(jsonPath)[\(index)]", "expected a string")
            }
            list.append(text)
        }
        return list
    }

    func count(_ value: PerfSupport.JSONValue?, at jsonPath: String) throws(ABFailure) -> Int? {
        guard let value else { return nil }
        guard let number = value.intValue, (1...100).contains(number) else {
            throw fail(jsonPath, "expected a whole number from 1 to 100")
        }
        return number
    }
}
