#!/usr/bin/env bash
# Makes the TEST-ONLY certificates of the HTTPS scenarios in perf/macro (https-*.json): a self-signed CA
# (ca.pem, which the scenarios trust with "tls": {"cacert": "tls/ca.pem"}) and a certificate for 127.0.0.1 and
# localhost signed by it (server.pem, key server-key.pem), which `loadgen-target --tls-cert server.pem --tls-key
# server-key.pem` serves. Both are valid for 100 years, so the committed files never expire under the suite.
#
# The private key is committed on purpose and is therefore public: it protects nothing. Never use these files,
# or this CA, for anything but loopback load tests; never add ca.pem to a system trust store.
#
# Usage: perf/macro/tls/make-cert.sh    (rewrites ca.pem, server.pem and server-key.pem next to this script;
#                                        the CA's key is thrown away, so nothing else can be signed by it)
# Needs the openssl command-line tool (Debian: apt-get install openssl). Exit status: 0 written, non-zero when openssl failed.
set -euo pipefail

directory="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/make-cert.XXXXXX")"
trap 'rm -rf "$work"' EXIT
days=36525

# P-256 keys: what the TLS tests and the bars use, and fast enough that a full handshake measures the handshake.
openssl ecparam -name prime256v1 -genkey -noout -out "$work/ca-key.pem"
openssl req -x509 -new -key "$work/ca-key.pem" -days "$days" -sha256 \
    -subj "/O=Swift performance toolkit/OU=TEST ONLY, never trust it/CN=perf macro test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$work/ca.pem"

openssl ecparam -name prime256v1 -genkey -noout -out "$work/server-key.pem"
openssl req -new -key "$work/server-key.pem" -subj "/CN=localhost" -out "$work/server.csr"
cat >"$work/server.ext" <<'EXTENSIONS'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost
EXTENSIONS
openssl x509 -req -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca-key.pem" -CAcreateserial \
    -days "$days" -sha256 -extfile "$work/server.ext" -out "$work/server.pem" 2>/dev/null

openssl verify -CAfile "$work/ca.pem" "$work/server.pem" >/dev/null
openssl pkcs8 -topk8 -nocrypt -in "$work/server-key.pem" -out "$directory/server-key.pem"
cp "$work/ca.pem" "$work/server.pem" "$directory/"
chmod 644 "$directory/ca.pem" "$directory/server.pem" "$directory/server-key.pem"
echo "make-cert: wrote $directory/{ca.pem,server.pem,server-key.pem} (TEST-ONLY, valid $days days)"
