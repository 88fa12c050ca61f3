/// The routing suite's route table: 50 routes of a typical JSON API, each with a path it should match.
///
/// Literals, parameters (up to three per route) and two wildcards, with literal/parameter overlaps that exercise
/// precedence (`/users/me` beside `/users/:id`) and backtracking (`/users/new/posts` matches `/users/:id/posts`).
enum APIRoutes {
    /// A route pattern and a path that matches it (and no more specific route).
    struct Route {
        var pattern: String
        var path: String
    }

    static let all: [Route] = [
        Route(pattern: "/", path: "/"),
        Route(pattern: "/health", path: "/health"),
        Route(pattern: "/metrics", path: "/metrics"),
        Route(pattern: "/login", path: "/login"),
        Route(pattern: "/logout", path: "/logout"),
        Route(pattern: "/search", path: "/search?q=swift"),
        Route(pattern: "/users", path: "/users"),
        Route(pattern: "/users/me", path: "/users/me"),
        Route(pattern: "/users/new", path: "/users/new"),
        Route(pattern: "/users/:id", path: "/users/1042"),
        Route(pattern: "/users/:id/profile", path: "/users/1042/profile"),
        Route(pattern: "/users/:id/followers", path: "/users/1042/followers"),
        Route(pattern: "/users/:id/following", path: "/users/1042/following"),
        Route(pattern: "/users/:id/posts", path: "/users/new/posts"),
        Route(pattern: "/users/:id/posts/:post", path: "/users/1042/posts/77"),
        Route(pattern: "/users/:id/posts/:post/likes", path: "/users/1042/posts/77/likes"),
        Route(pattern: "/users/:id/posts/:post/comments", path: "/users/1042/posts/77/comments"),
        Route(pattern: "/users/:id/posts/:post/comments/:comment", path: "/users/1042/posts/77/comments/9"),
        Route(pattern: "/users/:id/settings/notifications", path: "/users/1042/settings/notifications"),
        Route(pattern: "/users/:id/settings/security", path: "/users/1042/settings/security"),
        Route(pattern: "/posts", path: "/posts"),
        Route(pattern: "/posts/trending", path: "/posts/trending"),
        Route(pattern: "/posts/:post", path: "/posts/77"),
        Route(pattern: "/posts/:post/comments", path: "/posts/77/comments"),
        Route(pattern: "/posts/:post/comments/:comment", path: "/posts/77/comments/9"),
        Route(pattern: "/posts/:post/comments/:comment/replies", path: "/posts/77/comments/9/replies"),
        Route(pattern: "/orgs", path: "/orgs"),
        Route(pattern: "/orgs/:org", path: "/orgs/swiftlang"),
        Route(pattern: "/orgs/:org/members", path: "/orgs/swiftlang/members"),
        Route(pattern: "/orgs/:org/members/:user", path: "/orgs/swiftlang/members/ada"),
        Route(pattern: "/orgs/:org/teams", path: "/orgs/swiftlang/teams"),
        Route(pattern: "/orgs/:org/teams/:team", path: "/orgs/swiftlang/teams/core"),
        Route(pattern: "/orgs/:org/teams/:team/members", path: "/orgs/swiftlang/teams/core/members"),
        Route(pattern: "/repos/:owner/:repo", path: "/repos/swiftlang/swift"),
        Route(pattern: "/repos/:owner/:repo/issues", path: "/repos/swiftlang/swift/issues"),
        Route(pattern: "/repos/:owner/:repo/issues/:number", path: "/repos/swiftlang/swift/issues/1234"),
        Route(pattern: "/repos/:owner/:repo/pulls", path: "/repos/swiftlang/swift/pulls"),
        Route(pattern: "/repos/:owner/:repo/pulls/:number", path: "/repos/swiftlang/swift/pulls/5678"),
        Route(pattern: "/repos/:owner/:repo/branches", path: "/repos/swiftlang/swift/branches"),
        Route(pattern: "/repos/:owner/:repo/contents/*path", path: "/repos/swiftlang/swift/contents/docs/README.md"),
        Route(pattern: "/messages", path: "/messages"),
        Route(pattern: "/messages/:topic", path: "/messages/alerts"),
        Route(pattern: "/messages/:topic/latest", path: "/messages/alerts/latest"),
        Route(pattern: "/sessions", path: "/sessions"),
        Route(pattern: "/sessions/:token", path: "/sessions/3f9a0c"),
        Route(pattern: "/admin/stats", path: "/admin/stats"),
        Route(pattern: "/admin/users/:id/ban", path: "/admin/users/1042/ban"),
        Route(pattern: "/api/v1/status", path: "/api/v1/status"),
        Route(pattern: "/api/v1/items/:item", path: "/api/v1/items/sku-42"),
        Route(pattern: "/static/*file", path: "/static/css/site.css"),
    ]
}
