#!/usr/bin/env bash
# Re-runs every result the regression check flags, in fresh processes, into perf/results/confirm/, so that
# `perf-check --confirm perf/results/confirm` keeps only the regressions that reproduce. On a shared machine a
# benchmark process can land in a burst of foreign load: its samples agree with each other, the U test is
# confident, and the process is still just slow. A real regression reproduces; the machine's bursts do not.
#
# Usage: Scripts/perf-confirm.sh [perf-check flags]   (called by `make perf-check` and `make perf-report`)
# Environment: PERF_CONFIRM=N re-runs per flagged result (default 2; 0 turns confirmation off), PERF_PROFILE
# (the re-runs use it, as the suites did).
# Re-runs: suite `micro` (perf-micro --filter), `pools` (perf-pools --filter), `macro-<scenario>` (loadgen
# --scenario perf/macro/<scenario>.json); regressions of other suites stand as they are (their figures are
# counts, instruction counts or long soaks). Each re-run is bounded like the suite's own run.
# Exit status: 0, also when nothing was flagged or re-run; 2 when perf-check cannot list (the check that
# follows reports why).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

confirm_dir=perf/results/confirm
runs=${PERF_CONFIRM:-2}
if ! [[ $runs =~ ^[0-9]+$ ]]; then
    echo "perf-confirm: PERF_CONFIRM=$runs is not a number of re-runs; use e.g. PERF_CONFIRM=2 (0 turns it off)" >&2
    exit 2
fi
rm -rf "$confirm_dir"
((runs == 0)) && exit 0

perf_check=perf/.build/release/perf-check
listing=$("$perf_check" --list-regressions "$@" 2>/dev/null) || exit 2
[[ -z $listing ]] && exit 0

# The flagged results of each suite, as the task names the suites' --filter matches (parameters dropped).
declare -A names=()
while IFS=$'\t' read -r suite result; do
    [[ -n $suite ]] || continue
    names[$suite]+="${result%%\[*}"$'\n'
done <<<"$listing"

mkdir -p "$confirm_dir"
# Re-runs tell a burst from a regression only when the machine is otherwise quiet: under sustained load (a build
# beside the check) every re-run is slow too and confirms anything. Say so when the load says so.
read -r load _ </proc/loadavg 2>/dev/null || load=0
cores=$(nproc 2>/dev/null || echo 1)
if awk -v load="$load" -v cores="$cores" 'BEGIN { exit !(load > cores) }'; then
    echo "perf-confirm: WARNING: load average $load on $cores cores: the re-runs share a busy machine, so a" \
        "regression they reproduce may be that load; re-check on a quiet machine"
fi
for suite in $(printf '%s\n' "${!names[@]}" | sort); do
    mapfile -t tasks < <(printf '%s' "${names[$suite]}" | sort -u)
    filters=()
    for task in "${tasks[@]}"; do filters+=(--filter "$task"); done
    case $suite in
        micro) command=(perf/.build/release/perf-micro "${filters[@]}") ;;
        pools) command=(perf/.build/release/perf-pools "${filters[@]}") ;;
        macro-knee) command=() ;;
        macro-*)
            scenario=perf/macro/${suite#macro-}.json
            [[ -f $scenario ]] || { echo "perf-confirm: $suite: no $scenario to re-run; its regressions stand"; continue; }
            command=(perf/.build/release/loadgen --no-progress --scenario "$scenario")
            ;;
        *) command=() ;;
    esac
    if ((${#command[@]} == 0)); then
        echo "perf-confirm: $suite is not re-run (only micro, pools and the macro scenarios are); its regressions" \
            "stand (to judge timing, compare base and head in one job: make perf-ab BASE=<rev>)"
        continue
    fi
    if [[ ! -x ${command[0]} ]]; then
        echo "perf-confirm: ${command[0]} is not built (run make perf-${suite%%-*}); the regressions of $suite stand"
        continue
    fi
    for ((run = 1; run <= runs; run++)); do
        output=$confirm_dir/$suite-$run.json
        echo "perf-confirm: re-run $run of $runs for $suite: ${tasks[*]}"
        if ! PATH="$PWD/perf/.build/release:$PATH" "${command[@]}" --json "$output" >"$confirm_dir/$suite-$run.log" 2>&1 \
            && [[ ! -f $output ]]; then
            echo "perf-confirm: the re-run wrote no results (see $confirm_dir/$suite-$run.log); the regressions of $suite stand"
            break
        fi
    done
done
exit 0
