/// The part of a request target that routes match: everything before the first `?`.
enum RequestPath {
    /// Calls `body` with the UTF-8 bytes of the path of `target`: everything before the first `?`.
    ///
    /// - Complexity: O(*n*) to find the query; no copy when `target` is a native string.
    @inline(__always)
    static func withBytes<R>(of target: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = target.utf8.withContiguousStorageIfAvailable({ body(pathPrefix($0)) }) {
            return result
        }
        var copy = target
        return copy.withUTF8 { body(pathPrefix($0)) }
    }

    @inline(__always)
    private static func pathPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var end = 0
        while end < bytes.count, bytes[end] != UInt8(ascii: "?") { end += 1 }
        return UnsafeBufferPointer(rebasing: bytes[0..<end])
    }

    /// The end of the segment that starts at `start`: the index of the next `/`, or the end of `bytes`.
    /// - Complexity: O(*n*) in the segment's length.
    @inline(__always)
    static func segmentEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "/") { end += 1 }
        return end
    }

    /// Whether `bytes[range]` equals `literal`.
    /// - Complexity: O(*n*) in the length of `literal`.
    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ literal: [UInt8]) -> Bool {
        guard range.count == literal.count else { return false }
        return literal.withUnsafeBufferPointer { literalBytes in
            var index = 0
            while index < literalBytes.count {
                if bytes[range.lowerBound + index] != literalBytes[index] { return false }
                index += 1
            }
            return true
        }
    }
}
