#!/usr/bin/env bash
# `make perf-ab BASE=<rev> [SUITES=micro,pools] [FORKS=n]`: the base revision against the working tree, measured
# side by side in this job. perf-check ab builds BASE in its own git worktree (.build-ab/base, reused so builds
# are incremental) and the working tree, runs each selected suite in forks alternating base and head (the order
# rotating fork by fork; forks per side from perf/ab.json: 5 quick, 10 full, 1 for deterministic suites), merges
# each side, writes perf/results/ab/{base,head}/, and compares head against base with perf-check's rules,
# thresholds and reports (perf/results/ab/report.md and report.html; the step summary on GitHub).
# Extra arguments go to perf-check (PERF_CHECK_FLAGS from make).
# Environment: BASE (required), SUITES (comma-separated suites or groups of perf/ab.json; all when empty), FORKS,
# PERF_PROFILE (quick or full), STRICT_PERF=1 (a regression fails with exit 1).
# Exit status: perf-check's: 0 no failing regression, 1 a regression with STRICT_PERF=1, 2 bad usage or input (a
# base that does not exist, does not build or lacks a suite: the message names the revision and the suite).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool_name="perf-ab"
# shellcheck source=lib/output.sh
source "$root/Scripts/lib/output.sh"
# shellcheck source=lib/ensure-command.sh
source "$root/Scripts/lib/ensure-command.sh"
cd "$root"

[[ -n ${BASE:-} ]] || die "BASE is missing: make perf-ab BASE=<branch, tag or commit> [SUITES=micro,pools]"
arguments=(ab --base "$BASE" --markdown perf/results/ab/report.md --html perf/results/ab/report.html)
IFS=, read -r -a suites <<<"${SUITES:-}"
for suite in "${suites[@]}"; do arguments+=(--suite "$suite"); done
[[ -z ${FORKS:-} ]] || arguments+=(--forks "$FORKS")
if [[ -z ${SUITES:-} || ,${SUITES}, == *,instructions,* ]]; then
    ensure_command valgrind valgrind "the instructions suite counts instructions under callgrind"
fi

started="$(now)"
say "==> swift build -c release --product perf-check (in Packages/Regression)"
(cd Packages/Regression && swift build -c release --product perf-check >/dev/null) ||
    die "building perf-check in Packages/Regression failed (see above)"
mkdir -p perf/results/ab
status=0
Packages/Regression/.build/release/perf-check "${arguments[@]}" "$@" || status=$?
say "perf-ab: $(elapsed "$started") s (builds included)"
exit "$status"
