/// How a fuzz input is cut into the pieces a stream parser is fed, so that libFuzzer chooses the splits.
///
/// Layout: byte 0 holds flags for the target, byte 1 the number *n* of piece lengths (`% 16`), the next *n*
/// bytes the lengths (each byte + 1, so 1...256); the rest is the stream. The stream is cut into pieces of
/// those lengths in turn, cycling, the last piece taking what is left. With *n* = 0 the stream is one piece.
public struct SplitPlan: Equatable, Sendable {
    /// The target's flag bits (byte 0).
    public var flags: UInt8
    /// The piece lengths, in order (empty: unsplit).
    public var lengths: [Int]
    /// The bytes to parse.
    public var stream: [UInt8]

    public init(flags: UInt8, lengths: [Int], stream: [UInt8]) {
        self.flags = flags
        self.lengths = lengths
        self.stream = stream
    }

    /// Reads the plan from a fuzz input; inputs shorter than their header give an empty stream.
    public init(_ input: [UInt8]) {
        flags = input.first ?? 0
        let count = input.count > 1 ? Int(input[1] % 16) : 0
        let header = min(input.count, 2 + count)
        lengths = input.count > 2 ? input[2..<header].map { Int($0) + 1 } : []
        stream = Array(input[header...])
    }

    /// The bytes of a fuzz input with this plan (seed corpora and tests write them).
    public var encoded: [UInt8] {
        [flags, UInt8(lengths.count)] + lengths.map { UInt8(max(1, min($0, 256)) - 1) } + stream
    }

    /// The stream cut into pieces of `lengths`, cycling; the whole stream when `lengths` is empty.
    public static func pieces(of stream: [UInt8], lengths: [Int]) -> [ArraySlice<UInt8>] {
        guard !lengths.isEmpty else { return [stream[...]] }
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while start < stream.count {
            let end = min(stream.count, start + max(1, lengths[index % lengths.count]))
            pieces.append(stream[start..<end])
            start = end
            index += 1
        }
        return pieces
    }
}

/// The split-invariance property: a stream parser's transcript (what it reported, in order, with stream offsets)
/// must not depend on how the stream was cut into pieces.
public enum SplitInvariance {
    /// Runs `transcript` on the stream whole, cut by `lengths`, and one byte at a time; the first difference from
    /// the whole-stream run is a failure. `transcript` may itself fail (a per-call property).
    public static func check<Entry: Equatable>(
        _ stream: [UInt8], lengths: [Int],
        transcript: ([ArraySlice<UInt8>]) throws(PropertyFailure) -> [Entry]
    ) -> PropertyFailure? {
        do {
            let whole = try transcript(SplitPlan.pieces(of: stream, lengths: []))
            for (label, cuts) in [("split \(lengths)", lengths), ("one byte at a time", [1])] where !cuts.isEmpty {
                let split = try transcript(SplitPlan.pieces(of: stream, lengths: cuts))
                if split != whole {
                    let index =
                        zip(split, whole).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                        ?? min(split.count, whole.count)
                    let got = index < split.count ? "\(split[index])" : "nothing"
                    let expected = index < whole.count ? "\(whole[index])" : "nothing"
                    return PropertyFailure(
                        "fed \(label), entry \(index) of the transcript is \(got); fed whole it is \(expected)")
                }
            }
            return nil
        } catch {
            return error
        }
    }
}
