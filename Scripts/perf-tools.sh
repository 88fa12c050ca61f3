#!/usr/bin/env bash
# Builds the tools the perf targets run, in release, in the perf package (perf/.build/release). The perf package
# depends on every other package, so PerfResult, LoadGen and Regression compile once for all of them, where
# building each tool in its own package compiled them again per package.
#
# Usage: Scripts/perf-tools.sh [PRODUCT...]   (no product: every tool `make perf` runs)
# Environment: PERF_BUILT=1 skips the build (`make perf` builds once with `make perf-tools`, then runs the suites).
# Exit status: 0 built; 2 a build failed (its log is printed).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

[[ -n ${PERF_BUILT:-} ]] && exit 0
products=("$@")
if ((${#products[@]} == 0)); then
    products=(perf-micro perf-memory perf-pools perf-viewmodel perf-service demo-service demo-load loadgen
        loadgen-target perf-check)
    echo "==> swift build -c release in perf/: ${products[*]}"
fi
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT
for product in "${products[@]}"; do
    if ! (cd perf && swift build -c release --product "$product") >"$log" 2>&1; then
        cat "$log" >&2
        echo "perf-tools: building $product in perf/ (swift build -c release --product $product) failed; see above" >&2
        exit 2
    fi
done
