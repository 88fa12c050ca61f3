import MicroBench
import Routing

/// A trie router against a linear scan over the same 50 routes (`APIRoutes`), one match per operation, with the
/// match's parameters written into a reused `RouteParameters` (no allocation in either router).
///
/// Cases: `literal` (`/health`, registered early), `params` (`/users/:id/posts/:post`), `deep`
/// (`/repos/:owner/:repo/issues/:number`, 5 segments and 3 parameters), `wildcard` (`/static/*file`,
/// registered last), `notFound`, and `all`, which cycles through the 50 paths so that one operation is the
/// mean over the table.
let routing = Suite("routing") { suite in
    let cases: [(name: String, paths: [String])] = [
        ("literal", ["/health"]),
        ("params", ["/users/1042/posts/77"]),
        ("deep", ["/repos/swiftlang/swift/issues/1234"]),
        ("wildcard", ["/static/css/site.css"]),
        ("notFound", ["/users/1042/posts/77/shares"]),
        ("all", APIRoutes.all.map(\.path)),
    ]
    for (name, paths) in cases {
        suite.bench("trie", parameters: ["path": name]) {
            RoutingFixture(paths: paths)
        } body: { fixture in
            fixture.matchNext { path, parameters in RoutingFixture.trie.match(path, parameters: &parameters) }
        }
        suite.bench("linear", parameters: ["path": name]) {
            RoutingFixture(paths: paths)
        } body: { fixture in
            fixture.matchNext { path, parameters in RoutingFixture.linear.match(path, parameters: &parameters) }
        }
    }
}

/// The state of one routing task: the paths it cycles through and a reused parameters value.
struct RoutingFixture {
    /// The trie over `APIRoutes`; each route's value is its index.
    static let trie: Router<Int> = {
        var router = Router<Int>()
        for (index, route) in APIRoutes.all.enumerated() { try! router.add(route.pattern, index) }
        return router
    }()

    /// The linear scan over the same routes.
    static let linear: LinearRouter<Int> = {
        var router = LinearRouter<Int>()
        for (index, route) in APIRoutes.all.enumerated() { try! router.add(route.pattern, index) }
        return router
    }()

    let paths: [String]
    var next = 0
    var parameters = RouteParameters()

    /// Checks, before anything is timed, that both routers send every path to its own route.
    init(paths: [String]) {
        precondition(Self.trie.count == 50 && Self.linear.count == 50, "the routing suite needs 50 routes")
        for (index, route) in APIRoutes.all.enumerated() {
            let trie = RoutingFixture.trie.match(route.path)
            let linear = RoutingFixture.linear.match(route.path)
            precondition(trie?.value == index, "\(route.path) should match \(route.pattern) in the trie")
            precondition(linear?.value == index, "\(route.path) should match \(route.pattern) in the linear scan")
            precondition(trie?.parameters.map(\.value) == linear?.parameters.map(\.value), "captures differ")
        }
        self.paths = paths.map { opaque($0) }
    }

    /// Matches the next path with `match` and consumes the result.
    @inline(__always)
    mutating func matchNext(_ match: (String, inout RouteParameters) -> Int?) {
        blackHole(match(paths[next], &parameters))
        blackHole(parameters.count)
        next = next + 1 == paths.count ? 0 : next + 1
    }
}
