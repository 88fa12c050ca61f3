/// What the server reads from a request head: the body length and whether to close after answering.
struct RequestHead {
    var contentLength = 0
    var closing = false

    init(_ head: UnsafeBufferPointer<UInt8>) {
        var lineStart = 0
        var first = true
        var keepAlive = false
        var http10 = false
        for index in head.indices where head[index] == UInt8(ascii: "\n") {
            let line = UnsafeBufferPointer(rebasing: head[lineStart..<index])
            lineStart = index + 1
            if first {
                first = false
                http10 = RequestHead.hasSuffix(line, "HTTP/1.0")
                continue
            }
            if RequestHead.hasPrefix(line, "content-length:") {
                contentLength = RequestHead.number(in: line)
            } else if RequestHead.hasPrefix(line, "connection:") {
                if RequestHead.contains(line, "close") { closing = true }
                if RequestHead.contains(line, "keep-alive") { keepAlive = true }
            }
        }
        if http10 && !keepAlive { closing = true }
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private static func hasPrefix(_ line: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        guard line.count >= prefix.utf8CodeUnitCount else { return false }
        for index in 0..<prefix.utf8CodeUnitCount where lower(line[index]) != prefix.utf8Start[index] { return false }
        return true
    }

    private static func hasSuffix(_ line: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        var end = line.count
        if end > 0, line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let length = suffix.utf8CodeUnitCount
        guard end >= length else { return false }
        for index in 0..<length where line[end - length + index] != suffix.utf8Start[index] { return false }
        return true
    }

    private static func contains(_ line: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard line.count >= length else { return false }
        outer: for start in 0...(line.count - length) {
            for index in 0..<length where lower(line[start + index]) != word.utf8Start[index] { continue outer }
            return true
        }
        return false
    }

    private static func number(in line: UnsafeBufferPointer<UInt8>) -> Int {
        var value = 0
        for byte in line where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
            value = min(value * 10 + Int(byte - UInt8(ascii: "0")), 1 << 40)
        }
        return value
    }
}
