/// Why a request body could not be used; each case maps to one status and one error kind.
enum BodyFailure: Error {
    /// Not valid JSON (400, `malformed_json`).
    case syntax(JSONSyntaxError)
    /// Valid JSON of the wrong shape (400, `invalid_request`).
    case shape(String)
    /// More messages than `--max-batch` (413, `batch_too_large`).
    case batchTooLarge(limit: Int)
    /// A payload longer than `--max-payload` (413, `payload_too_large`).
    case payloadTooLarge(index: Int, limit: Int)

    var status: HTTPStatus {
        switch self {
        case .syntax, .shape: .badRequest
        case .batchTooLarge, .payloadTooLarge: .contentTooLarge
        }
    }

    var kind: ErrorKind {
        switch self {
        case .syntax: .malformedJSON
        case .shape: .invalidRequest
        case .batchTooLarge: .batchTooLarge
        case .payloadTooLarge: .payloadTooLarge
        }
    }

    var message: String {
        switch self {
        case .syntax(let error): error.description
        case .shape(let expectation): expectation
        case .batchTooLarge(let limit): "batch has more than \(limit) messages"
        case .payloadTooLarge(let index, let limit): "payload of messages[\(index)] exceeds \(limit) bytes"
        }
    }
}

/// Decoding the two request bodies into a `DecodeScratch`, by hand over `JSONReader`.
///
/// Unknown members are skipped; the last of duplicate members wins. A syntax error anywhere takes
/// precedence over a shape error, so the client hears about the first thing to fix.
enum RequestDecoding {
    static let loginShape = "expected {\"user\": string, \"password\": string}"
    static let messagesShape = "expected a JSON array of {\"topic\": string, \"payload\": string}"
    private static let loginFields: [StaticString] = ["user", "password"]
    private static let messageFields: [StaticString] = ["topic", "payload"]

    /// `{"user": string, "password": string}`; returns the ranges of both in `scratch.bytes`.
    static func login(_ body: UnsafeBufferPointer<UInt8>, into scratch: DecodeScratch)
        -> Result<(user: Range<Int>, password: Range<Int>), BodyFailure>
    {
        var reader = JSONReader(body)
        var user: Range<Int>?
        var password: Range<Int>?
        var shapeError = false
        guard reader.beginObject() else { return .failure(syntaxOrShape(reader, loginShape)) }
        var isFirst = true
        members: while true {
            switch reader.nextMember(isFirst: &isFirst, keyInto: &scratch.bytes) {
            case .end: break members
            case .failed: return .failure(.syntax(reader.error!))
            case .key(let key):
                let field = fieldName(scratch.bytes, key, loginFields)
                scratch.bytes.removeLast(key.count)
                switch readStringField(&reader, field != nil, into: scratch) {
                case .failed: return .failure(.syntax(reader.error!))
                case .wrongType: shapeError = true
                case .skipped: break
                case .string(let range): if field == 0 { user = range } else { password = range }
                }
            }
        }
        guard reader.finish() else { return .failure(.syntax(reader.error!)) }
        guard !shapeError, let user, let password else { return .failure(.shape(loginShape)) }
        return .success((user, password))
    }

    /// `[{"topic": string, "payload": string}, ...]` into `scratch.messages`.
    static func messages(
        _ body: UnsafeBufferPointer<UInt8>, into scratch: DecodeScratch, maxBatch: Int, maxPayload: Int
    ) -> BodyFailure? {
        var reader = JSONReader(body)
        var shapeError: String?
        guard reader.beginArray() else { return syntaxOrShape(reader, messagesShape) }
        var isFirstElement = true
        elements: while true {
            switch reader.nextElement(isFirst: &isFirstElement) {
            case .end: break elements
            case .failed: return .syntax(reader.error!)
            case .element: break
            }
            let index = scratch.messages.count
            guard index < maxBatch else { return .batchTooLarge(limit: maxBatch) }
            guard reader.peek() == UInt8(ascii: "{") else {
                shapeError = shapeError ?? messagesShape
                guard reader.skipValue(depth: 1) else { return .syntax(reader.error!) }
                continue
            }
            _ = reader.beginObject()
            var topic: Range<Int>?
            var payload: Range<Int>?
            var isFirstMember = true
            members: while true {
                switch reader.nextMember(isFirst: &isFirstMember, keyInto: &scratch.bytes) {
                case .end: break members
                case .failed: return .syntax(reader.error!)
                case .key(let key):
                    let field = fieldName(scratch.bytes, key, messageFields)
                    scratch.bytes.removeLast(key.count)
                    switch readStringField(&reader, field != nil, into: scratch) {
                    case .failed: return .syntax(reader.error!)
                    case .wrongType: shapeError = shapeError ?? messagesShape
                    case .skipped: break
                    case .string(let range): if field == 0 { topic = range } else { payload = range }
                    }
                }
            }
            guard let topic, let payload else {
                shapeError = shapeError ?? messagesShape
                continue
            }
            if topic.isEmpty || topic.count > ServiceConfiguration.maxTopicBytes {
                shapeError =
                    shapeError ?? "topic of messages[\(index)] must be 1 to \(ServiceConfiguration.maxTopicBytes) bytes"
            }
            guard payload.count <= maxPayload else { return .payloadTooLarge(index: index, limit: maxPayload) }
            scratch.messages.append(DecodedMessage(topic: topic, payload: payload))
        }
        guard reader.finish() else { return .syntax(reader.error!) }
        return shapeError.map { .shape($0) }
    }

    private enum FieldValue {
        case string(Range<Int>)
        case wrongType
        case skipped
        case failed
    }

    /// Reads a wanted member's string value into `scratch.bytes`, or skips an unwanted one.
    private static func readStringField(_ reader: inout JSONReader, _ wanted: Bool, into scratch: DecodeScratch)
        -> FieldValue
    {
        guard wanted else { return reader.skipValue(depth: 1) ? .skipped : .failed }
        guard reader.peek() == UInt8(ascii: "\"") else { return reader.skipValue(depth: 1) ? .wrongType : .failed }
        let start = scratch.bytes.count
        guard reader.readString(appendingTo: &scratch.bytes) else { return .failed }
        return .string(start..<scratch.bytes.count)
    }

    /// The index in `names` of the key at `range`, or `nil`.
    private static func fieldName(_ bytes: [UInt8], _ range: Range<Int>, _ names: [StaticString]) -> Int? {
        for (index, name) in names.enumerated() {
            let expected = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            if bytes[range].elementsEqual(expected) { return index }
        }
        return nil
    }

    /// A top-level value of the wrong kind is a shape error if it is valid JSON, else a syntax error.
    private static func syntaxOrShape(_ failed: JSONReader, _ shape: String) -> BodyFailure {
        var reader = JSONReader(failed.bytes)
        guard reader.skipValue(), reader.finish() else { return .syntax(reader.error!) }
        return .shape(shape)
    }
}
