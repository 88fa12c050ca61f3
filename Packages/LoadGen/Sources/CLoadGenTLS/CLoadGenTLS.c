#include "CLoadGenTLS.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// OpenSSL 3's ABI as far as LoadGen uses it: opaque pointers, and the constants of <openssl/ssl.h> that the
// functions below take. These values are part of OpenSSL's stable ABI (1.1 and 3.x).
#define SSL_ERROR_SSL 1
#define SSL_ERROR_WANT_READ 2
#define SSL_ERROR_WANT_WRITE 3
#define SSL_ERROR_SYSCALL 5
#define SSL_ERROR_ZERO_RETURN 6
#define SSL_VERIFY_NONE 0
#define SSL_VERIFY_PEER 1
#define SSL_FILETYPE_PEM 1
#define SSL_CTRL_SET_SESS_CACHE_MODE 44
#define SSL_CTRL_MODE 33
#define SSL_CTRL_SET_TLSEXT_HOSTNAME 55
#define SSL_CTRL_SET_MIN_PROTO_VERSION 123
#define TLSEXT_NAMETYPE_host_name 0
#define TLS1_2_VERSION 0x0303
#define SSL_SESS_CACHE_CLIENT 0x0001
#define SSL_SESS_CACHE_NO_INTERNAL 0x0300
#define SSL_MODE_ENABLE_PARTIAL_WRITE 0x1
#define SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER 0x2
#define SSL_OP_IGNORE_UNEXPECTED_EOF ((uint64_t)1 << 7)
#define SSL_TLSEXT_ERR_OK 0
#define SSL_TLSEXT_ERR_NOACK 3

typedef void SSL;
typedef void SSL_CTX;
typedef void SSL_METHOD;
typedef void SSL_SESSION;

#define LG_TLS_FUNCTIONS(X) \
    X(int, OPENSSL_init_ssl, (uint64_t, const void *)) \
    X(const SSL_METHOD *, TLS_client_method, (void)) \
    X(const SSL_METHOD *, TLS_server_method, (void)) \
    X(SSL_CTX *, SSL_CTX_new, (const SSL_METHOD *)) \
    X(void, SSL_CTX_free, (SSL_CTX *)) \
    X(long, SSL_CTX_ctrl, (SSL_CTX *, int, long, void *)) \
    X(uint64_t, SSL_CTX_set_options, (SSL_CTX *, uint64_t)) \
    X(void, SSL_CTX_set_verify, (SSL_CTX *, int, void *)) \
    X(int, SSL_CTX_set_default_verify_paths, (SSL_CTX *)) \
    X(int, SSL_CTX_load_verify_locations, (SSL_CTX *, const char *, const char *)) \
    X(int, SSL_CTX_set_alpn_protos, (SSL_CTX *, const unsigned char *, unsigned int)) \
    X(void, SSL_CTX_set_alpn_select_cb, (SSL_CTX *, void *, void *)) \
    X(void, SSL_CTX_sess_set_new_cb, (SSL_CTX *, int (*)(SSL *, SSL_SESSION *))) \
    X(int, SSL_CTX_use_certificate_chain_file, (SSL_CTX *, const char *)) \
    X(int, SSL_CTX_use_PrivateKey_file, (SSL_CTX *, const char *, int)) \
    X(int, SSL_CTX_check_private_key, (const SSL_CTX *)) \
    X(SSL *, SSL_new, (SSL_CTX *)) \
    X(void, SSL_free, (SSL *)) \
    X(int, SSL_set_fd, (SSL *, int)) \
    X(void, SSL_set_connect_state, (SSL *)) \
    X(void, SSL_set_accept_state, (SSL *)) \
    X(long, SSL_ctrl, (SSL *, int, long, void *)) \
    X(int, SSL_set1_host, (SSL *, const char *)) \
    X(int, SSL_set_ex_data, (SSL *, int, void *)) \
    X(void *, SSL_get_ex_data, (const SSL *, int)) \
    X(int, SSL_set_session, (SSL *, SSL_SESSION *)) \
    X(void, SSL_SESSION_free, (SSL_SESSION *)) \
    X(int, SSL_session_reused, (const SSL *)) \
    X(int, SSL_do_handshake, (SSL *)) \
    X(int, SSL_read, (SSL *, void *, int)) \
    X(int, SSL_write, (SSL *, const void *, int)) \
    X(int, SSL_has_pending, (const SSL *)) \
    X(int, SSL_get_error, (const SSL *, int)) \
    X(int, SSL_shutdown, (SSL *)) \
    X(int, SSL_clear, (SSL *)) \
    X(long, SSL_get_verify_result, (const SSL *)) \
    X(const char *, SSL_get_version, (const SSL *)) \
    X(void, SSL_get0_alpn_selected, (const SSL *, const unsigned char **, unsigned int *)) \
    X(unsigned long, ERR_peek_last_error, (void)) \
    X(void, ERR_clear_error, (void)) \
    X(const char *, ERR_reason_error_string, (unsigned long)) \
    X(const char *, X509_verify_cert_error_string, (long))

#define LG_TLS_DECLARE(result, name, parameters) static result(*p_##name) parameters;
LG_TLS_FUNCTIONS(LG_TLS_DECLARE)

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int load_status = -1;
static char load_message[512];

const char *lg_tls_library_name(void) {
    const char *name = getenv("LOADGEN_LIBSSL");
    return (name && *name) ? name : "libssl.so.3";
}

static void load_library(void) {
    const char *name = lg_tls_library_name();
    // RTLD_LOCAL: nothing else in the process sees these symbols; libcrypto comes in as libssl's dependency
    // and dlsym on libssl's handle finds its symbols too.
    void *handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *error = dlerror();
        snprintf(load_message, sizeof load_message, "%s", error ? error : "dlopen failed");
        return;
    }
#define LG_TLS_RESOLVE(result, fname, parameters) \
    p_##fname = (result(*) parameters)dlsym(handle, #fname); \
    if (!p_##fname) { \
        snprintf(load_message, sizeof load_message, "%s has no %s (OpenSSL 3 is needed)", name, #fname); \
        return; \
    }
    LG_TLS_FUNCTIONS(LG_TLS_RESOLVE)
    p_OPENSSL_init_ssl(0, NULL);
    // OpenSSL writes to its sockets with write(2): a peer that is gone would raise SIGPIPE and end the process.
    // Ignore it unless the program installed a handler of its own.
    struct sigaction current;
    if (sigaction(SIGPIPE, NULL, &current) == 0 && current.sa_handler == SIG_DFL) signal(SIGPIPE, SIG_IGN);
    load_status = 0;
}

int lg_tls_load(char *message, size_t capacity) {
    pthread_once(&load_once, load_library);
    if (load_status != 0 && message && capacity > 0) snprintf(message, capacity, "%s", load_message);
    return load_status;
}

int lg_tls_is_loaded(void) { return load_status == 0; }

static const unsigned char alpn_http11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};

static void set_message(char *message, size_t capacity, const char *what) {
    if (!message || capacity == 0) return;
    unsigned long error = p_ERR_peek_last_error();
    const char *reason = error ? p_ERR_reason_error_string(error) : NULL;
    snprintf(message, capacity, "%s%s%s", what, reason ? ": " : "", reason ? reason : "");
    p_ERR_clear_error();
}

// The client keeps each connection's newest session (TLS 1.2: at the end of the handshake; TLS 1.3: from the
// server's NewSessionTicket, read with the first response) for the next connection of the same slot.
static int keep_session(SSL *ssl, SSL_SESSION *session) {
    lg_tls_conn *conn = p_SSL_get_ex_data(ssl, 0);
    if (!conn || !conn->resume) return 0;
    if (conn->session) p_SSL_SESSION_free(conn->session);
    conn->session = session;
    return 1; // we own the reference now
}

// A context with what both sides share: TLS 1.2 at least, partial writes from moving buffers, and a peer that
// closes without close_notify (after `Connection: close`) read as an end of stream, not an error that would also
// make the session unusable. NULL, with `message` set, when libssl is not loaded or SSL_CTX_new fails.
static SSL_CTX *new_context(int server, char *message, size_t capacity) {
    if (load_status != 0) {
        snprintf(message, capacity, "libssl is not loaded");
        return NULL;
    }
    SSL_CTX *context = p_SSL_CTX_new(server ? p_TLS_server_method() : p_TLS_client_method());
    if (!context) {
        set_message(message, capacity, "SSL_CTX_new failed");
        return NULL;
    }
    p_SSL_CTX_ctrl(context, SSL_CTRL_SET_MIN_PROTO_VERSION, TLS1_2_VERSION, NULL);
    p_SSL_CTX_ctrl(context, SSL_CTRL_MODE, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER, NULL);
    p_SSL_CTX_set_options(context, SSL_OP_IGNORE_UNEXPECTED_EOF);
    return context;
}

void *lg_tls_client_context(const char *ca_file, int insecure, int resume, char *message, size_t capacity) {
    SSL_CTX *context = new_context(0, message, capacity);
    if (!context) return NULL;
    if (p_SSL_CTX_set_alpn_protos(context, alpn_http11, sizeof alpn_http11) != 0) {
        set_message(message, capacity, "SSL_CTX_set_alpn_protos failed");
        p_SSL_CTX_free(context);
        return NULL;
    }
    if (insecure) {
        p_SSL_CTX_set_verify(context, SSL_VERIFY_NONE, NULL);
    } else {
        p_SSL_CTX_set_verify(context, SSL_VERIFY_PEER, NULL);
        int loaded = ca_file ? p_SSL_CTX_load_verify_locations(context, ca_file, NULL)
                             : p_SSL_CTX_set_default_verify_paths(context);
        if (loaded != 1) {
            char what[320];
            if (ca_file) snprintf(what, sizeof what, "cannot load CA certificates from %s", ca_file);
            else snprintf(what, sizeof what, "cannot load the system's CA certificates");
            set_message(message, capacity, what);
            p_SSL_CTX_free(context);
            return NULL;
        }
    }
    if (resume) {
        p_SSL_CTX_ctrl(context, SSL_CTRL_SET_SESS_CACHE_MODE, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL, NULL);
        p_SSL_CTX_sess_set_new_cb(context, keep_session);
    }
    return context;
}

static int select_http11(SSL *ssl, const unsigned char **out, unsigned char *outlen, const unsigned char *in,
                         unsigned int inlen, void *arg) {
    (void)ssl;
    (void)arg;
    for (unsigned int offset = 0; offset < inlen;) {
        unsigned int length = in[offset];
        if (offset + 1 + length > inlen) break;
        if (length == 8 && memcmp(in + offset + 1, "http/1.1", 8) == 0) {
            *out = in + offset + 1;
            *outlen = 8;
            return SSL_TLSEXT_ERR_OK;
        }
        offset += 1 + length;
    }
    return SSL_TLSEXT_ERR_NOACK;
}

void *lg_tls_server_context(const char *cert_file, const char *key_file, char *message, size_t capacity) {
    SSL_CTX *context = new_context(1, message, capacity);
    if (!context) return NULL;
    char what[320];
    if (p_SSL_CTX_use_certificate_chain_file(context, cert_file) != 1) {
        snprintf(what, sizeof what, "cannot load the certificate %s", cert_file);
    } else if (p_SSL_CTX_use_PrivateKey_file(context, key_file, SSL_FILETYPE_PEM) != 1) {
        snprintf(what, sizeof what, "cannot load the private key %s", key_file);
    } else if (p_SSL_CTX_check_private_key(context) != 1) {
        snprintf(what, sizeof what, "the key %s does not match the certificate %s", key_file, cert_file);
    } else {
        p_SSL_CTX_set_alpn_select_cb(context, (void *)select_http11, NULL);
        return context;
    }
    set_message(message, capacity, what);
    p_SSL_CTX_free(context);
    return NULL;
}

void lg_tls_context_free(void *context) {
    if (context && p_SSL_CTX_free) p_SSL_CTX_free(context);
}

static void record_failure(lg_tls_conn *conn, int code, int handshaking) {
    unsigned long error = p_ERR_peek_last_error();
    conn->verify_result = conn->ssl ? p_SSL_get_verify_result(conn->ssl) : 0;
    conn->error_reason = error ? p_ERR_reason_error_string(error) : NULL;
    if (code == SSL_ERROR_SSL && conn->verify_result != 0) {
        conn->failure = LG_TLS_FAILURE_VERIFY;
    } else if (conn->error_reason && strstr(conn->error_reason, "alert")) {
        conn->failure = LG_TLS_FAILURE_ALERT;
    } else if (code == SSL_ERROR_SYSCALL || code == SSL_ERROR_ZERO_RETURN ||
               (conn->error_reason && strstr(conn->error_reason, "unexpected eof"))) {
        conn->failure = handshaking ? LG_TLS_FAILURE_CLOSED : LG_TLS_FAILURE_PROTOCOL;
        if (!conn->error_reason) {
            conn->error_reason = handshaking ? "connection closed during the handshake" : "connection reset";
        }
    } else {
        conn->failure = LG_TLS_FAILURE_PROTOCOL;
        if (!conn->error_reason) conn->error_reason = "TLS failure without a reason";
    }
    p_ERR_clear_error();
}

int lg_tls_start(lg_tls_conn *conn, void *context, int fd, const char *sni, const char *verify_host, int server) {
    conn->failure = LG_TLS_FAILURE_NONE;
    conn->error_reason = NULL;
    conn->verify_result = 0;
    // A client reuses its connection's SSL (cleared when the previous connection closed): SSL_new costs more
    // than the rest of a resumed handshake in OpenSSL 3.0.
    SSL *ssl = conn->ssl ? conn->ssl : p_SSL_new(context);
    conn->ssl = NULL;
    if (!ssl) {
        record_failure(conn, SSL_ERROR_SSL, 1);
        return -1;
    }
    if (p_SSL_set_fd(ssl, fd) != 1 || (sni && p_SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME,
                                                        TLSEXT_NAMETYPE_host_name, (void *)sni) != 1) ||
        (verify_host && p_SSL_set1_host(ssl, verify_host) != 1)) {
        conn->ssl = ssl;
        record_failure(conn, SSL_ERROR_SSL, 1);
        p_SSL_free(ssl);
        conn->ssl = NULL;
        return -1;
    }
    p_SSL_set_ex_data(ssl, 0, conn);
    if (server) {
        p_SSL_set_accept_state(ssl);
    } else {
        p_SSL_set_connect_state(ssl);
        // Offer the kept session, or none (SSL_clear keeps the previous connection's session otherwise).
        p_SSL_set_session(ssl, conn->resume ? conn->session : NULL);
    }
    conn->ssl = ssl;
    return 0;
}

static int classify(lg_tls_conn *conn, int result, int handshaking) {
    int code = p_SSL_get_error(conn->ssl, result);
    if (code == SSL_ERROR_WANT_READ) return LG_TLS_WANT_READ;
    if (code == SSL_ERROR_WANT_WRITE) return LG_TLS_WANT_WRITE;
    if (code == SSL_ERROR_ZERO_RETURN && !handshaking) return 0;
    record_failure(conn, code, handshaking);
    return LG_TLS_ERROR;
}

int lg_tls_handshake(lg_tls_conn *conn) {
    int result = p_SSL_do_handshake(conn->ssl);
    if (result == 1) return LG_TLS_DONE;
    return classify(conn, result, 1);
}

long lg_tls_read(lg_tls_conn *conn, void *buffer, size_t capacity) {
    size_t total = 0;
    while (total < capacity) {
        size_t room = capacity - total;
        int result = p_SSL_read(conn->ssl, (char *)buffer + total, room > 0x40000000 ? 0x40000000 : (int)room);
        if (result > 0) {
            total += (size_t)result;
            // One record per SSL_read: go on only while OpenSSL holds more, so that a short read still means
            // the socket is drained (the loop's readiness is level-triggered).
            if (!p_SSL_has_pending(conn->ssl)) break;
            continue;
        }
        if (total > 0) {
            // Report what was read; the condition shows again on the next call.
            int code = p_SSL_get_error(conn->ssl, result);
            if (code != SSL_ERROR_WANT_READ && code != SSL_ERROR_WANT_WRITE) p_ERR_clear_error();
            break;
        }
        return classify(conn, result, 0);
    }
    return (long)total;
}

long lg_tls_writev(lg_tls_conn *conn, const struct iovec *vectors, int count, void *scratch, size_t capacity) {
    const void *bytes = vectors[0].iov_base;
    size_t length = vectors[0].iov_len;
    if (count > 1) {
        length = 0;
        for (int index = 0; index < count && length < capacity; index++) {
            size_t part = vectors[index].iov_len;
            if (part > capacity - length) part = capacity - length;
            memcpy((char *)scratch + length, vectors[index].iov_base, part);
            length += part;
        }
        bytes = scratch;
    }
    if (length > 0x40000000) length = 0x40000000;
    int result = p_SSL_write(conn->ssl, bytes, (int)length);
    if (result > 0) return result;
    return classify(conn, result, 0);
}

int lg_tls_resumed(const lg_tls_conn *conn) { return conn->ssl ? p_SSL_session_reused(conn->ssl) : 0; }

const char *lg_tls_protocol(const lg_tls_conn *conn) { return conn->ssl ? p_SSL_get_version(conn->ssl) : ""; }

int lg_tls_alpn_http11(const lg_tls_conn *conn) {
    if (!conn->ssl) return 0;
    const unsigned char *data = NULL;
    unsigned int length = 0;
    p_SSL_get0_alpn_selected(conn->ssl, &data, &length);
    return length == 8 && memcmp(data, "http/1.1", 8) == 0;
}

void lg_tls_close(lg_tls_conn *conn, int notify) {
    if (!conn->ssl) return;
    if (notify) {
        p_SSL_shutdown(conn->ssl);
    }
    p_ERR_clear_error();
    p_SSL_free(conn->ssl);
    conn->ssl = NULL;
}

void lg_tls_close_keeping(lg_tls_conn *conn, int notify) {
    if (!conn->ssl) return;
    if (notify) p_SSL_shutdown(conn->ssl);
    p_ERR_clear_error();
    if (p_SSL_clear(conn->ssl) != 1) {
        p_ERR_clear_error();
        p_SSL_free(conn->ssl);
        conn->ssl = NULL;
    }
}

void lg_tls_release(lg_tls_conn *conn) {
    lg_tls_close(conn, 0);
    if (conn->session) {
        p_SSL_SESSION_free(conn->session);
        conn->session = NULL;
    }
}

const char *lg_tls_verify_text(long code) {
    return load_status == 0 ? p_X509_verify_cert_error_string(code) : "unknown";
}
