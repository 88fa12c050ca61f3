/// A pull reader over a JSON text for the service's small request bodies: no Foundation, no allocation
/// except the decoded strings it appends to a caller's buffer.
///
/// The caller walks the structure it expects (`beginObject`, `nextMember`, `readString`, `skipValue`, ...);
/// every method returns `false` or `.failed` on the first error and leaves the reason in `error`. Strings are
/// checked for valid UTF-8 and unescaped (`\uXXXX` with surrogate pairs included); numbers are checked against
/// the JSON grammar but never converted, since the service reads none. Nesting is limited to `maxDepth`.
/// `package` so that the fuzz targets (perf/Sources/FuzzTargets) can drive it.
package struct JSONReader {
    /// One step through an object's members.
    package enum MemberStep: Equatable {
        /// A key was read into the scratch buffer at this range; its value comes next.
        case key(Range<Int>)
        /// The closing `}` was consumed.
        case end
        /// The text is malformed; see `error`.
        case failed
    }

    /// One step through an array's elements.
    package enum ElementStep: Equatable {
        /// An element comes next.
        case element
        /// The closing `]` was consumed.
        case end
        /// The text is malformed; see `error`.
        case failed
    }

    /// The deepest nesting `skipValue` accepts.
    package static let maxDepth = 32

    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    package var offset = 0
    /// The first error met, if any.
    package var error: JSONSyntaxError?

    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The next byte after whitespace, without consuming it; `nil` at the end.
    package mutating func peek() -> UInt8? {
        skipWhitespace()
        return offset < bytes.count ? bytes[offset] : nil
    }

    /// Consumes `{`.
    package mutating func beginObject() -> Bool {
        expect(UInt8(ascii: "{"), "expected '{'")
    }

    /// Consumes `[`.
    package mutating func beginArray() -> Bool {
        expect(UInt8(ascii: "["), "expected '['")
    }

    /// Reads the next member key (and its `:`) of an object whose `{` was consumed; `isFirst` starts `true`.
    package mutating func nextMember(isFirst: inout Bool, keyInto scratch: inout [UInt8]) -> MemberStep {
        guard let byte = peek() else {
            _ = fail("unexpected end of input")
            return .failed
        }
        if isFirst {
            isFirst = false
            if byte == UInt8(ascii: "}") {
                offset += 1
                return .end
            }
        } else if byte == UInt8(ascii: "}") {
            offset += 1
            return .end
        } else if byte == UInt8(ascii: ",") {
            offset += 1
        } else {
            _ = fail("expected ',' or '}' after an object member")
            return .failed
        }
        guard peek() == UInt8(ascii: "\"") else {
            _ = fail(offset < bytes.count ? "expected a string key" : "unexpected end of input")
            return .failed
        }
        let start = scratch.count
        guard readString(appendingTo: &scratch) else { return .failed }
        guard expect(UInt8(ascii: ":"), "expected ':' after an object key") else { return .failed }
        return .key(start..<scratch.count)
    }

    /// Moves to the next element of an array whose `[` was consumed; `isFirst` starts `true`.
    package mutating func nextElement(isFirst: inout Bool) -> ElementStep {
        guard let byte = peek() else {
            _ = fail("unexpected end of input")
            return .failed
        }
        if byte == UInt8(ascii: "]") {
            offset += 1
            isFirst = false
            return .end
        }
        if isFirst {
            isFirst = false
            return .element
        }
        guard byte == UInt8(ascii: ",") else {
            _ = fail("expected ',' or ']' after an array element")
            return .failed
        }
        offset += 1
        return .element
    }

    /// Reads a string value, appending its unescaped UTF-8 bytes to `output`.
    package mutating func readString(appendingTo output: inout [UInt8]) -> Bool {
        scanString(appendingTo: &output, keep: true)
    }

    /// Skips any value: object, array, string, number, `true`, `false` or `null`.
    package mutating func skipValue(depth: Int = 0) -> Bool {
        guard let byte = peek() else { return fail("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"):
            guard depth < Self.maxDepth else { return fail("nesting deeper than \(Self.maxDepth) levels") }
            offset += 1
            var isFirst = true
            var discard: [UInt8] = []
            while true {
                switch nextMember(isFirst: &isFirst, keyInto: &discard) {
                case .end: return true
                case .failed: return false
                case .key:
                    discard.removeAll(keepingCapacity: true)
                    guard skipValue(depth: depth + 1) else { return false }
                }
            }
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { return fail("nesting deeper than \(Self.maxDepth) levels") }
            offset += 1
            var isFirst = true
            while true {
                switch nextElement(isFirst: &isFirst) {
                case .end: return true
                case .failed: return false
                case .element: guard skipValue(depth: depth + 1) else { return false }
                }
            }
        case UInt8(ascii: "\""):
            var unused: [UInt8] = []
            return scanString(appendingTo: &unused, keep: false)
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return fail("expected a value")
        }
    }

    /// Succeeds if only whitespace is left.
    package mutating func finish() -> Bool {
        peek() == nil ? true : fail("unexpected data after the value")
    }

    // MARK: - Lexing

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case .space, .tab, .lf, .cr: offset += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ reason: String) -> Bool {
        guard let next = peek() else { return fail("unexpected end of input") }
        guard next == byte else { return fail(reason) }
        offset += 1
        return true
    }

    /// Records the first error at the current offset; always `false`.
    mutating func fail(_ reason: String) -> Bool {
        if error == nil { error = JSONSyntaxError(offset: offset, reason: reason) }
        return false
    }

    /// Moves to `position` and records the first error there; always `false`.
    mutating func failAt(_ position: Int, _ reason: String) -> Bool {
        offset = position
        return fail(reason)
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        for index in 0..<word.utf8CodeUnitCount {
            guard offset < bytes.count else { return fail("unexpected end of input") }
            guard bytes[offset] == word.utf8Start[index] else { return fail("invalid literal") }
            offset += 1
        }
        return true
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() -> Bool {
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count else { return fail("unexpected end of input") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else {
            guard digits() > 0 else { return fail("invalid number") }
        }
        if offset < bytes.count, bytes[offset] == .dot {
            offset += 1
            guard offset < bytes.count else { return fail("unexpected end of input") }
            guard digits() > 0 else { return fail("invalid number") }
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard offset < bytes.count else { return fail("unexpected end of input") }
            guard digits() > 0 else { return fail("invalid number") }
        }
        return true
    }

    private mutating func digits() -> Int {
        let start = offset
        while offset < bytes.count, bytes[offset].isDigit { offset += 1 }
        return offset - start
    }
}
