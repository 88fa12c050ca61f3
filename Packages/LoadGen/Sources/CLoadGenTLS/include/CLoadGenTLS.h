#ifndef CLOADGEN_TLS_H
#define CLOADGEN_TLS_H

// TLS for LoadGen through the system's OpenSSL 3 (`libssl.so.3`), loaded at run time with dlopen: no OpenSSL
// headers and no link-time dependency, so building needs nothing beyond the Swift toolchain and plain HTTP runs
// never load it. The few OpenSSL functions used are declared here as function pointers (CLoadGenTLS.c); Swift
// sees only the small, allocation-free API below. Nothing is loaded until `lg_tls_load` is called.

#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

/// One TLS connection: its `SSL` object while open, the session kept for resumption across reconnects, and why
/// the last operation failed. Zero-initialised memory is a valid, closed connection.
typedef struct lg_tls_conn {
    void *ssl;
    void *session;
    /// `ERR_reason_error_string` of the failure (static text owned by OpenSSL) or one of ours; NULL if none.
    const char *error_reason;
    /// `SSL_get_verify_result` at the failure (0 = X509_V_OK).
    long verify_result;
    /// What failed, `LG_TLS_FAILURE_*`.
    int failure;
    int resume;
} lg_tls_conn;

enum {
    LG_TLS_DONE = 0,
    LG_TLS_WANT_READ = -1,
    LG_TLS_WANT_WRITE = -2,
    LG_TLS_ERROR = -3,
};

enum {
    LG_TLS_FAILURE_NONE = 0,
    /// The handshake or a record failed (the reason says how).
    LG_TLS_FAILURE_PROTOCOL = 1,
    /// The peer's certificate was refused: `verify_result` says why.
    LG_TLS_FAILURE_VERIFY = 2,
    /// The peer sent a fatal alert.
    LG_TLS_FAILURE_ALERT = 3,
    /// The connection was closed or reset in the middle of the handshake.
    LG_TLS_FAILURE_CLOSED = 4,
};

/// The library loaded, `libssl.so.3` or `$LOADGEN_LIBSSL`.
const char *lg_tls_library_name(void);

/// Loads libssl once per process (thread-safe). 0 when it is usable; -1 when not, with `dlerror`'s message.
int lg_tls_load(char *message, size_t capacity);

/// Whether `lg_tls_load` succeeded in this process (without trying).
int lg_tls_is_loaded(void);

/// A client context: TLS 1.2 and 1.3, ALPN `http/1.1`, verification against `ca_file` or the system store
/// (`SSL_CTX_set_default_verify_paths`) unless `insecure`, sessions handed to the connections for resumption
/// when `resume`. NULL on failure with the reason in `message`.
void *lg_tls_client_context(const char *ca_file, int insecure, int resume, char *message, size_t capacity);

/// A server context with a PEM certificate chain and private key, ALPN `http/1.1`. NULL on failure.
void *lg_tls_server_context(const char *cert_file, const char *key_file, char *message, size_t capacity);

void lg_tls_context_free(void *context);

/// Creates the connection's `SSL` (or reuses the one `lg_tls_close_keeping` cleared) over `fd` (a new socket BIO:
/// the per-connection setup). Client: `sni` is sent as
/// the server name (NULL for none), `verify_host` is the name or IP address the certificate must match (NULL for
/// none), and the kept session is offered when resumption is on. 0, or -1 (then `failure` is set).
int lg_tls_start(lg_tls_conn *conn, void *context, int fd, const char *sni, const char *verify_host, int server);

/// Advances the handshake: LG_TLS_DONE, LG_TLS_WANT_READ, LG_TLS_WANT_WRITE or LG_TLS_ERROR.
int lg_tls_handshake(lg_tls_conn *conn);

/// Reads decrypted bytes: at most `capacity`, all that the socket and OpenSSL's buffer hold up to it. > 0 bytes,
/// 0 at the end of the stream, LG_TLS_WANT_READ / LG_TLS_WANT_WRITE when it would block, LG_TLS_ERROR.
long lg_tls_read(lg_tls_conn *conn, void *buffer, size_t capacity);

/// Writes the `count` buffers of `vectors` as one TLS write (gathered through `scratch` when there are several),
/// partial writes allowed. Bytes written, or LG_TLS_WANT_READ / LG_TLS_WANT_WRITE / LG_TLS_ERROR.
long lg_tls_writev(lg_tls_conn *conn, const struct iovec *vectors, int count, void *scratch, size_t capacity);

/// Whether the finished handshake resumed a session.
int lg_tls_resumed(const lg_tls_conn *conn);

/// The negotiated protocol (`TLSv1.3`), static text; "" without a connection.
const char *lg_tls_protocol(const lg_tls_conn *conn);

/// Whether ALPN selected `http/1.1`.
int lg_tls_alpn_http11(const lg_tls_conn *conn);

/// Frees the `SSL` (after a close_notify when `notify`); the session stays for the next connection (the server side).
void lg_tls_close(lg_tls_conn *conn, int notify);

/// Client: like `lg_tls_close`, but the `SSL` is cleared (`SSL_clear`) and kept for the connection's next
/// `lg_tls_start`, which then only sets its new socket BIO; `SSL_new` costs more than a resumed handshake.
void lg_tls_close_keeping(lg_tls_conn *conn, int notify);

/// Frees the `SSL` and the kept session.
void lg_tls_release(lg_tls_conn *conn);

/// `X509_verify_cert_error_string(code)`: static text.
const char *lg_tls_verify_text(long code);

#endif
