import PerfSupport
import Testing

@Suite struct JSONValueTests {
    private func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try JSONValue.parse(Array(text.utf8), path: "t.json")
    }

    private func reason(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func membersKeepTheirFileOrderAndNumbersTheirText() throws {
        let value = try parse(#"{"b": 18446744073709551615, "a": [1.50, true, null], "c": "x"}"#)
        guard case let .object(members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a", "c"])
        #expect(value["b"]?.uint64Value == UInt64.max)
        #expect(value["a"] == .array([.number("1.50"), .bool(true), .null]))
        #expect(value["c"]?.stringValue == "x")
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        #expect(try parse(#""a\"b\\c\n\u00e9\ud83d\ude00""#) == .string("a\"b\\c\né😀"))
    }

    @Test(arguments: [
        (#"{"a": 1, "a": 2}"#, "the member \"a\" appears twice"),
        ("[1, 2,]", "expected a value"),
        ("{} // note", "unexpected text after the document"),
        ("012", "a number has a leading zero"),
        (#""\ud83d""#, "a lone surrogate in a \\u escape"),
        ("[1 2]", "expected , or ] in an array"),
        ("\"tab\there\"", "a control character in a string"),
        ("", "unexpected end of the document"),
    ])
    func nonStrictDocumentsAreRefusedWithTheReason(_ text: String, _ expected: String) {
        #expect(reason(text) == expected)
    }

    @Test func nestingBeyondSixtyFourLevelsIsRefused() {
        #expect(
            reason(String(repeating: "[", count: 65) + String(repeating: "]", count: 65))
                == "nesting deeper than 64 levels")
        #expect(reason(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) == nil)
    }

    @Test func theErrorNamesTheFileAndTheByte() {
        #expect(throws: JSONParseError(path: "t.json", offset: 5, reason: "expected : after a name")) {
            try parse(#"{"a" 1}"#)
        }
        #expect(
            JSONParseError(path: "t.json", offset: 6, reason: "expected : after a name").description
                == "t.json: invalid JSON at byte 6: expected : after a name")
    }

    @Test func aSerializedDocumentParsesBackEqual() throws {
        let value = JSONValue.object([
            .init(key: "count", value: .number(UInt64(12_345_678_901))),
            .init(key: "rate", value: .number(0.25)),
            .init(key: "name", value: .string("é \"q\"\n")),
            .init(key: "list", value: .array([.number(1), .object([.init(key: "x", value: .null)])])),
        ])
        #expect(try parse(value.serialized()) == value)
    }
}
