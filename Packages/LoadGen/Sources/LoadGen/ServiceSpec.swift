/// A service a scenario starts before the load and stops after it.
public struct ServiceSpec: Sendable, Hashable {
    /// The executable: a path, or a name looked up next to the `loadgen` executable, then in `PATH`.
    public var command: String
    /// Its arguments.
    public var arguments: [String] = []
    /// Variables added to (or replacing those of) the environment it inherits.
    public var environment: [String: String] = [:]
    /// The working directory it runs in (relative arguments such as certificate files are relative to it);
    /// `nil` is `loadgen`'s. A scenario's `service.directory` is relative to the scenario file.
    public var directory: String?
    /// A URL polled with `GET` (over TLS for `https://`) until it answers 2xx or 3xx; `nil` starts the load right away.
    public var readiness: String?
    /// How long to wait for readiness.
    public var timeout: Duration = .seconds(30)
    /// How long to wait after SIGTERM before SIGKILL.
    public var stopGrace: Duration = .seconds(5)
    /// Where its standard output and error go; `nil` is `/tmp/loadgen-service-<pid>.log`.
    public var log: String?

    /// Creates a spec.
    public init(command: String) {
        self.command = command
    }
}
