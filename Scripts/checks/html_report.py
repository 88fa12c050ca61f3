"""Checks the regression gate's HTML report as Chromium rendered it (Scripts/check-html-report.sh runs it).

Two steps around the browser:
  python3 -m checks.html_report charts-page REPORT.html CHARTS.html
      writes a page with the report's stylesheet and one chart of each kind; prints its screenshot height.
  python3 -m checks.html_report check REPORT.html DIRECTORY MODE [SUITES]
      reads DIRECTORY/dom.html, report.png, charts.html and charts.png and prints one `ok`/`FAIL` line per
      check. MODE is `given` (the page's own data decides), `fixture` or `first-run` (the data decides, plus
      what those pages must show). Exit 0 every check passed, 1 a check failed, 2 bad usage.
"""

import re
import sys
from html.parser import HTMLParser

from checks.checker import Checker
from checks.png_pixels import png_pixels

LATENCY_KEYS = {"latencyP50Ms", "latencyP75Ms", "latencyP90Ms", "latencyP95Ms", "latencyP99Ms", "latencyP99_9Ms",
                "latencyP99_99Ms", "latencyMaxMs"}
COMPARED_VERDICTS = {"v-regression", "v-warning", "v-unchanged", "v-improved", "v-insignificant"}


def charts_page(source):
    """The report's stylesheet and one chart of each kind (and one with a regression), with the height in px a
    screenshot needs to show them all (200 to 6000)."""
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
    return page, max(200, min(6000, int(height)))


class Page(HTMLParser):
    """The parts of the report the checks read: the summary, and per suite section its table rows and its
    figures with what each one draws. A summary row keeps its cells' texts and, by the `data-verdict` of its
    count cells, its counts: {"regression": "2", "unchanged": "3", ...}."""

    def __init__(self):
        super().__init__()
        self.elements, self.summary, self.sections = [], [], []
        self.figure = self.row = self.cell = self.cell_verdict = None
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
            self.row = {"classes": classes, "attrs": attrs, "cells": [], "counts": {}}
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
            self.cell_verdict = attrs.get("data-verdict")
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
            text = "".join(self.cell).strip()
            self.row["cells"].append(text)
            if self.cell_verdict is not None:
                self.row["counts"][self.cell_verdict] = text
            self.cell = self.cell_verdict = None
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


def parse_page(dom):
    """The parsed DOM of the page."""
    page = Page()
    page.feed(dom)
    return page


def kind(figure):
    """A figure's chart kind: its classes without `chart`, e.g. `baseline-vs-current current-only`."""
    return " ".join(c for c in figure["classes"] if c != "chart")


def verdict(row):
    """A table row's verdict class (`v-regression`, `v-new`, ...)."""
    return next(c for c in row["classes"] if c.startswith("v-"))


def number_cell(text):
    """True for a baseline cell that holds a positive figure."""
    return text not in ("", "0") and not text.startswith("-")


def check_self_contained(source, check):
    """Nothing is fetched: links are in-page anchors; the SVG namespace is not a fetch. No script."""
    loads = re.findall(r'(?:src|href)\s*=\s*"(?!#)([^"]*)"', source) + re.findall(r"url\(", source)
    check(not loads, f"the page loads nothing (src/href/url(): {loads[:3]})")
    check("<script" not in source, "the page has no script")


def summary_rows(page):
    """The summary table's suite rows (not its header)."""
    return [row for row in page.summary if row["cells"] and row["cells"][0] and row["cells"][0] != "suite"]


def check_layout(page, expected_suites, check):
    """The verdict line, the summary, one section per suite with one table, an inline svg in every chart."""
    figures = [figure for section in page.sections for figure in section["figures"]]
    check(sum(1 for tag, attrs in page.elements if tag == "p" and attrs.get("id") == "verdict") == 1,
          "the verdict line is there")
    summary = summary_rows(page)
    check(len(summary) >= 1, f"the summary table lists the suites ({len(summary)})")
    expected = int(expected_suites) if expected_suites else len(summary)
    check(len(page.sections) == expected and expected > 0, f"{expected} suite sections (found {len(page.sections)})")
    check(all(section["tables"] == 1 for section in page.sections), "one comparison table per suite")
    check(all(figure["svg"] == 1 for figure in figures),
          f"every chart figure holds an inline svg ({len(figures)} charts)")


def describe_counts(counts):
    """`regression 2, warning 0, ...` in the order given."""
    return ", ".join(f"{name} {count}" for name, count in counts.items())


def check_section(section, counts, check):
    """A suite's table marks as many rows of each verdict as the summary counts, and each chart its data calls
    for exists and draws something. `counts` are the summary's count cells for the suite by their
    `data-verdict` (`{"regression": "2", ...}`): each table row's `v-<verdict>` class must be one of them."""
    suite, rows = section["suite"], section["rows"]
    check(bool(counts), f"{suite}: the summary's count cells carry data-verdict")
    marked = {name: sum(1 for row in rows if verdict(row) == f"v-{name}") for name in counts}
    expected = {name: int(count) if count.isdigit() else count for name, count in counts.items()}
    check(marked == expected,
          f"{suite}: the table marks the summary's rows {describe_counts(counts)} (marked "
          f"{describe_counts(marked)})")
    uncounted = sorted({verdict(row) for row in rows} - {f"v-{name}" for name in counts})
    missing = f" (none for {', '.join(uncounted)})" if uncounted else ""
    check(not uncounted, f"{suite}: every verdict the table marks has a count in the summary{missing}")
    kinds = [kind(figure) for figure in section["figures"]]
    # cells: result, metric, unit, baseline, current, change, p, verdict
    compared = [row for row in rows if verdict(row) in COMPARED_VERDICTS and row["attrs"].get("data-gate") == "true"
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
        percentiles = sum(1 for row in current_rows
                          if row["cells"][0] == result and row["attrs"].get("data-metric") in LATENCY_KEYS)
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


def check_sections(page, check):
    """Every suite section against its summary row."""
    counts_by_suite = {row["cells"][0]: row["counts"] for row in summary_rows(page)}
    for section in page.sections:
        counts = counts_by_suite.get(section["suite"])
        if counts is None:
            check(False, f"{section['suite']}: listed in the summary")
            continue
        check_section(section, counts, check)


def check_mode(page, mode, check):
    """What the fixture page (every chart kind, regressions) and the first-run page (all new) must show."""
    figures = [figure for section in page.sections for figure in section["figures"]]

    def count(kind_name):
        return sum(1 for figure in figures if kind(figure) == kind_name)

    if mode == "fixture":
        for kind_name in ["baseline-vs-current", "baseline-vs-current current-only", "latency-curve", "rps-series",
                          "heap-series"]:
            check(count(kind_name) >= 1, f"fixture: at least one '{kind_name}' chart (found {count(kind_name)})")
        regressions = sum(1 for section in page.sections for row in section["rows"] if verdict(row) == "v-regression")
        check(regressions >= 1, f"fixture: regression rows are marked ({regressions})")
        check(sum(figure["lines"] for figure in figures) >= 3, "fixture: line charts have lines")
    if mode == "first-run":
        for kind_name in ["baseline-vs-current current-only", "latency-curve", "rps-series", "heap-series"]:
            check(count(kind_name) >= 1, f"first run: at least one '{kind_name}' chart (found {count(kind_name)})")
        check(count("baseline-vs-current") == 0, "first run: nothing is charted against a baseline")
        rows = [row for section in page.sections for row in section["rows"]]
        check(rows and all(verdict(row) == "v-new" for row in rows), f"first run: every row is new ({len(rows)} rows)")
        check(all(row["cells"][4] != "" for row in rows), "first run: every new row shows its current figure")


def colours(rows, channels, step):
    """(inked, red, blue): sampled pixels (every `step`th row and column) that are not near-white, that are the
    regression red, and that are the current-value blue."""
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
    return inked, red, blue


def check_screenshot(image, mode, check):
    """The page screenshot: 1200x6000, rendered, and on the fixture page red and blue show. `image` is what
    png_pixels returns."""
    width, height, channels, rows = image
    inked, red, blue = colours(rows, channels, 4)
    check(width == 1200 and height == 6000, f"screenshot is 1200x6000 (found {width}x{height})")
    check(inked > 2000, f"the page rendered (non-white pixels sampled: {inked})")
    if mode == "fixture":
        check(red > 20, f"fixture: red regression bars or limit ticks are visible on the page (sampled: {red})")
        check(blue > 20, f"fixture: blue current bars and lines are visible on the page (sampled: {blue})")


def check_charts(chart_source, image, mode, check):
    """The charts on their own: the colours their data calls for show on screen."""
    _, _, channels, rows = image
    chart_inked, chart_red, chart_blue = colours(rows, channels, 2)
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


def check_report(source_path, directory, mode, expected_suites):
    """Every check of one rendered report; returns the failed checks' messages."""
    check = Checker()
    source = read(source_path)
    page = parse_page(read(f"{directory}/dom.html"))
    check_self_contained(source, check)
    check_layout(page, expected_suites, check)
    check_sections(page, check)
    check_mode(page, mode, check)
    check_screenshot(png_pixels(f"{directory}/report.png"), mode, check)
    check_charts(read(f"{directory}/charts.html"), png_pixels(f"{directory}/charts.png"), mode, check)
    return check.failures


def read(path):
    with open(path, encoding="utf-8") as file:
        return file.read()


def main(arguments=None):
    arguments = sys.argv[1:] if arguments is None else arguments
    if len(arguments) == 3 and arguments[0] == "charts-page":
        page, height = charts_page(read(arguments[1]))
        with open(arguments[2], "w", encoding="utf-8") as file:
            file.write(page)
        print(height)
        return 0
    if len(arguments) in (4, 5) and arguments[0] == "check" and arguments[3] in ("given", "fixture", "first-run"):
        failures = check_report(arguments[1], arguments[2], arguments[3], arguments[4] if len(arguments) == 5 else "")
        if failures:
            print(f"check-html-report: {len(failures)} check(s) failed")
            return 1
        print("check-html-report: all checks passed")
        return 0
    print("usage: python3 -m checks.html_report charts-page REPORT CHARTS.html\n"
          "       python3 -m checks.html_report check REPORT DIRECTORY given|fixture|first-run [SUITES]",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
