import CLoadGenTLS

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's OpenSSL 3, loaded with `dlopen` the first time a TLS run or server needs it (never for plain
/// HTTP). `LOADGEN_LIBSSL` names another library file.
public enum TLSLibrary {
    /// The library file that is (or would be) loaded: `libssl.so.3` or `$LOADGEN_LIBSSL`.
    public static var name: String { String(cString: lg_tls_library_name()) }

    /// Whether it is loaded in this process.
    public static var isLoaded: Bool { lg_tls_is_loaded() != 0 }

    /// Loads it once per process.
    /// - Throws: `LoadGenError.tlsUnavailable` naming the library and how to install it.
    public static func load() throws(LoadGenError) {
        var message = [CChar](repeating: 0, count: 512)
        guard lg_tls_load(&message, message.count) == 0 else {
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .tlsUnavailable(library: name, reason: reason)
        }
    }

    /// `X509_verify_cert_error_string`.
    static func verifyText(_ code: Int) -> String { String(cString: lg_tls_verify_text(code)) }
}

/// An OpenSSL `SSL_CTX`, shared by the threads of a run or a server (OpenSSL makes it safe to share once set up).
final class TLSContext: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer

    private init(pointer: UnsafeMutableRawPointer) {
        self.pointer = pointer
    }

    deinit {
        lg_tls_context_free(pointer)
    }

    /// The client context of `settings`.
    static func client(_ settings: TLSSettings) throws(LoadGenError) -> TLSContext {
        try TLSLibrary.load()
        var message = [CChar](repeating: 0, count: 512)
        guard
            let pointer = lg_tls_client_context(
                settings.caFile, settings.verify ? 0 : 1, settings.resume ? 1 : 0, &message, message.count)
        else { throw .tlsSetupFailed(reason: text(message)) }
        return TLSContext(pointer: pointer)
    }

    /// A server context with a PEM certificate chain and key.
    static func server(certificate: String, key: String) throws(LoadGenError) -> TLSContext {
        try TLSLibrary.load()
        var message = [CChar](repeating: 0, count: 512)
        guard let pointer = lg_tls_server_context(certificate, key, &message, message.count) else {
            throw .tlsSetupFailed(reason: text(message))
        }
        return TLSContext(pointer: pointer)
    }

    private static func text(_ message: [CChar]) -> String {
        String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
