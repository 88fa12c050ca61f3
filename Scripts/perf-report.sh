#!/usr/bin/env bash
# `make perf-report`: the regression check over perf/results (flagged results re-run first, see
# Scripts/perf-confirm.sh), then the Markdown, HTML and github-action-benchmark reports. Extra perf-check flags come as arguments (PERF_CHECK_FLAGS).
# Exit status is perf-check's: 0 no failing regression, 1 regressions with STRICT_PERF=1 or --strict, 2 bad input.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

Scripts/perf-tools.sh perf-check || exit 2
# Regressions must reproduce in fresh processes (Scripts/perf-confirm.sh; PERF_CONFIRM=0 turns it off).
confirm=()
Scripts/perf-confirm.sh "$@" && [[ -d perf/results/confirm ]] && confirm=(--confirm perf/results/confirm)
perf/.build/release/perf-check --markdown perf/results/report.md --html perf/results/report.html \
    --github-benchmark perf/results/github-benchmark "${confirm[@]}" "$@"
status=$?
if [[ -f perf/results/report.html ]]; then
    echo "Report: perf/results/report.html (Markdown: perf/results/report.md)"
fi
exit $status
