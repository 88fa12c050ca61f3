import CLoadGenTLS

/// Why a TLS handshake or connection failed, as OpenSSL said it: the kind (`LG_TLS_FAILURE_*`, or a timeout),
/// the address of OpenSSL's static reason text and the verification result. Counting one allocates nothing
/// once its key was seen; the text is made at the end of the run (or for a readiness probe's message).
struct TLSFailureKey: Hashable {
    static let timeoutKind: Int32 = 100
    var kind: Int32
    var reason: UInt
    var verify: Int
    var duringHandshake: Bool

    /// The reason as the table and the report show it.
    var text: String {
        let reason = self.reason == 0 ? "" : String(cString: UnsafePointer<CChar>(bitPattern: self.reason)!)
        switch kind {
        case TLSFailureKey.timeoutKind:
            return "handshake timed out (no TLS answer within the timeout: does the port speak TLS?)"
        case Int32(LG_TLS_FAILURE_VERIFY):
            return "certificate verify failed: \(TLSLibrary.verifyText(verify)) (X509 error \(verify))"
        case Int32(LG_TLS_FAILURE_ALERT):
            return "alert received: \(reason)"
        case Int32(LG_TLS_FAILURE_CLOSED):
            return "closed by the server during the handshake"
        default:
            let notTLS = ["wrong version number", "packet length too long", "record layer failure", "http request"]
            let hint = notTLS.contains { reason.contains($0) } ? " (the server does not speak TLS: plain HTTP?)" : ""
            return (duringHandshake ? "handshake failed: " : "failed after the handshake: ") + reason + hint
        }
    }
}

extension TLSFailureKey {
    /// The key of the failure `connection` recorded.
    init(_ connection: lg_tls_conn, duringHandshake: Bool) {
        self.init(
            kind: connection.failure, reason: UInt(bitPattern: connection.error_reason),
            verify: connection.verify_result, duringHandshake: duringHandshake)
    }
}
