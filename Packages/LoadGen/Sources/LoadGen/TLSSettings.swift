/// How the client side of an `https://` run speaks TLS.
public struct TLSSettings: Sendable, Hashable {
    /// PEM file of the certificate authorities to trust instead of the system store (`--cacert`).
    public var caFile: String?
    /// Whether the server's certificate and name are checked (`--insecure` turns it off).
    public var verify = true
    /// Whether a reconnecting connection offers its previous session (`--no-resume` turns it off).
    public var resume = true

    /// Verification against the system store, resumption on.
    public init() {}

    /// What the verification is, for the table and the report: `system store`, `CA file PATH`, or
    /// `off (--insecure)`.
    public var verificationText: String {
        if !verify { return "off (--insecure)" }
        return caFile.map { "CA file \($0)" } ?? "system store"
    }
}
