#!/usr/bin/env bash
# LoadGen's HTTPS bars against wrk on nginx with TLS (issue #20), on this machine, bounded in time.
#
# Usage: Scripts/loadgen-tls-bars.sh [ROUNDS [SECONDS]]      (defaults: 3 rounds of 5 s runs)
#
# nginx (one worker, CPU 0, TLS 1.2/1.3 with a P-256 certificate made here) on 127.0.0.1:18443 with session tickets
# and a session cache, and on :18444 with neither (no handshake there can resume); the clients on CPU 1, one
# thread each, 50 connections. Per round, in rotating order:
#   keep-alive   :18443  wrk -t1 -c50                            loadgen -t1 -c50 --insecure
#   full         :18444  wrk ... -H 'Connection: close'          loadgen ... -H 'Connection: close' --no-resume
#   resumed      :18443  wrk ... -H 'Connection: close'          loadgen ... -H 'Connection: close'
# wrk verifies no certificate, so loadgen runs --insecure too. wrk resumes by itself where the server lets it (it
# keeps each connection's SSL with SSL_clear after SSL_shutdown, so the next handshake offers the last session;
# nginx's $ssl_session_reused showed 1852 of 1861 reused), hence the server without resumption for full
# handshakes. Whole-process CPU (user + sys) from /usr/bin/time, divided by the responses; rates are medians of the
# rounds. With `Connection: close` every response costs one handshake: wrk's handshakes/s are its requests/s,
# loadgen's come from its own count (full and resumed).
# Bars: keep-alive requests/s >= 1.0x wrk's and CPU per request <= wrk's; full handshakes/s >= 1.0x wrk's; resumed
# handshakes/s are reported beside them (with wrk's, which resumes too).
# Needs nginx, wrk, openssl and a release build of LoadGen (built here). Everything it starts stops by itself.
# Exit status: 0 every bar met, 1 a bar missed, 2 setup failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
seconds="${2:-5}"
port=18443
for command in nginx wrk openssl taskset /usr/bin/time python3; do
    command -v "$command" >/dev/null 2>&1 || { echo "loadgen-tls-bars: $command is missing" >&2; exit 2; }
done
[[ "$rounds" =~ ^[1-9][0-9]*$ && "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [ROUNDS [SECONDS]]" >&2; exit 2; }

(cd "$root/Packages/LoadGen" && nice -n 19 swift build -c release --static-swift-stdlib >/dev/null) \
    || { echo "loadgen-tls-bars: the release build failed" >&2; exit 2; }
loadgen="$root/Packages/LoadGen/.build/release/loadgen"

work="$(mktemp -d /tmp/loadgen-tls-bars.XXXXXX)"
nginx_pid=""
cleanup() {
    [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$work/key.pem" \
    -out "$work/cert.pem" -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
mkdir -p "$work/tmp"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 10000000;
    keepalive_timeout 65s;
    client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
    uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_session_cache shared:SSL:10m;
    ssl_certificate $work/cert.pem;
    ssl_certificate_key $work/key.pem;
    server {
        listen 127.0.0.1:$port ssl;
        location / { return 200 "hello\n"; }
    }
    server {
        listen 127.0.0.1:$((port + 1)) ssl;
        ssl_session_tickets off;
        ssl_session_cache off;
        location / { return 200 "hello\n"; }
    }
}
CONF
# Bounded: nginx lives at most as long as every run could take.
budget=$(( rounds * 6 * (seconds + 4) + 30 ))
timeout "$budget" taskset -c 0 nginx -c "$work/nginx.conf" -p "$work" -e "$work/error.log" &
nginx_pid=$!
sleep 1
url="https://127.0.0.1:$port/"
full_url="https://127.0.0.1:$((port + 1))/"

# run NAME ROUND: one client run; appends "name round rps cpu_us handshakes_full handshakes_resumed" to results.
run() {
    local name="$1" round="$2" out="$work/$1-$2"
    local wrk=(timeout $((seconds + 20)) /usr/bin/time -f "%U %S" -o "$out.time" taskset -c 1 wrk -t1 -c50 -d"${seconds}s")
    local lg=(timeout $((seconds + 20)) /usr/bin/time -f "%U %S" -o "$out.time" taskset -c 1 "$loadgen" --no-progress
        -t1 -c50 -d"${seconds}s" --insecure --json "$out.json")
    case "$name" in
    wrk-keepalive) "${wrk[@]}" "$url" >"$out.txt" ;;
    wrk-full) "${wrk[@]}" -H "Connection: close" "$full_url" >"$out.txt" ;;
    wrk-resumed) "${wrk[@]}" -H "Connection: close" "$url" >"$out.txt" ;;
    loadgen-keepalive) "${lg[@]}" "$url" >"$out.txt" ;;
    loadgen-full) "${lg[@]}" -H "Connection: close" --no-resume "$full_url" >"$out.txt" ;;
    loadgen-resumed) "${lg[@]}" -H "Connection: close" "$url" >"$out.txt" ;;
    esac
    python3 - "$name" "$round" "$out" >>"$work/results" <<'PY'
import json, re, sys
name, round_, out = sys.argv[1:]
user, system = map(float, open(out + ".time").read().split()[-2:])
cpu = (user + system) * 1e6
if name.startswith("wrk"):
    text = open(out + ".txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    count = int(re.search(r"(\d+) requests in", text).group(1))
    errors = re.search(r"Socket errors: (.*)", text)
    full = rps if name == "wrk-full" else 0.0
    resumed = rps if name == "wrk-resumed" else 0.0
    note = errors.group(1) if errors else ""
else:
    report = json.load(open(out + ".json"))
    metrics = report["results"][0]["metrics"]
    sidecar = next(iter(report["loadgen"]["results"].values()))
    rps = metrics["requestsPerSec"]["value"]
    count = sidecar["counts"]["completed"]
    full = metrics["fullHandshakesPerSec"]["value"]
    resumed = metrics["resumedHandshakesPerSec"]["value"]
    note = "errors %d" % metrics["failures"]["value"]
print(name, round_, rps, cpu / max(count, 1), full, resumed, note.replace(" ", "_") or "-")
PY
}

names=(wrk-keepalive loadgen-keepalive wrk-full loadgen-full wrk-resumed loadgen-resumed)
for ((round = 0; round < rounds; round++)); do
    for ((index = 0; index < ${#names[@]}; index++)); do
        run "${names[(index + round) % ${#names[@]}]}" "$round"
    done
done

python3 - "$work/results" "$rounds" "$seconds" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
def med(name, column):
    return statistics.median(float(row[column]) for row in rows if row[0] == name)
rps, cpu, full, resumed = 2, 3, 4, 5
print(f"HTTPS against nginx (1 worker, TLS 1.3), 50 connections, one client thread; medians of {sys.argv[2]} "
      f"interleaved {sys.argv[3]} s rounds")
print("per round (requests/s, CPU µs/request):")
for name in ["wrk-keepalive", "loadgen-keepalive", "wrk-full", "loadgen-full", "wrk-resumed", "loadgen-resumed"]:
    cells = [f"{float(row[2]):.0f}/{float(row[3]):.0f}" for row in rows if row[0] == name]
    print(f"  {name:<18}" + "  ".join(cells))
print(f"{'client':<20}{'requests/s':>12}{'CPU µs/req':>12}{'full hs/s':>12}{'resumed hs/s':>14}")
for name in ["wrk-keepalive", "loadgen-keepalive", "wrk-full", "loadgen-full", "wrk-resumed", "loadgen-resumed"]:
    print(f"{name:<20}{med(name, rps):>12.0f}{med(name, cpu):>12.2f}{med(name, full):>12.0f}{med(name, resumed):>14.0f}")
bars = [
    ("keep-alive requests/s >= 1.0x wrk", med("loadgen-keepalive", rps) / med("wrk-keepalive", rps), 1.0, True),
    ("keep-alive CPU/request <= wrk", med("loadgen-keepalive", cpu) / med("wrk-keepalive", cpu), 1.0, False),
    ("full handshakes/s >= 1.0x wrk", med("loadgen-full", full) / med("wrk-full", full), 1.0, True),
]
failed = False
for label, ratio, bar, higher in bars:
    met = ratio >= bar if higher else ratio <= bar
    failed |= not met
    print(f"{label:<40} {ratio:.3f}x  {'met' if met else 'NOT MET'}")
print(f"resumed handshakes/s beside them: loadgen {med('loadgen-resumed', resumed):.0f}, wrk "
      f"{med('wrk-resumed', resumed):.0f} ({med('loadgen-resumed', resumed) / med('wrk-resumed', resumed):.3f}x), CPU "
      f"per request {med('loadgen-resumed', cpu):.0f} vs {med('wrk-resumed', cpu):.0f} µs")
for row in rows:
    if row[6] not in ("-", "errors_0"):
        print("note:", row[0], "round", row[1], row[6].replace("_", " "))
sys.exit(1 if failed else 0)
PY
