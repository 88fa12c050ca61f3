import DemoService

/// The pipeline's encoder: the response head the demo server writes (status line, content type and length,
/// `Allow` for a 405, `Connection: close` when not keeping alive), appended into a reused buffer.
enum ResponseEncoding {
    private static let statusLines: [Int: [UInt8]] = Dictionary(
        uniqueKeysWithValues: HTTPStatus.allCases.map {
            ($0.rawValue, Array("HTTP/1.1 \($0.rawValue) \($0.reasonPhrase)\r\n".utf8))
        })
    private static let jsonType = Array("Content-Type: application/json\r\n".utf8)
    private static let prometheusType = Array("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n".utf8)
    private static let contentLength = Array("Content-Length: ".utf8)
    private static let allowPost = Array("Allow: POST\r\n".utf8)
    private static let allowGet = Array("Allow: GET\r\n".utf8)
    private static let close = Array("Connection: close\r\n".utf8)
    private static let crlf = Array("\r\n".utf8)

    /// Appends the head for a body of `length` bytes.
    /// - Complexity: O(1); no allocation once `output` has the capacity.
    static func appendHead(_ response: DemoService.Response, length: Int, keepAlive: Bool, to output: inout [UInt8]) {
        output.append(contentsOf: statusLines[response.status.rawValue]!)
        output.append(contentsOf: response.contentType == .json ? jsonType : prometheusType)
        output.append(contentsOf: contentLength)
        appendDecimal(length, to: &output)
        output.append(contentsOf: crlf)
        switch response.allow {
        case .post: output.append(contentsOf: allowPost)
        case .get: output.append(contentsOf: allowGet)
        default: break
        }
        if !keepAlive { output.append(contentsOf: close) }
        output.append(contentsOf: crlf)
    }

    private static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        precondition(value >= 0, "a length is never negative")
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            output.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
