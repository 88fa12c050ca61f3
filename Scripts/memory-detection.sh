#!/usr/bin/env bash
# The memory suite's detection bars (issue 4), each run a fresh process of perf-memory (release):
#   - a leak of 64 bytes per iteration (and a retain cycle per iteration) on the healthy workload is
#     caught within 50,000 iterations in RUNS of RUNS runs;
#   - the healthy (sessionCache), pool churn (poolChurn) and sawtooth workloads are flagged in 0 of RUNS.
# Run r uses --seed r, so the runs see different request mixes and sawtooth phases.
#
# Usage: Scripts/memory-detection.sh [RUNS]        (default 20; every run is bounded by a 120 s timeout)
#   PERF_MEMORY=path/to/perf-memory uses that binary instead of building perf/ in release.
# Prints one line per case with its count; exit 0 when every bar holds, 1 when one fails, 2 on an error.
set -uo pipefail

runs="${1:-20}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
    echo "memory-detection: RUNS must be a positive integer, got '$runs'" >&2
    exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
iterations=50000

binary="${PERF_MEMORY:-}"
if [[ -z "$binary" ]]; then
    (cd "$root/perf" && swift build -c release --product perf-memory >/dev/null) || {
        echo "memory-detection: swift build -c release --product perf-memory failed in perf/" >&2
        exit 2
    }
    binary="$(cd "$root/perf" && swift build -c release --show-bin-path)/perf-memory"
fi
if [[ ! -x "$binary" ]]; then
    echo "memory-detection: $binary is not an executable" >&2
    exit 2
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# flagged_count SPEC [KIND]: how many of the runs exit 1 (leak); exits 2 on any other status.
flagged_count() {
    local spec="$1" kind="${2:-}" flagged=0 status run
    for ((run = 1; run <= runs; run++)); do
        local arguments=(--spec "$spec" --iterations "$iterations" --seed "$run" --snapshot-dir "$scratch/snapshots")
        [[ -n "$kind" ]] && arguments+=(--inject-leak "$kind")
        PERF_PROFILE=quick timeout 120 "$binary" "${arguments[@]}" >"$scratch/out" 2>&1
        status=$?
        case "$status" in
            0) ;;
            1) flagged=$((flagged + 1)) ;;
            *)
                echo "memory-detection: $binary ${arguments[*]} exited $status:" >&2
                tail -5 "$scratch/out" >&2
                exit 2
                ;;
        esac
    done
    echo "$flagged"
}

echo "perf-memory detection: $runs runs per case, $iterations iterations each, one process per run"
started=$SECONDS
failed=0
for spec in sessionCache poolChurn sawtooth; do
    flagged="$(flagged_count "$spec")" || exit 2
    verdict="ok"
    [[ "$flagged" -eq 0 ]] || { verdict="FAIL (bar: 0/$runs)"; failed=1; }
    printf '  %-40s flagged %2d/%d  %s\n' "$spec" "$flagged" "$runs" "$verdict"
done
for kind in 64-bytes retain-cycle; do
    caught="$(flagged_count sessionCache "$kind")" || exit 2
    verdict="ok"
    [[ "$caught" -eq "$runs" ]] || { verdict="FAIL (bar: $runs/$runs)"; failed=1; }
    printf '  %-40s caught  %2d/%d  %s\n' "sessionCache --inject-leak $kind" "$caught" "$runs" "$verdict"
done
echo "environment: $(head -1 "$scratch/out")"
echo "done in $((SECONDS - started)) s"
exit "$failed"
