#!/usr/bin/env bash
# Checks the regression gate's HTML report in a real browser: renders it with headless Chromium to PNGs and
# asserts that what a reader needs is there and that the page loads nothing from the network.
#
# Usage: Scripts/check-html-report.sh [REPORT.html [SUITES]]
#   With REPORT.html: checks that page against its own data. The summary table says how many suites, and
#   how many ❌ / ⚠️ / ✅ / ~ / new / gone rows each table must mark; each table row (metric, gated or not,
#   number of samples, baseline and current figures) says which charts must exist: baseline vs current
#   for gated metrics compared on both sides, current values for gated new metrics (not all 0), a latency
#   curve for a result with two latency percentiles, requests/s and heap over time for metrics with
#   samples. Every chart must hold its bars or lines, and its colours must show on screen. SUITES, when
#   given, is the number of suite sections expected.
#   Without arguments: builds perf-check and checks two pages made from perf/regression/fixtures/report/
#   (micro, macro-http-login, memory) as strictly as that data allows: the comparison with the fixture's
#   baselines (every chart kind, regression rows, red bars), and a first run without baselines (every
#   result new: current-value bars, latency curve, requests/s and heap charts, nothing red).
# Output in perf/results/html-report-check/ (first-run/ for the second page): report.png (the page as opened),
# charts.png (its charts on their own, so that charts below the first 6000 px are seen too), dom.html (the
# DOM Chromium built). Installs Debian's `chromium` with apt-get when no Chromium is found.
# Exit status: 0 every check passed, 1 a check failed, 2 setup failed (no browser, build failed).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=lib/chromium.sh
source Scripts/lib/chromium.sh
out="perf/results/html-report-check"
mkdir -p "$out"

# The emoji font only makes the screenshot readable (✅ ⚠️ ❌); the checks do not depend on it.
chromium_setup check-html-report fonts-noto-color-emoji

# check_page REPORT DIRECTORY MODE [SUITES]: renders REPORT into DIRECTORY and checks it; MODE is `given`
# (the page's own data decides), `fixture` or `first-run` (the data decides, plus what those pages must show).
check_page() {
    local report="$1" dir="$2" mode="$3" suites="${4:-}"
    [[ -f $report ]] || { echo "check-html-report: $report does not exist" >&2; exit 2; }
    mkdir -p "$dir"
    local charts_height
    # The charts page: the report's stylesheet and one chart of each kind (and one with a regression).
    charts_height="$(python3 - "$report" "$dir/charts.html" <<'PY'
import re
import sys

source = open(sys.argv[1], encoding="utf-8").read()
style = re.search(r"<style>.*?</style>", source, re.S)
figures = re.findall(r"<figure\b.*?</figure>", source, re.S)
chosen, kinds = [], set()
for figure in figures:
    classes = re.match(r'<figure class="([^"]*)"', figure).group(1).split()
    kind = " ".join(c for c in classes if c != "chart")
    if kind not in kinds:
        kinds.add(kind)
        chosen.append(figure)
for figure in figures:
    if "bar-current v-regression" in figure and not any("bar-current v-regression" in c for c in chosen):
        chosen.append(figure)
height = 16
for figure in chosen:
    box = re.search(r'viewBox="0 0 [\d.]+ ([\d.]+)"', figure)
    height += (float(box.group(1)) if box else 300) + 60
page = ('<!DOCTYPE html><html><head><meta charset="utf-8">' + (style.group(0) if style else "")
        + "</head><body>" + "\n".join(chosen) + "</body></html>")
open(sys.argv[2], "w", encoding="utf-8").write(page)
print(max(200, min(6000, int(height))))
PY
)"
    local url
    url="$(chromium_url "$report")"
    chromium_run check-html-report "$dir/chromium-dom" --dump-dom "$url"
    mv "$dir/chromium-dom.out" "$dir/dom.html"
    chromium_run check-html-report "$dir/chromium-png" --window-size=1200,6000 --screenshot="$dir/report.png" "$url"
    chromium_run check-html-report "$dir/chromium-charts" --window-size="1200,$charts_height" \
        --screenshot="$dir/charts.png" "$(chromium_url "$dir/charts.html")"

    echo "check-html-report: checking $report ($mode)"
    PYTHONPATH="$CHROMIUM_LIB" PYTHONDONTWRITEBYTECODE=1 python3 - "$report" "$dir" "$mode" "$suites" <<'PY'
import re
import sys
from html.parser import HTMLParser

from png_pixels import png_pixels

source_path, directory, mode, expected_suites = sys.argv[1:5]
failures = []


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        failures.append(message)


class Page(HTMLParser):
    """The parts of the report the checks read: the summary, and per suite section its table rows and its
    figures with what each one draws."""

    def __init__(self):
        super().__init__()
        self.elements, self.summary, self.sections = [], [], []
        self.figure = self.row = self.cell = None
        self.in_summary = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        self.elements.append((tag, attrs))
        if tag == "table" and attrs.get("id") == "summary":
            self.in_summary = True
        elif tag == "section" and "suite" in classes:
            self.sections.append({"suite": attrs.get("data-suite"), "rows": [], "figures": [], "tables": 0})
        elif tag == "table" and "comparisons" in classes and self.sections:
            self.sections[-1]["tables"] += 1
        elif tag == "tr" and (self.in_summary or self.sections):
            self.row = {"classes": classes, "attrs": attrs, "cells": []}
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag == "figure" and self.sections:
            self.figure = {"classes": classes, "attrs": attrs, "svg": 0, "bars": [], "lines": 0, "dots": 0}
            self.sections[-1]["figures"].append(self.figure)
        elif self.figure is not None:
            if tag == "svg":
                self.figure["svg"] += 1
            elif tag == "rect" and "bar-current" in classes:
                self.figure["bars"].append(classes)
            elif tag == "polyline" and "series-current" in classes:
                self.figure["lines"] += 1
            elif tag == "circle" and "dot-current" in classes:
                self.figure["dots"] += 1

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row["cells"].append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if self.in_summary:
                self.summary.append(self.row)
            elif self.sections and any(c.startswith("v-") for c in self.row["classes"]):
                self.sections[-1]["rows"].append(self.row)
            self.row = None
        elif tag == "table":
            self.in_summary = False
        elif tag == "figure":
            self.figure = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


source = open(source_path, encoding="utf-8").read()
page = Page()
page.feed(open(f"{directory}/dom.html", encoding="utf-8").read())
sections = page.sections
figures = [figure for section in sections for figure in section["figures"]]


def kind(figure):
    return " ".join(c for c in figure["classes"] if c != "chart")


def count(kind_name):
    return sum(1 for figure in figures if kind(figure) == kind_name)


# Self-contained: nothing is fetched. Links are in-page anchors; the SVG namespace is not a fetch.
loads = re.findall(r'(?:src|href)\s*=\s*"(?!#)([^"]*)"', source) + re.findall(r"url\(", source)
check(not loads, f"the page loads nothing (src/href/url(): {loads[:3]})")
check("<script" not in source, "the page has no script")
check(sum(1 for tag, attrs in page.elements if tag == "p" and attrs.get("id") == "verdict") == 1,
      "the verdict line is there")
summary = [row for row in page.summary if row["cells"] and row["cells"][0] and row["cells"][0] != "suite"]
check(len(summary) >= 1, f"the summary table lists the suites ({len(summary)})")
expected = int(expected_suites) if expected_suites else len(summary)
check(len(sections) == expected and expected > 0, f"{expected} suite sections (found {len(sections)})")
check(all(section["tables"] == 1 for section in sections), "one comparison table per suite")
check(all(figure["svg"] == 1 for figure in figures), f"every chart figure holds an inline svg ({len(figures)} charts)")

# Each suite: its table marks as many rows as the summary counts, and each chart its data calls for exists.
counts_by_suite = {row["cells"][0]: row["cells"][1:8] for row in summary}
verdict_columns = [("❌", ["v-regression"]), ("⚠️", ["v-warning"]), ("✅", ["v-unchanged", "v-improved"]),
                   ("~", ["v-insignificant"]), ("·", ["v-reported"]), ("new", ["v-new"]), ("gone", ["v-gone"])]
latency_keys = {"latencyP50Ms", "latencyP75Ms", "latencyP90Ms", "latencyP95Ms", "latencyP99Ms", "latencyP99_9Ms",
                "latencyP99_99Ms", "latencyMaxMs"}
compared_verdicts = {"v-regression", "v-warning", "v-unchanged", "v-improved", "v-insignificant"}


def verdict(row):
    return next(c for c in row["classes"] if c.startswith("v-"))


def number_cell(text):
    return text not in ("", "0") and not text.startswith("-")


for section in sections:
    suite, rows = section["suite"], section["rows"]
    counts = counts_by_suite.get(suite)
    if counts is None:
        check(False, f"{suite}: listed in the summary")
        continue
    marked = [sum(1 for row in rows if verdict(row) in classes) for _, classes in verdict_columns]
    check(marked == [int(n) for n in counts],
          f"{suite}: the table marks the summary's rows ❌ ⚠️ ✅ ~ · new gone = {' '.join(counts)} (marked "
          f"{' '.join(map(str, marked))})")
    kinds = [kind(figure) for figure in section["figures"]]
    # cells: result, metric, unit, baseline, current, change, p, verdict
    compared = [row for row in rows if verdict(row) in compared_verdicts and row["attrs"].get("data-gate") == "true"
                and number_cell(row["cells"][3]) and row["cells"][4] != "" and not row["cells"][4].startswith("-")]
    check(("baseline-vs-current" in kinds) == bool(compared),
          f"{suite}: a baseline-vs-current chart exactly when gated metrics are compared ({len(compared)})")
    new = [row for row in rows if verdict(row) == "v-new" and row["attrs"].get("data-gate") == "true"
           and row["cells"][4] not in ("", "0")]
    check(("baseline-vs-current current-only" in kinds) == bool(new),
          f"{suite}: a current-values chart exactly when gated new metrics have a non-zero value ({len(new)})")
    current_rows = [row for row in rows if verdict(row) != "v-gone" and row["cells"][4] != ""]
    results = sorted({row["cells"][0] for row in current_rows})
    curves = {figure["attrs"].get("data-result") for figure in section["figures"] if kind(figure) == "latency-curve"}
    for result in results:
        percentiles = sum(1 for row in current_rows if row["cells"][0] == result and row["attrs"].get("data-metric") in latency_keys)
        if percentiles >= 2:
            check(result in curves, f"{suite}: a latency-curve chart for {result} ({percentiles} percentiles)")
    for key, series_kind in [("requestsPerSec", "rps-series"), ("heapBytes", "heap-series")]:
        drawn = {figure["attrs"].get("data-result") for figure in section["figures"] if kind(figure) == series_kind}
        for row in current_rows:
            if row["attrs"].get("data-metric") == key and int(row["attrs"].get("data-samples", "0")) >= 2:
                check(row["cells"][0] in drawn, f"{suite}: a {series_kind} chart for {row['cells'][0]}")
    for figure in section["figures"]:
        name = f"{kind(figure)} {figure['attrs'].get('data-result') or figure['attrs'].get('data-metric') or ''}"
        if "baseline-vs-current" in figure["classes"]:
            check(len(figure["bars"]) >= 1, f"{suite}: the {name.strip()} chart has bars ({len(figure['bars'])})")
        else:
            check(figure["lines"] >= 1 or figure["dots"] >= 2, f"{suite}: the {name.strip()} chart has a line")

if mode == "fixture":
    for kind_name in ["baseline-vs-current", "baseline-vs-current current-only", "latency-curve", "rps-series",
                      "heap-series"]:
        check(count(kind_name) >= 1, f"fixture: at least one '{kind_name}' chart (found {count(kind_name)})")
    regressions = sum(1 for section in sections for row in section["rows"] if verdict(row) == "v-regression")
    check(regressions >= 1, f"fixture: regression rows are marked ({regressions})")
    check(sum(figure["lines"] for figure in figures) >= 3, "fixture: line charts have lines")
if mode == "first-run":
    for kind_name in ["baseline-vs-current current-only", "latency-curve", "rps-series", "heap-series"]:
        check(count(kind_name) >= 1, f"first run: at least one '{kind_name}' chart (found {count(kind_name)})")
    check(count("baseline-vs-current") == 0, "first run: nothing is charted against a baseline")
    rows = [row for section in sections for row in section["rows"]]
    check(rows and all(verdict(row) == "v-new" for row in rows), f"first run: every row is new ({len(rows)} rows)")
    check(all(row["cells"][4] != "" for row in rows), "first run: every new row shows its current figure")


def colours(path, step):
    width, height, channels, rows = png_pixels(path)
    inked = red = blue = 0
    for row in rows[::step]:
        for i in range(0, len(row), channels * step):
            r, g, b = row[i], row[i + 1], row[i + 2]
            if r < 235 or g < 235 or b < 235:
                inked += 1
            if r > 170 and g < 80 and b < 80:
                red += 1
            if b > 150 and r < 60 and g < 140:
                blue += 1
    return width, height, inked, red, blue


width, height, inked, red, blue = colours(f"{directory}/report.png", 4)
check(width == 1200 and height == 6000, f"screenshot is 1200x6000 (found {width}x{height})")
check(inked > 2000, f"the page rendered (non-white pixels sampled: {inked})")
if mode == "fixture":
    check(red > 20, f"fixture: red regression bars or limit ticks are visible on the page (sampled: {red})")
    check(blue > 20, f"fixture: blue current bars and lines are visible on the page (sampled: {blue})")

# The charts on their own: the colours their data calls for show on screen.
chart_source = open(f"{directory}/charts.html", encoding="utf-8").read()
_, _, chart_inked, chart_red, chart_blue = colours(f"{directory}/charts.png", 2)
if "<figure" in chart_source:
    check(chart_inked > 500, f"the charts rendered (non-white pixels sampled: {chart_inked})")
if "bar-current v-regression" in chart_source:
    check(chart_red > 20, f"red regression bars are visible (sampled: {chart_red})")
if re.search(r"bar-current v-(new|unchanged)|series-current|dot-current", chart_source):
    check(chart_blue > 20, f"blue current bars and lines are visible (sampled: {chart_blue})")
if mode in ("fixture", "first-run"):
    check(chart_blue > 20, f"{mode}: blue current bars and lines are visible in the charts (sampled: {chart_blue})")
if mode == "first-run":
    check(chart_red == 0, f"first run: nothing red in the charts (sampled: {chart_red})")

if failures:
    print(f"check-html-report: {len(failures)} check(s) failed")
    sys.exit(1)
print("check-html-report: all checks passed")
PY
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
