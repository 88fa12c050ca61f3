import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a profiling script needs from a scenario to run its service under a profiler and its load apart:
/// the target, the service command resolved from the file, and the scenario without its service section.
///
/// `Scripts/perf-flame.sh` and `Scripts/perf-heap.sh` start the service themselves (under `perf record` or
/// `heaptrack`), then run `loadgen` with ``loadScenario``, so `loadgen` does not start a second one.
/// `loadgen plan` prints a plan as ``lines``.
public struct ScenarioPlan: Sendable, Equatable {
    /// The scenario's name (the file's, unless the file names it).
    public var name: String
    /// The scenario file that was read, as an absolute path.
    public var file: String
    /// The target's host and port, which the service must accept connections on.
    public var host: String
    /// The target's port.
    public var port: Int
    /// The measured duration under the profile the plan was made for; `nil` for a scenario that runs by
    /// count or stages.
    public var duration: Duration?
    /// The service the scenario names, or `nil` when it names none (the script picks one).
    public var service: ServiceSpec?
    /// The scenario JSON without its `service` section and the thresholds on the service's indicators
    /// (`LoadResult.serviceKeys`), with its `name` and with `bodyFile` and `tls.cacert` paths made absolute, so
    /// that it can be written anywhere and run with `loadgen --scenario`.
    public var loadScenario: String

    /// Finds the scenario `nameOrPath` (a file, or `<directory>/<name>.json`), reads it with ``Scenario/load``
    /// and makes its plan.
    ///
    /// - Parameters:
    ///   - directory: where scenario names are looked up (`perf/macro`).
    ///   - workingDirectory: what a relative `nameOrPath` or `directory` is relative to.
    ///   - profile: `quick` applies the file's `quick` overrides to ``duration`` (as `PERF_PROFILE=quick` does).
    /// - Throws: `LoadGenError.unknownScenario` listing the names in `directory` when there is no such file;
    ///   the errors of ``Scenario/load(path:profile:)`` for a file that is not a valid scenario.
    public static func resolve(
        _ nameOrPath: String, directory: String, workingDirectory: String, profile: String?
    ) throws(LoadGenError) -> ScenarioPlan {
        func anchored(_ path: String) -> String { path.hasPrefix("/") ? path : workingDirectory + "/" + path }
        var path = anchored(nameOrPath)
        if !isRegularFile(path) {
            path = anchored(directory) + "/" + nameOrPath + ".json"
            guard isRegularFile(path) else {
                throw .unknownScenario(
                    name: nameOrPath, directory: directory, available: scenarioNames(in: anchored(directory)))
            }
        }
        let scenario = try Scenario.load(path: path, profile: profile)
        let bytes: [UInt8]
        do {
            bytes = try AtomicFile.read(path)
        } catch {
            throw .unreadableFile(path: path, reason: error.description)
        }
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(bytes, path: path)
        } catch {
            throw .malformedJSON(error)
        }
        let json = withoutService(parsed, name: scenario.name, file: path)
        return ScenarioPlan(
            name: scenario.name, file: path, host: scenario.configuration.target.host,
            port: scenario.configuration.target.port, duration: scenario.configuration.duration,
            service: scenario.service, loadScenario: json.serialized() + "\n")
    }

    /// The names of the `*.json` files in `directory`, sorted; empty when it cannot be listed.
    public static func scenarioNames(in directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var files: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if isRegularFile(directory + "/" + name) { files.append(name) }
        }
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var information = stat()
        return stat(path, &information) == 0 && information.st_mode & S_IFMT == S_IFREG
    }

    /// `json` without `service`, with `name` set and `requests[].bodyFile` and `tls.cacert` anchored at the directory
    /// of `file`.
    private static func withoutService(_ json: JSONValue, name: String, file: String) -> JSONValue {
        guard case var .object(members) = json else { return json }
        members.removeAll { $0.key == "service" }
        // Thresholds on the service's indicators need the service sampled, which the load scenario no longer
        // starts: they would all read as missing, hence critical.
        for index in members.indices where members[index].key == "thresholds" {
            guard case var .object(thresholds) = members[index].value else { continue }
            thresholds.removeAll { LoadResult.serviceKeys.contains($0.key) }
            members[index].value = .object(thresholds)
        }
        if !members.contains(where: { $0.key == "name" }) {
            members.append(JSONValue.Member(key: "name", value: .string(name)))
        }
        let directory = String(file[..<file.lastIndex(of: "/")!])
        for index in members.indices {
            switch members[index].key {
            case "requests":
                guard case let .array(requests) = members[index].value else { continue }
                members[index].value = .array(requests.map { anchoring("bodyFile", in: $0, at: directory) })
            case "tls": members[index].value = anchoring("cacert", in: members[index].value, at: directory)
            default: continue
            }
        }
        return .object(members)
    }

    /// `object` with its relative path `key` made absolute from `directory`.
    private static func anchoring(_ key: String, in object: JSONValue, at directory: String) -> JSONValue {
        guard case var .object(members) = object else { return object }
        for index in members.indices where members[index].key == key {
            if case let .string(path) = members[index].value, !path.hasPrefix("/") {
                members[index].value = .string(directory + "/" + path)
            }
        }
        return .object(members)
    }
}
