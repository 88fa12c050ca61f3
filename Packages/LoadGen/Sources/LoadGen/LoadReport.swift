public import PerfResult
public import PerfSupport

/// Report files of load tests: a PerfResult report (`perfresult/1`) plus a sidecar member `loadgen`
/// with each result's exact counts, histograms and per-second series.
///
/// PerfResult readers ignore the sidecar, so every tool reads these files as ordinary reports;
/// `read(from:)` also gets the exact data back, for `loadgen merge`.
public enum LoadReport {
    /// The top-level member that holds the sidecar.
    public static let sidecarKey = "loadgen"
    /// The version of the sidecar format.
    public static let sidecarFormat = "loadgen/1"

    /// One named result of a report file.
    public struct Entry: Sendable {
        /// The result name, e.g. `target-hello/total`.
        public var name: String
        /// The exact data.
        public var result: LoadResult

        /// Creates an entry.
        public init(name: String, result: LoadResult) {
            self.name = name
            self.result = result
        }
    }

    /// The report file's bytes: the PerfResult report with the sidecar spliced in as its last member.
    /// - Throws: `LoadGenError.invalidField` for a bad suite or result name, `.writeFailed` for values
    ///   PerfResult refuses (non-finite numbers).
    /// - Parameter extra: members added to the sidecar after `format` and `results` (a coordinator's
    ///   `distributed` record).
    public static func bytes(
        _ entries: [Entry], suite: String, environment: Environment, extra: [JSONValue.Member] = []
    ) throws(LoadGenError) -> [UInt8] {
        var report: Report
        do {
            report = try Report(suite: suite, environment: environment)
        } catch {
            throw .invalidField(field: "name", reason: error.description, file: nil)
        }
        for entry in entries {
            do {
                try report.append(try entry.result.perfResult(name: entry.name))
            } catch let error as LoadGenError {
                throw error
            } catch {
                throw .invalidField(field: "name", reason: "\(error)", file: nil)
            }
        }
        var text: [UInt8]
        do {
            text = try report.jsonBytes()
        } catch {
            throw .writeFailed(path: suite, reason: error.description)
        }
        let sidecar = JSONValue.object(
            [
                .init(key: "format", value: .string(sidecarFormat)),
                .init(key: "results", value: .object(entries.map { .init(key: $0.name, value: $0.result.sidecar) })),
            ] + extra)
        // The encoder ends with "\n}\n": insert the sidecar as the last member of the top-level object.
        guard let close = text.lastIndex(of: UInt8(ascii: "}")) else { return text }
        var end = close
        while end > 0, text[end - 1] == UInt8(ascii: "\n") || text[end - 1] == UInt8(ascii: " ") { end -= 1 }
        text.replaceSubrange(
            end..<text.count, with: Array(",\n  \"\(sidecarKey)\" : \(sidecar.serialized(level: 1))\n}\n".utf8))
        return text
    }

    /// Writes a report file atomically.
    /// - Throws: as `bytes`, or `.writeFailed`.
    public static func write(
        _ entries: [Entry], suite: String, environment: Environment, extra: [JSONValue.Member] = [], to path: String
    ) throws(LoadGenError) {
        let bytes = try bytes(entries, suite: suite, environment: environment, extra: extra)
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw .writeFailed(path: path, reason: error.description)
        }
    }

    /// Reads a report file written by `write`: the PerfResult report and the exact results.
    /// - Throws: `LoadGenError.unreadableFile` when the file is not a report or has no sidecar.
    public static func read(from path: String) throws(LoadGenError) -> (report: Report, entries: [Entry]) {
        let bytes: [UInt8]
        do {
            bytes = try AtomicFile.read(path)
        } catch {
            throw .unreadableFile(path: path, reason: error.description)
        }
        return try read(bytes: bytes, path: path)
    }

    /// Reads a report from its bytes (a worker's report sent to a coordinator); `path` names it in messages.
    /// - Throws: as `read(from:)`.
    public static func read(bytes: [UInt8], path: String) throws(LoadGenError) -> (report: Report, entries: [Entry]) {
        let report: Report
        do {
            report = try Report.decode(bytes, path: path)
        } catch {
            throw .unreadableFile(path: path, reason: error.description)
        }
        return (report, try entries(bytes: bytes, path: path))
    }

    /// The exact results of a report from its bytes, without decoding its PerfResult part (which repeats them as
    /// metrics): what a coordinator merges of a shard's report, at about half the cost of `read(bytes:path:)`.
    /// - Throws: `LoadGenError.malformedJSON`, or `.unreadableFile` when it has no sidecar or a bad one.
    public static func entries(bytes: [UInt8], path: String) throws(LoadGenError) -> [Entry] {
        let json: JSONValue
        do {
            json = try JSONValue.parse(bytes, path: path)
        } catch {
            throw .malformedJSON(error)
        }
        guard let sidecar = json[sidecarKey] else {
            throw .unreadableFile(
                path: path, reason: "no \"\(sidecarKey)\" member: the file was not written by loadgen --json")
        }
        guard sidecar["format"]?.stringValue == sidecarFormat else {
            throw .unreadableFile(path: path, reason: "\(sidecarKey).format is not \"\(sidecarFormat)\"")
        }
        guard case let .object(members)? = sidecar["results"] else {
            throw .unreadableFile(path: path, reason: "\(sidecarKey).results is not an object")
        }
        var entries: [Entry] = []
        for member in members {
            entries.append(
                Entry(
                    name: member.key,
                    result: try LoadResult(
                        sidecar: member.value, path: path, field: "\(sidecarKey).results.\(member.key)")))
        }
        return entries
    }
}
