import LoadGen
import PerfSupport

/// `loadgen`'s https flags: kept apart from `Options` so that the TLS settings are in one place.
enum TLSOptions {
    static let caCert = Option(
        "cacert", .path.placeholder("FILE"),
        help: "https: trust the CA certificates of this PEM file instead of the system store")
    static let insecure = Flag("insecure", help: "https: do not verify the server's certificate and name")
    static let noResume = Flag(
        "no-resume", help: "https: a new connection never resumes a TLS session (full handshakes)")

    static let skipWithoutTLS = Flag(
        "skip-without-tls",
        help: "https: when libssl.so.3 cannot be loaded, say the run is skipped and exit 0 (make perf-macro)")

    /// Whether the run needs TLS: an `https://` target or an `https://` readiness URL.
    static func needsTLS(_ scenario: Scenario) -> Bool {
        scenario.configuration.target.isTLS || scenario.service?.readiness?.hasPrefix("https://") == true
    }

    /// Loads libssl up front when `scenario` needs it.
    /// - Returns: `nil` to go on; the exit status when it cannot be loaded: 2 with the library's message, or 0
    ///   after a `skipped:` line with `--skip-without-tls`.
    static func checkLibrary(_ scenario: Scenario, parsed: ParsedArguments) -> Int32? {
        guard needsTLS(scenario) else { return nil }
        do {
            try TLSLibrary.load()
            return nil
        } catch {
            guard parsed[skipWithoutTLS], case let .tlsUnavailable(library, reason) = error else {
                return Run.fail("\(error)")
            }
            print(
                "loadgen: \(scenario.name) skipped: \(library) cannot be loaded (\(reason)); install libssl3 "
                    + "(Debian/Ubuntu: apt-get install libssl3; Fedora/RHEL: dnf install openssl-libs)")
            return 0
        }
    }

    /// The flags over the scenario's settings.
    static func apply(_ parsed: ParsedArguments, to configuration: inout LoadConfiguration) {
        if let file = parsed.given(caCert) { configuration.tls.caFile = file }
        if parsed[insecure] { configuration.tls.verify = false }
        if parsed[noResume] { configuration.tls.resume = false }
    }

    /// The line printed under the environment line for an https target: how the certificate is checked.
    static func environmentLine(_ configuration: LoadConfiguration) -> String? {
        guard configuration.target.isTLS else { return nil }
        let tls = configuration.tls
        let warning = tls.verify ? "" : ": the server's certificate and name are NOT checked"
        return "TLS           verification \(tls.verificationText)\(warning) · resumption \(tls.resume ? "on" : "off")"
            + " · \(TLSLibrary.name)"
    }
}
