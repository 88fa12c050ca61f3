#!/usr/bin/env bash
# `make fuzz [TARGET=name] [SECONDS=n]`: builds the fuzz targets of perf/ with libFuzzer and AddressSanitizer (in
# perf/.build-fuzz, so plain builds stay valid) and runs each for SECONDS (default 60) over a scratch copy of its
# seed corpus (perf/fuzz/corpus/<target>; the committed corpus never grows). A crash or a property failure is
# written to perf/results/fuzz/<target>/ with libFuzzer's log. Prints executions, exec/s and coverage per target.
# Usage: Scripts/fuzz.sh [--seconds N] [TARGET...]   (targets: perf/README.md, "Fuzzing")
# Exit status: 0 when no target failed, 1 when one found a crash or a property failure, 2 bad usage or build.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
tool_name=fuzz
# shellcheck source=Scripts/lib/output.sh
source Scripts/lib/output.sh

all_targets=(http-response scenario http-request json report)
seconds=60
targets=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --seconds)
            [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || die "--seconds takes a whole number of seconds above 0"
            seconds=$2
            shift 2
            ;;
        -h | --help)
            sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            [[ " ${all_targets[*]} " == *" $1 "* ]] || die "unknown target '$1'; use one of: ${all_targets[*]}"
            targets+=("$1")
            shift
            ;;
    esac
done
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")
[[ $(uname -s) == Linux ]] || die "fuzzing needs the Linux toolchain's libFuzzer (-sanitize=fuzzer)"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# The toolchain's lld: gold fails to link Swift code instrumented with -sanitize=fuzzer,address
# ("internal error in format_file_lineno"); a toolset is how SwiftPM passes -use-ld to the link step.
printf '{"schemaVersion": "1.0", "swiftCompiler": {"extraCLIOptions": ["-use-ld=lld"]}}\n' >"$scratch/toolset.json"
build=(swift build -c release --scratch-path .build-fuzz --toolset "$scratch/toolset.json"
    -Xswiftc '-sanitize=fuzzer,address' -Xswiftc -DFUZZING)
for target in "${targets[@]}"; do
    note "building fuzz-$target (libFuzzer + AddressSanitizer, release)"
    (cd perf && "${build[@]}" --product "fuzz-$target" >"$scratch/build.log" 2>&1) || {
        cat "$scratch/build.log" >&2
        die "building fuzz-$target failed"
    }
done
bin="perf/.build-fuzz/release"
# Swift's backtracer reads the crashed process's memory, which AddressSanitizer then reports as a second crash.
export SWIFT_BACKTRACE=enable=no

status=0
rows=()
for target in "${targets[@]}"; do
    results="perf/results/fuzz/$target"
    rm -rf "$results"
    mkdir -p "$results"
    cp -R "perf/fuzz/corpus/$target" "$scratch/corpus-$target"
    log="$results/libfuzzer.log"
    note "fuzz-$target for ${seconds}s (log: $log)"
    "$bin/fuzz-$target" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$results/" "$scratch/corpus-$target" >"$log" 2>&1
    code=$?
    last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1)
    field() { sed -nE "s/.* $1: ([0-9]+).*/\\1/p" <<<"$last"; }
    runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log")
    rate=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log")
    verdict=ok
    if [[ $code -ne 0 ]]; then
        verdict="FAILED (exit $code): $(grep -m1 -E 'property failed|ERROR: |Fatal error' "$log" | cut -c1-160)"
        status=1
    fi
    rows+=("$(printf '%-14s %5ss %12s %9s %6s %7s %7s  %s' "$target" "$seconds" "${runs:-?}" "${rate:-?}" \
        "$(field cov)" "$(field ft)" "$(field corp)" "$verdict")")
done

say "$(printf '%-14s %6s %12s %9s %6s %7s %7s  %s' target time executions exec/s cov ft corpus result)"
printf '%s\n' "${rows[@]}"
[[ $status -eq 0 ]] || note "crash inputs and logs: perf/results/fuzz/<target>/ (replay one: perf/.build/debug/fuzz-<target> FILE)"
exit $status
