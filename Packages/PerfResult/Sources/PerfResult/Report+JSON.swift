#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reading and writing reports as JSON files (`perfresult/1`).
extension Report {
    /// The report as UTF-8 JSON: pretty-printed, keys sorted, so that baselines diff well.
    /// - Throws: `PerfResultError.nonFiniteValue` naming the first NaN or infinite number.
    public func jsonBytes() throws(PerfResultError) -> [UInt8] {
        if let path = firstNonFinitePath { throw .nonFiniteValue(path: path) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(ReportCoding(self))) + [UInt8(ascii: "\n")]
        } catch {
            // Only non-finite numbers make encoding fail, and they are checked above.
            preconditionFailure("encoding a validated report failed: \(error)")
        }
    }

    /// Decodes a report from JSON; `path` names the source in error messages.
    ///
    /// - Throws: `PerfResultError.unsupportedSchema` when `schema` is missing or not `perfresult/1`;
    ///   `.malformedReport` with the JSON path and what was expected otherwise, also for a physically impossible
    ///   number (a negative time, rate, count, size or share; `Metric.mayBeNegative`).
    public static func decode(_ bytes: [UInt8], path: String) throws(PerfResultError) -> Report {
        let data = Data(bytes)
        let decoder = JSONDecoder()
        let header: SchemaHeader
        do {
            header = try decoder.decode(SchemaHeader.self, from: data)
        } catch let error as DecodingError {
            throw ReportDecodingFailure.describe(error, path: path)
        } catch {
            throw .malformedReport(path: path, jsonPath: "$", reason: "\(error)")
        }
        guard let schema = header.schema else {
            throw .malformedReport(
                path: path, jsonPath: "schema", reason: "missing; expected \"\(Report.schemaVersion)\"")
        }
        guard schema == Report.schemaVersion else { throw .unsupportedSchema(path: path, found: schema) }
        let report: Report
        do {
            report = try decoder.decode(ReportCoding.self, from: data).report
        } catch let error as DecodingError {
            throw ReportDecodingFailure.describe(error, path: path)
        } catch {
            throw .malformedReport(path: path, jsonPath: "$", reason: "\(error)")
        }
        if let (jsonPath, reason) = report.firstImpossibleValue {
            throw .malformedReport(path: path, jsonPath: jsonPath, reason: reason)
        }
        return report
    }

    /// Reads the report at `path`.
    /// - Throws: `.unreadableFile`, `.unsupportedSchema` or `.malformedReport`, each naming `path`.
    public static func read(from path: String) throws(PerfResultError) -> Report {
        let bytes = try AtomicFile.read(path)
        return try decode(bytes, path: path)
    }

    /// Writes the report to `path` atomically: a temporary file in the same directory, then a rename.
    ///
    /// An interrupted or failed write never leaves a half-written file; a previous file at `path` is
    /// either replaced whole or left unchanged.
    /// - Throws: `.nonFiniteValue` before touching the disk, or `.writeFailed`.
    public func write(to path: String) throws(PerfResultError) {
        try AtomicFile.write(try jsonBytes(), to: path)
    }
}

/// The first thing read from a file: its schema version, before anything else is trusted.
private struct SchemaHeader: Decodable {
    var schema: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ReportCoding.Keys.self)
        schema = try container.decodeIfPresent(String.self, forKey: .schema)
    }
}
