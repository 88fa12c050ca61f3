/// Matching one pattern against one path, as the linear scan does.
extension RoutePattern {
    /// Whether the pattern matches the path `bytes` (which starts with `/`); when `capture` is set, appends the
    /// captured values to `ranges`.
    ///
    /// - Complexity: O(*n*) in the length of the path.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, capture: Bool, into ranges: inout [Range<Int>]) -> Bool {
        if shape.isEmpty { return bytes.count == 1 }
        var slash = 0
        for segment in shape {
            guard slash < bytes.count else { return false }
            let start = slash + 1
            if case .wildcard = segment {
                guard start < bytes.count else { return false }
                if capture { ranges.append(start..<bytes.count) }
                return true
            }
            let end = RequestPath.segmentEnd(bytes, from: start)
            switch segment {
            case .literal(let literal):
                guard RequestPath.equals(bytes, start..<end, literal) else { return false }
            case .parameter:
                guard start < end else { return false }
                if capture { ranges.append(start..<end) }
            case .wildcard:
                preconditionFailure("handled above")
            }
            slash = end
        }
        return slash == bytes.count
    }
}
