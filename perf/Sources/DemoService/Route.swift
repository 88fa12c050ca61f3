/// The request methods the parser tells apart; every other method is `.other`.
public enum HTTPMethod: Sendable, Equatable {
    case get
    case post
    case head
    case other
}

/// The service's endpoints, resolved from the request path (the query string is ignored).
public enum Route: Int, CaseIterable, Sendable {
    /// `POST /login`: check credentials, create a session, return its token.
    case login
    /// `POST /messages`: store a batch of messages in per-topic ring buffers.
    case messages
    /// `GET /health`: liveness.
    case health
    /// `GET /metrics`: Prometheus text.
    case metrics
    /// `POST /echo`: check that the body is one JSON value and answer it back, for large payloads.
    case echo
    /// Any other path: 404.
    case unknown

    /// The path of the route, or `nil` for `.unknown`.
    public var path: String? {
        switch self {
        case .login: "/login"
        case .messages: "/messages"
        case .health: "/health"
        case .metrics: "/metrics"
        case .echo: "/echo"
        case .unknown: nil
        }
    }

    /// The one method the route answers; `nil` for `.unknown`.
    public var method: HTTPMethod? {
        switch self {
        case .login, .messages, .echo: .post
        case .health, .metrics: .get
        case .unknown: nil
        }
    }

    /// The `route` label of its metrics: the path, or `other` for unknown paths.
    var label: String { path ?? "other" }

    /// Resolves a request target such as `/login?x=1`; every byte must already be visible ASCII.
    ///
    /// - Complexity: O(*n*) in the length of the path.
    static func resolve(_ target: UnsafeBufferPointer<UInt8>) -> Route {
        var end = 0
        while end < target.count, target[end] != UInt8(ascii: "?") { end += 1 }
        let path = UnsafeBufferPointer(rebasing: target[0..<end])
        for (route, bytes) in Route.pathTable where bytes.elementsEqual(path) {
            return route
        }
        return .unknown
    }

    private static let pathTable: [(Route, [UInt8])] = Route.allCases.compactMap { route in
        route.path.map { (route, Array($0.utf8)) }
    }
}
