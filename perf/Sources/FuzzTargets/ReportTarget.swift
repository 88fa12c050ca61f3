public import PerfResult

/// PerfResult's report decoding: `Report.decode` on arbitrary bytes.
///
/// Properties: it never traps; it fails only with `.malformedReport` or `.unsupportedSchema` naming the path; a
/// report it returns re-encodes (`jsonBytes`), the encoding decodes to an equal report, and encoding that gives the
/// same bytes again.
public enum ReportCheck {
    public static let path = "fuzz/report.json"

    public static func check(
        _ input: [UInt8],
        decode: ([UInt8], String) throws(PerfResultError) -> Report = { (bytes, path) throws(PerfResultError) in
            try Report.decode(bytes, path: path)
        },
        encode: (Report) throws(PerfResultError) -> [UInt8] = { (report) throws(PerfResultError) in
            try report.jsonBytes()
        }
    ) -> PropertyFailure? {
        let report: Report
        do {
            report = try decode(input, path)
        } catch {
            switch error {
            case .malformedReport(path, _, let reason) where !reason.isEmpty: return nil
            case .unsupportedSchema(path, _): return nil
            default: return PropertyFailure("decoding failed with an error of the wrong kind or path: \(error)")
            }
        }
        let encoded: [UInt8]
        do {
            encoded = try encode(report)
        } catch {
            return PropertyFailure("a decoded report does not encode: \(error)")
        }
        let again: Report
        do {
            again = try decode(encoded, path)
        } catch {
            return PropertyFailure("the encoding of a decoded report does not decode: \(error)")
        }
        guard again == report else {
            return PropertyFailure("decode(encode(report)) differs from the report:\n\(again)\nvs\n\(report)")
        }
        guard let reencoded = try? encode(again), reencoded == encoded else {
            return PropertyFailure("encoding is not stable: the second encoding differs from the first")
        }
        return nil
    }
}

extension FuzzTarget {
    public static let report = FuzzTarget(
        name: "report",
        summary: "PerfResult's Report.decode on arbitrary bytes; errors name the path, reports round-trip"
    ) { ReportCheck.check($0) }
}
