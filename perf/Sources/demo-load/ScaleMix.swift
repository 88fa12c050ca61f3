import LoadGen

/// The request mix of one scaling configuration, taken from the stress scenario's requests by path.
enum ScaleMix: String, CaseIterable, Equatable, Sendable {
    /// Only `POST /login` (the password hash: CPU-bound).
    case login
    /// Only `POST /messages` (10-message batches: parsing and the topic store).
    case messages
    /// Every request of the scenario in its order (half logins, half batches in `http-stress`).
    case mixed

    /// The requests of `requests` this mix sends, in their order.
    /// - Throws: `DemoLoadError.setup` when none is left (the scenario has no request with the mix's path).
    func requests(from requests: [RequestTemplate], scenario: String) throws(DemoLoadError) -> [RequestTemplate] {
        let path: String
        switch self {
        case .mixed: return requests
        case .login: path = "/login"
        case .messages: path = "/messages"
        }
        let chosen = requests.filter { $0.path == path }
        guard !chosen.isEmpty else {
            throw .setup("the scenario '\(scenario)' has no \(path) request for --mix \(rawValue)")
        }
        return chosen
    }
}
