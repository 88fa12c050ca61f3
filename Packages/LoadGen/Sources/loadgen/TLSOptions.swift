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
