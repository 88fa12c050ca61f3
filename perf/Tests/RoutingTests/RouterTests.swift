import Routing
import Testing

@Suite struct RouterTests {
    static func router(_ patterns: [String]) throws -> Router<String> {
        var router = Router<String>()
        for pattern in patterns { try router.add(pattern, pattern) }
        return router
    }

    @Test func literalPathsMatchTheirRouteExactly() throws {
        let router = try Self.router(["/", "/health", "/users", "/users/me"])
        #expect(router.match("/")?.value == "/")
        #expect(router.match("/health")?.value == "/health")
        #expect(router.match("/users")?.value == "/users")
        #expect(router.match("/users/me")?.value == "/users/me")
        #expect(router.count == 4)
    }

    @Test func parametersCaptureTheirSegmentsInPatternOrder() throws {
        let router = try Self.router(["/users/:id/posts/:post"])
        let match = try #require(router.match("/users/42/posts/7"))
        #expect(match.pattern.text == "/users/:id/posts/:post")
        #expect(match.parameters["id"] == "42")
        #expect(match.parameters["post"] == "7")
        #expect(match.parameters["missing"] == nil)
        #expect(match.parameters.map(\.name) == ["id", "post"])
        #expect(match.parameters.map(\.value) == ["42", "7"])
    }

    @Test func aWildcardCapturesTheRestOfThePathWithItsSlashes() throws {
        let router = try Self.router(["/static/*file"])
        #expect(router.match("/static/css/site.css")?.parameters["file"] == "css/site.css")
        #expect(router.match("/static/a//b")?.parameters["file"] == "a//b")
        #expect(router.match("/static/") == nil)
        #expect(router.match("/static") == nil)
    }

    @Test func theQueryIsIgnoredAndValuesAreNotDecoded() throws {
        let router = try Self.router(["/search/:term"])
        let match = try #require(router.match("/search/caf%C3%A9?page=2"))
        #expect(match.parameters["term"] == "caf%C3%A9")
        #expect(router.match("/search/café")?.parameters["term"] == "café")
    }

    @Test func aLiteralWinsOverAParameterWhichWinsOverAWildcard() throws {
        let router = try Self.router(["/users/*rest", "/users/:id", "/users/me"])
        #expect(router.match("/users/me")?.value == "/users/me")
        #expect(router.match("/users/42")?.value == "/users/:id")
        #expect(router.match("/users/42/posts")?.value == "/users/*rest")
    }

    @Test func aDeadEndLiteralBranchBacktracksToTheParameter() throws {
        let router = try Self.router(["/users/new", "/users/:id/posts", "/*path"])
        let match = try #require(router.match("/users/new/posts"))
        #expect(match.value == "/users/:id/posts")
        #expect(match.parameters["id"] == "new")
        #expect(match.parameters.count == 1)
        let fallback = try #require(router.match("/users/new/comments"))
        #expect(fallback.value == "/*path")
        #expect(fallback.parameters.map(\.value) == ["users/new/comments"])
    }

    @Test func parameterNamesMayDifferBetweenRoutesSharingAPosition() throws {
        let router = try Self.router(["/users/:id", "/users/:name/profile"])
        #expect(router.match("/users/7")?.parameters["id"] == "7")
        #expect(router.match("/users/ada/profile")?.parameters["name"] == "ada")
    }

    @Test func unknownPathsAreNotFound() throws {
        let router = try Self.router(["/", "/users/:id", "/health"])
        for path in ["/nope", "/users", "/users/", "/users/7/", "/users//", "/health/", "//", "", "health", "?x=1"] {
            #expect(router.match(path) == nil, "\(path)")
        }
        #expect(try Self.router([]).match("/") == nil)
    }

    @Test func aRouteMatchingTheSamePathsAsAnEarlierOneIsRejected() throws {
        var router = try Self.router(["/users/:id", "/files/*path", "/health"])
        let cases: [(String, String)] = [
            ("/users/:name", #"route "/users/:name" matches the same paths as "/users/:id""#),
            ("/files/*rest", #"route "/files/*rest" matches the same paths as "/files/*path""#),
            ("/health", #"route "/health" matches the same paths as "/health""#),
        ]
        for (pattern, message) in cases {
            #expect(throws: RoutingError.duplicateRoute(pattern, existing: String(message.split(separator: "\"")[3]))) {
                try router.add(pattern, pattern)
            }
            #expect(
                RoutingError.duplicateRoute(pattern, existing: String(message.split(separator: "\"")[3])).description
                    == message + "; remove one or change a literal segment")
        }
        #expect(router.count == 3)
        #expect(router.patterns.map(\.text) == ["/users/:id", "/files/*path", "/health"])
    }

    @Test func aReusedParametersValueHoldsOnlyTheLatestMatch() throws {
        let router = try Self.router(["/users/:id/posts/:post", "/health"])
        var parameters = RouteParameters()
        #expect(router.match("/users/1/posts/2", parameters: &parameters) == "/users/:id/posts/:post")
        #expect(parameters.count == 2)
        #expect(router.match("/health", parameters: &parameters) == "/health")
        #expect(parameters.isEmpty)
        #expect(parameters["id"] == nil)
        #expect(router.match("/nope", parameters: &parameters) == nil)
        #expect(parameters.isEmpty)
    }
}
