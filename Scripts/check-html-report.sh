#!/usr/bin/env bash
# Checks the regression gate's HTML report in a real browser: renders it with headless Chromium to PNGs and
# asserts that what a reader needs is there and that the page loads nothing from the network.
#
# Usage: Scripts/check-html-report.sh [REPORT.html [SUITES]]
#   With REPORT.html: checks that page against its own data. The summary table says how many suites, and
#   its count cells (each with data-verdict="<verdict>") how many rows of each verdict each table must mark
#   (rows class="v-<verdict>"); each table row (metric, gated or not, number of samples, baseline and
#   current figures) says which charts must exist: baseline vs current for gated metrics compared on both
#   sides, current values for gated new metrics (not all 0), a latency curve for a result with two latency
#   percentiles, requests/s and heap over time for metrics with samples. Every chart must hold its bars or
#   lines, and its colours must show on screen. SUITES, when given, is the number of suite sections expected.
#   Without arguments: builds perf-check and checks two pages made from perf/regression/fixtures/report/
#   (micro, macro-http-login, memory) as strictly as that data allows: the comparison with the fixture's
#   baselines (every chart kind, regression rows, red bars), and a first run without baselines (every
#   result new: current-value bars, latency curve, requests/s and heap charts, nothing red).
# Output in perf/results/html-report-check/ (first-run/ for the second page): report.png (the page as opened),
# charts.png (its charts on their own, so that charts below the first 6000 px are seen too), dom.html (the
# DOM Chromium built). Installs Debian's `chromium` with apt-get when no Chromium is found. The checks are
# Scripts/checks/html_report.py (parsing the page, the pixels, the verdicts; tested by test_html_report.py).
# Exit status: 0 every check passed, 1 a check failed, 2 setup failed (no browser, build failed).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=lib/chromium.sh
source Scripts/lib/chromium.sh
out="perf/results/html-report-check"
mkdir -p "$out"

# The report draws its verdict marks as SVG icons and holds no emoji, so Chromium's own fonts are enough.
chromium_setup check-html-report

# check_page REPORT DIRECTORY MODE [SUITES]: renders REPORT into DIRECTORY and checks it; MODE is `given`
# (the page's own data decides), `fixture` or `first-run` (the data decides, plus what those pages must show).
check_page() {
    local report="$1" dir="$2" mode="$3" suites="${4:-}"
    [[ -f $report ]] || { echo "check-html-report: $report does not exist" >&2; exit 2; }
    mkdir -p "$dir"
    local charts_height
    # The charts page: the report's stylesheet and one chart of each kind (and one with a regression).
    charts_height="$(chromium_check html_report charts-page "$report" "$dir/charts.html")"
    local url
    url="$(chromium_url "$report")"
    chromium_run check-html-report "$dir/chromium-dom" --dump-dom "$url"
    mv "$dir/chromium-dom.out" "$dir/dom.html"
    chromium_run check-html-report "$dir/chromium-png" --window-size=1200,6000 --screenshot="$dir/report.png" "$url"
    chromium_run check-html-report "$dir/chromium-charts" --window-size="1200,$charts_height" \
        --screenshot="$dir/charts.png" "$(chromium_url "$dir/charts.html")"

    echo "check-html-report: checking $report ($mode)"
    chromium_check html_report check "$report" "$dir" "$mode" ${suites:+"$suites"}
}

status=0
if [[ $# -ge 1 ]]; then
    check_page "$1" "$out" given "${2:-}" || status=$?
else
    fixture="perf/regression/fixtures/report"
    (cd Packages/Regression && swift build --product perf-check >/dev/null) || {
        echo "check-html-report: building perf-check failed" >&2
        exit 2
    }
    bin="$(cd Packages/Regression && swift build --show-bin-path)/perf-check"
    # Not --strict: the fixture holds regressions on purpose; exit 0 means the report was written.
    "$bin" --results "$fixture/results" --baselines "$fixture/baselines" --html "$out/report.html" \
        >"$out/perf-check.txt"
    check_page "$out/report.html" "$out" fixture 3 || status=$?
    echo
    mkdir -p "$out/first-run/no-baselines"
    "$bin" --results "$fixture/results" --baselines "$out/first-run/no-baselines" \
        --html "$out/first-run/report.html" >"$out/first-run/perf-check.txt"
    check_page "$out/first-run/report.html" "$out/first-run" first-run 3 || status=$?
fi
echo "screenshots: $out/report.png, $out/charts.png"
exit $status
