import PerfSupport
import Testing

@testable import DemoService

@Suite struct LoginHandlerTests {
    @Test func validCredentialsReturnAHexTokenThatResolvesToTheUser() throws {
        let service = try makeService()
        let (status, body) = call(service, .login, .post, #"{"user":"user3","password":"password3"}"#)
        #expect(status == .ok)
        let prefix = #"{"token":""#
        let suffix = #"","user":"user3"}"#
        #expect(body.hasPrefix(prefix) && body.hasSuffix(suffix))
        let hex = String(body.dropFirst(prefix.count).dropLast(suffix.count))
        #expect(hex.count == 64 && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        let token = try #require(SessionToken(hex: hex))
        #expect(service.sessions.user(for: token) == 3)
        #expect(service.sessions.count == 1)
    }

    @Test func twoLoginsGetDifferentTokens() throws {
        let service = try makeService()
        let first = call(service, .login, .post, #"{"user":"user0","password":"password0"}"#).body
        let second = call(service, .login, .post, #"{"user":"user0","password":"password0"}"#).body
        #expect(first != second)
        #expect(service.sessions.count == 2)
    }

    @Test func wrongPasswordAndUnknownUserGet401WithoutASession() throws {
        let service = try makeService()
        #expect(
            call(service, .login, .post, #"{"user":"user3","password":"password4"}"#)
                == (.unauthorized, #"{"error":"invalid user or password"}"#))
        #expect(
            call(service, .login, .post, #"{"user":"user99","password":"password99"}"#)
                == (.unauthorized, #"{"error":"invalid user or password"}"#))
        #expect(service.sessions.count == 0)
        #expect(service.metrics.errors(.unauthorized) == 2)
    }

    @Test func escapedFieldsAndUnknownMembersAreAccepted() throws {
        let service = try makeService()
        let body =
            #"{"extra":{"nested":[1,-2.5E+3,true,false,null,"x"]},"user":"user\u0030","password":"pass\u0077ord0"}"#
        let (status, text) = call(service, .login, .post, body)
        #expect(status == .ok)
        #expect(text.hasSuffix(#"","user":"user0"}"#))
    }

    static let malformed: [(String, String)] = [
        ("", "malformed JSON at byte 0: unexpected end of input"),
        ("nope", "malformed JSON at byte 1: invalid literal"),
        (#"{"user":"#, "malformed JSON at byte 8: unexpected end of input"),
        (#"{"user":"a" "password":"b"}"#, "malformed JSON at byte 12: expected ',' or '}' after an object member"),
        (#"{"user" "a"}"#, "malformed JSON at byte 8: expected ':' after an object key"),
        (#"{user:"a"}"#, "malformed JSON at byte 1: expected a string key"),
        (#"{"user":"a",}"#, "malformed JSON at byte 12: expected a string key"),
        (#"{"user":"\x"}"#, "malformed JSON at byte 9: invalid escape sequence"),
        (#"{"user":"\u12G4"}"#, #"malformed JSON at byte 13: invalid \u escape; expected four hex digits"#),
        (#"{"user":"\uD800"}"#, #"malformed JSON at byte 9: unpaired surrogate in a \u escape"#),
        (#"{"user":"\uDC00"}"#, #"malformed JSON at byte 9: unpaired surrogate in a \u escape"#),
        ("{\"user\":\"a\nb\"}", "malformed JSON at byte 10: control character in a string; escape it"),
        (#"{"user":01}"#, "malformed JSON at byte 9: expected ',' or '}' after an object member"),
        (#"{"user":-}"#, "malformed JSON at byte 9: invalid number"),
        (#"{"user":1.}"#, "malformed JSON at byte 10: invalid number"),
        (#"{"user":tru}"#, "malformed JSON at byte 11: invalid literal"),
        (#"{"a":1} {}"#, "malformed JSON at byte 8: unexpected data after the value"),
        (String(repeating: "[", count: 40), "malformed JSON at byte 32: nesting deeper than 32 levels"),
    ]

    @Test(arguments: 0..<malformed.count)
    func malformedJSONGets400WithWhereAndWhy(_ index: Int) throws {
        let service = try makeService()
        let (body, message) = Self.malformed[index]
        let (status, text) = call(service, .login, .post, body)
        #expect(status == .badRequest)
        #expect(text == #"{"error":"# + JSONValue.string(message).serialized() + "}", "body \(body.debugDescription)")
        #expect(service.metrics.errors(.malformedJSON) == 1)
    }

    @Test func deepNestingIsRejectedNotRecursedIntoForever() throws {
        let service = try makeService()
        let body = #"{"x":"# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        #expect(
            call(service, .login, .post, body)
                == (.badRequest, #"{"error":"malformed JSON at byte 36: nesting deeper than 32 levels"}"#))
    }

    @Test func invalidUTF8IsMalformed() throws {
        let service = try makeService()
        var bytes = Array(#"{"user":""#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#"","password":"x"}"#.utf8)
        let (response, body) = service.respond(route: .login, method: .post, body: bytes)
        #expect(response.status == .badRequest)
        #expect(String(decoding: body, as: UTF8.self) == #"{"error":"malformed JSON at byte 10: invalid UTF-8"}"#)
    }

    static let wrongShape: [String] = [
        "[]", "{}", #"{"user":"user0"}"#, #"{"user":1,"password":"password0"}"#,
        #"{"user":"user0","password":null}"#, "\"text\"",
    ]

    @Test(arguments: wrongShape)
    func validJSONOfTheWrongShapeGets400NamingTheShape(_ body: String) throws {
        let service = try makeService()
        #expect(
            call(service, .login, .post, body)
                == (.badRequest, #"{"error":"expected {\"user\": string, \"password\": string}"}"#))
        #expect(service.metrics.errors(.invalidRequest) == 1)
    }

    @Test func theLastOfDuplicateMembersWins() throws {
        let service = try makeService()
        let body = #"{"user":"user1","password":"password1","user":"user2","password":"password2"}"#
        #expect(call(service, .login, .post, body).body.hasSuffix(#""user":"user2"}"#))
    }

    @Test func theSessionCacheEvictsBeyondItsCapacity() throws {
        let service = try makeService { $0.sessionCapacity = 2 }
        for _ in 0..<5 { _ = call(service, .login, .post, #"{"user":"user0","password":"password0"}"#) }
        #expect(service.sessions.count == 2)
        #expect(service.sessions.evictions == 3)
    }
}
