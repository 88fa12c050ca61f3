import Routing
import Testing

@Suite struct RoutePatternTests {
    @Test func segmentsAreLiteralsParametersAndAFinalWildcard() throws {
        let pattern = try RoutePattern("/repos/:owner/:repo/contents/*path")
        #expect(
            pattern.segments == [
                .literal("repos"), .parameter("owner"), .parameter("repo"), .literal("contents"), .wildcard("path"),
            ])
        #expect(pattern.parameterNames == ["owner", "repo", "path"])
        #expect(pattern.description == "/repos/:owner/:repo/contents/*path")
    }

    @Test func theRootPatternHasNoSegments() throws {
        #expect(try RoutePattern("/").segments.isEmpty)
    }

    @Test func malformedPatternsAreRejectedWithTheRuleTheyBreak() {
        let cases: [(String, String)] = [
            ("", #"invalid route pattern "": it must start with '/'"#),
            ("users", #"invalid route pattern "users": it must start with '/'"#),
            (
                "/users?page=1",
                #"invalid route pattern "/users?page=1": it contains '?'; a route matches the path only, "#
                    + "without query or fragment"
            ),
            ("/users/", #"invalid route pattern "/users/": it has an empty segment (a trailing or double '/')"#),
            ("/a//b", #"invalid route pattern "/a//b": it has an empty segment (a trailing or double '/')"#),
            ("/users/:", #"invalid route pattern "/users/:": the parameter in segment 2 has no name"#),
            ("/files/*", #"invalid route pattern "/files/*": the wildcard in segment 2 has no name"#),
            (
                "/users/:user-id",
                #"invalid route pattern "/users/:user-id": the parameter name "user-id" must be ASCII letters, "#
                    + "digits or '_'"
            ),
            ("/a/:id/b/:id", #"invalid route pattern "/a/:id/b/:id": the name "id" appears twice"#),
            (
                "/files/*path/raw",
                #"invalid route pattern "/files/*path/raw": the wildcard *path must be the last segment"#
            ),
        ]
        for (text, message) in cases {
            #expect(throws: RoutingError.self) { try RoutePattern(text) }
            do {
                _ = try RoutePattern(text)
            } catch {
                #expect(error.description == message)
            }
        }
    }

    @Test func literalsPrecedeParametersWhichPrecedeWildcardsFromTheLeft() throws {
        let literal = try RoutePattern("/users/me")
        let parameter = try RoutePattern("/users/:id")
        let wildcard = try RoutePattern("/users/*rest")
        let early = try RoutePattern("/:section/me")
        #expect(literal.precedes(parameter))
        #expect(parameter.precedes(wildcard))
        #expect(!parameter.precedes(literal))
        #expect(!wildcard.precedes(parameter))
        #expect(wildcard.precedes(early))
        #expect(!literal.precedes(literal))
    }
}
