import Routing
import Testing

@Suite struct LinearRouterTests {
    static let patterns = [
        "/", "/health", "/users", "/users/me", "/users/new", "/users/:id", "/users/:id/posts",
        "/users/:id/posts/:post", "/users/:name/profile", "/users/*rest", "/:section/me", "/static/*file",
        "/repos/:owner/:repo", "/repos/:owner/:repo/issues/:number", "/repos/rust/:repo/pulls", "/*path",
    ]

    static let paths = [
        "/", "/health", "/health/", "/users", "/users/", "/users/me", "/users/new", "/users/42", "/users/new/posts",
        "/users/42/posts", "/users/42/posts/7", "/users/42/posts/7/comments", "/users/ada/profile", "/admin/me",
        "/static/css/a.css", "/static/", "/repos/apple/swift", "/repos/rust/cargo/pulls", "/repos/a/b/issues/9",
        "/repos/a/b/issues", "/nothing/here/at/all", "//", "/x?y=/z", "", "no-slash",
    ]

    @Test func theLinearScanAnswersLikeTheTrieForEveryPath() throws {
        var trie = Router<String>()
        var linear = LinearRouter<String>()
        for pattern in Self.patterns {
            try trie.add(pattern, pattern)
            try linear.add(pattern, pattern)
        }
        #expect(linear.count == Self.patterns.count)
        for path in Self.paths {
            let expected = trie.match(path)
            let actual = linear.match(path)
            #expect(actual?.value == expected?.value, "\(path)")
            #expect(actual?.pattern == expected?.pattern, "\(path)")
            #expect(actual?.parameters.map(\.name) == expected?.parameters.map(\.name), "\(path)")
            #expect(actual?.parameters.map(\.value) == expected?.parameters.map(\.value), "\(path)")
        }
    }

    @Test func theLinearScanAnswersLikeTheTrieForEveryPathOfUpToFourSegmentsFromAVocabulary() throws {
        var trie = Router<String>()
        var linear = LinearRouter<String>()
        for pattern in Self.patterns {
            try trie.add(pattern, pattern)
            try linear.add(pattern, pattern)
        }
        let vocabulary = ["users", "me", "new", "42", "posts", "static", "repos", "rust", "issues", "profile", ""]
        var paths = [""]
        var checked = 0
        for _ in 1...4 {
            paths = paths.flatMap { prefix in vocabulary.map { prefix + "/" + $0 } }
            for path in paths {
                var trieParameters = RouteParameters()
                var linearParameters = RouteParameters()
                let expected = trie.match(path, parameters: &trieParameters)
                let actual = linear.match(path, parameters: &linearParameters)
                #expect(actual == expected, "\(path)")
                #expect(linearParameters.map(\.value) == trieParameters.map(\.value), "\(path)")
                checked += 1
            }
        }
        #expect(checked == 11 + 121 + 1_331 + 14_641)
    }

    @Test func theMostSpecificMatchWinsWhateverTheOrderOfRegistration() throws {
        var linear = LinearRouter<String>()
        for pattern in ["/*path", "/users/:id", "/users/me"] { try linear.add(pattern, pattern) }
        #expect(linear.match("/users/me")?.value == "/users/me")
        #expect(linear.match("/users/7")?.parameters["id"] == "7")
        #expect(linear.match("/users/7/x")?.parameters["path"] == "users/7/x")
    }

    @Test func unknownPathsAreNotFound() throws {
        var linear = LinearRouter<Int>()
        try linear.add("/users/:id", 1)
        var parameters = RouteParameters()
        #expect(linear.match("/users", parameters: &parameters) == nil)
        #expect(linear.match("/users/", parameters: &parameters) == nil)
        #expect(linear.match("/users/1/2", parameters: &parameters) == nil)
        #expect(parameters.isEmpty)
    }

    @Test func aDuplicateRouteIsRejectedNamingTheEarlierOne() throws {
        var linear = LinearRouter<Int>()
        try linear.add("/users/:id", 1)
        #expect(throws: RoutingError.duplicateRoute("/users/:name", existing: "/users/:id")) {
            try linear.add("/users/:name", 2)
        }
        #expect(throws: RoutingError.invalidPattern("users", reason: "it must start with '/'")) {
            try linear.add("users", 3)
        }
        #expect(linear.count == 1)
    }
}
