/// A load scenario from `perf/macro/<name>.json`: the load, the thresholds that decide the exit code,
/// and optionally a service to start first.
///
/// ```json
/// {
///   "description": "loadgen-target under 50 connections",
///   "target": "http://127.0.0.1:18080/",
///   "connections": 50, "threads": 1, "duration": "8s", "warmup": "1s",
///   "thresholds": { "latencyP95Ms": { "target": 100, "warning": 200, "critical": 500 } },
///   "service": { "command": "loadgen-target", "arguments": ["--port", "18080"],
///                "readiness": "http://127.0.0.1:18080/" }
/// }
/// ```
///
/// Every field is checked: an unknown field, a bad duration or a missing target is an error naming
/// the field (`LoadGenError.invalidField`).
public struct Scenario: Sendable {
    /// The name: the file name without `.json` unless the file says otherwise.
    public var name: String
    /// What the scenario is for.
    public var description: String?
    /// The load.
    public var configuration: LoadConfiguration
    /// The thresholds, in file order.
    public var thresholds: [Threshold]
    /// The service to start first, if any.
    public var service: ServiceSpec?

    /// Creates a scenario from parts (the `loadgen` tool builds one for ad hoc runs).
    public init(
        name: String, description: String? = nil, configuration: LoadConfiguration, thresholds: [Threshold] = [],
        service: ServiceSpec? = nil
    ) {
        self.name = name
        self.description = description
        self.configuration = configuration
        self.thresholds = thresholds
        self.service = service
    }

    /// The fields a scenario file may have.
    public static let fields = [
        "name", "description", "target", "requests", "connections", "threads", "pipelining", "duration", "count",
        "rate", "stages", "timeout", "warmup", "grace", "secondsKept", "thresholds", "service", "quick", "tls",
    ]
}
