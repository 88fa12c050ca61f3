/// One request a load test sends: method, path, headers and body. A run sends its templates round-robin.
public struct RequestTemplate: Sendable, Hashable {
    /// One header line.
    public struct Header: Sendable, Hashable {
        /// The name, e.g. `Accept`.
        public var name: String
        /// The value, e.g. `text/plain`.
        public var value: String

        /// Creates a header.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The method, e.g. `GET` or `POST`.
    public var method: String
    /// The path and query, starting with `/`; `nil` uses the target's path.
    public var path: String?
    /// Extra headers in order. `Host` and `Content-Length` are added when absent.
    public var headers: [Header]
    /// The body, sent with a `Content-Length`.
    public var body: [UInt8]

    /// Creates a template.
    public init(method: String = "GET", path: String? = nil, headers: [Header] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// Whether the response to this request has no body (`HEAD`).
    var isHead: Bool { method == "HEAD" }

    /// The bytes on the wire for `target`: built once per run, sent as they are for every request.
    /// - Complexity: O(*n*) in the size of the request.
    public func encoded(for target: Target) -> [UInt8] {
        var text = "\(method) \(path ?? target.path) HTTP/1.1\r\n"
        let names = Set(headers.map { $0.name.lowercased() })
        if !names.contains("host") {
            text += "Host: \(target.host)\(target.port == 80 ? "" : ":\(target.port)")\r\n"
        }
        for header in headers { text += "\(header.name): \(header.value)\r\n" }
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method), !names.contains("content-length") {
            text += "Content-Length: \(body.count)\r\n"
        }
        text += "\r\n"
        return Array(text.utf8) + body
    }

    /// Checks the method, path and headers for characters that would break the request line.
    /// - Throws: `LoadGenError.invalidField` naming `field` (e.g. `requests[0]`).
    func validate(field: String, file: String?) throws(LoadGenError) {
        let token = method.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "-")
        }
        guard !method.isEmpty, token else {
            throw .invalidField(
                field: "\(field).method", reason: "\"\(method)\" is not a method; use e.g. GET, POST, HEAD",
                file: file)
        }
        if let path, !path.hasPrefix("/") || path.contains(where: { $0.isWhitespace || !$0.isASCII }) {
            throw .invalidField(
                field: "\(field).path", reason: "\"\(path)\" must start with / and have no spaces", file: file)
        }
        for header in headers {
            let nameOK =
                !header.name.isEmpty
                && header.name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            guard nameOK, !header.value.contains("\r"), !header.value.contains("\n") else {
                throw .invalidField(
                    field: "\(field).headers", reason: "\"\(header.name)\" is not a valid header", file: file)
            }
        }
    }
}
