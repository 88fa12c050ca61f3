#!/usr/bin/env bash
# Pooled against plain allocation in the demo service, in interleaved rounds (the issue-9 A/B comparison).
#
# Usage: Scripts/demo-pool-ab.sh [demo-load ab flags]     e.g. --rounds 7 --duration 8s --scenario http-login
#
# Builds demo-service and demo-load in release (perf/.build), then runs `demo-load ab` from the repository root:
# the scenarios perf/macro/http-login.json and http-messages.json, each run on a fresh service started with
# --pool on or --pool off, on/off then off/on in alternate rounds; medians of requests/s, p50, p95, p99, error rate,
# allocations per request (the service's /metrics deltas) and the pools' hit rate, then the targets (allocations
# per request ≥ 30 % lower pooled, p50 and p99 ≤ 1.05× plain, hit rate ≥ 80 %).
# Writes perf/results/pool-ab.json. Defaults: 5 rounds of 5 s windows after a 1 s warmup (about 2 minutes);
# PERF_PROFILE=quick: 2 rounds of the scenarios' quick blocks (about 20 s). The whole run is stopped after
# AB_TIMEOUT seconds (default 600).
# Exit status: 0 every target met; 1 a target missed; 2 bad usage, a failed build or a service that did not start.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
for product in demo-service demo-load; do
    if ! (cd perf && swift build -c release --product "$product") >/tmp/demo-pool-ab-build.log 2>&1; then
        grep -E 'error' /tmp/demo-pool-ab-build.log | head -20 >&2 || tail -20 /tmp/demo-pool-ab-build.log >&2
        echo "demo-pool-ab: building $product failed (see above)" >&2
        exit 2
    fi
done
mkdir -p perf/results
defaults=()
if [[ ${PERF_PROFILE:-full} != quick ]]; then defaults=(--duration 5s --warmup 1s); fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
timeout --signal=INT --kill-after=30 "${AB_TIMEOUT:-600}" \
    perf/.build/release/demo-load ab "${defaults[@]}" --json perf/results/pool-ab.json "$@" || status=$?
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $status -eq 124 ]]; then
    echo "demo-pool-ab: stopped after ${AB_TIMEOUT:-600} s (AB_TIMEOUT)" >&2
    exit 2
fi
exit "$status"
