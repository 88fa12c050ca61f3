"""Tests of the HTML report check's logic: the charts page, the page parser, the verdicts and the pixels."""

import io
import os
import tempfile
import unittest
import unittest.mock
from contextlib import redirect_stdout

from checks import html_report
from checks.checker import Checker
from checks.test_png_pixels import encode_png, solid_rows

STYLE = "<style>.bar-current { fill: #1565c0; }</style>"


def figure(kind, result="r", body="", height=100):
    return (f'<figure class="chart {kind}" data-result="{result}"><svg viewBox="0 0 600 {height}">{body}</svg>'
            "</figure>")


BARS = '<rect class="bar-current v-unchanged"/>'
REGRESSION_BARS = '<rect class="bar-current v-regression"/>'
LINE = '<polyline class="series-current"/>'


def row(verdict, metric, baseline, current, result="micro/a", gate="true", samples=None):
    samples_attribute = f' data-samples="{samples}"' if samples is not None else ""
    return (f'<tr class="{verdict}" data-metric="{metric}" data-gate="{gate}"{samples_attribute}><td><code>{result}'
            f"</code></td><td>{metric}</td><td>ns</td><td>{baseline}</td><td>{current}</td><td>+1 %</td>"
            "<td>0.01</td><td>v</td></tr>")


# The summary's count columns in the report's order, each cell marked with its verdict (CheckOutcome+HTMLSummary).
VERDICTS = ["regression", "warning", "improved", "unchanged", "insignificant", "reported", "new", "gone"]


def summary_cells(counts, verdicts=VERDICTS):
    """The count cells of a summary row, `counts` given as `"0 0 0 1 0 0 0 0"` in the order of `verdicts`."""
    return "".join(f'<td class="n" data-verdict="{name}">{n}</td>' for name, n in zip(verdicts, counts.split()))


def report(rows, figures, counts="0 0 0 1 0 0 0 0", suite="micro", script="", cells=None):
    cells = summary_cells(counts) if cells is None else cells
    return (f'<!DOCTYPE html><html><head>{STYLE}</head><body><p id="verdict">ok</p>'
            '<table id="summary"><thead><tr><th>suite</th><th>regressions</th></tr></thead>'
            f'<tbody><tr><td><a href="#suite-0">{suite}</a></td>{cells}<td class="n">+1.0 %</td>'
            '<td class="notes">no baseline</td></tr></tbody></table>'
            f'<section class="suite" data-suite="{suite}"><table class="comparisons"><tbody>{"".join(rows)}'
            f'</tbody></table>{"".join(figures)}</section>{script}</body></html>')


UNCHANGED = report([row("v-unchanged", "nsPerOp", "10", "11")], [figure("baseline-vs-current", body=BARS)])


def run_checks(function, *arguments):
    check = Checker(out=io.StringIO())
    function(*arguments, check)
    return check.failures


class ChartsPageTests(unittest.TestCase):
    def test_one_chart_of_each_kind_is_kept_with_the_stylesheet(self):
        source = report([], [figure("baseline-vs-current", "a", BARS), figure("baseline-vs-current", "b", BARS),
                             figure("latency-curve", "c", LINE)])
        page, _ = html_report.charts_page(source)
        self.assertIn(STYLE, page)
        self.assertEqual(page.count("<figure"), 2)
        self.assertIn('data-result="a"', page)
        self.assertNotIn('data-result="b"', page)

    def test_a_regression_chart_is_added_when_the_first_of_its_kind_has_none(self):
        source = report([], [figure("baseline-vs-current", "a", BARS),
                             figure("baseline-vs-current", "b", REGRESSION_BARS)])
        page, _ = html_report.charts_page(source)
        self.assertIn('data-result="b"', page)

    def test_the_height_adds_each_chart_and_stays_between_200_and_6000(self):
        _, height = html_report.charts_page(report([], [figure("a", height=300), figure("b", height=100)]))
        self.assertEqual(height, 16 + 360 + 160)
        self.assertEqual(html_report.charts_page(report([], []))[1], 200)
        many = [figure(f"kind{n}", height=1000) for n in range(10)]
        self.assertEqual(html_report.charts_page(report([], many))[1], 6000)


class PageTests(unittest.TestCase):
    def test_the_parser_reads_the_summary_the_rows_and_what_each_chart_draws(self):
        page = html_report.parse_page(report(
            [row("v-regression", "nsPerOp", "10", "20")],
            [figure("baseline-vs-current", body=REGRESSION_BARS + BARS), figure("rps-series", body=LINE)],
            counts="1 0 0 0 0 0 0 0"))
        summary = html_report.summary_rows(page)
        self.assertEqual([r["cells"][:2] for r in summary], [["micro", "1"]])
        self.assertEqual(summary[0]["counts"], dict(zip(VERDICTS, "1 0 0 0 0 0 0 0".split())))
        section = page.sections[0]
        self.assertEqual((section["suite"], section["tables"]), ("micro", 1))
        self.assertEqual([html_report.verdict(r) for r in section["rows"]], ["v-regression"])
        self.assertEqual(section["rows"][0]["cells"][3:5], ["10", "20"])
        charts = section["figures"]
        self.assertEqual([html_report.kind(c) for c in charts], ["baseline-vs-current", "rps-series"])
        self.assertEqual((len(charts[0]["bars"]), charts[1]["lines"], charts[0]["svg"]), (2, 1, 1))


class VerdictTests(unittest.TestCase):
    def test_a_self_contained_page_passes(self):
        self.assertEqual(run_checks(html_report.check_self_contained, UNCHANGED), [])

    def test_a_page_that_loads_a_file_or_runs_a_script_fails(self):
        loads = report([], [], script='<img src="https://example.invalid/a.png">')
        self.assertEqual(len(run_checks(html_report.check_self_contained, loads)), 1)
        scripted = report([], [], script="<script>1</script>")
        self.assertEqual(len(run_checks(html_report.check_self_contained, scripted)), 1)

    def test_a_consistent_page_passes_the_layout_and_section_checks(self):
        page = html_report.parse_page(UNCHANGED)
        self.assertEqual(run_checks(html_report.check_layout, page, "1"), [])
        self.assertEqual(run_checks(html_report.check_sections, page), [])

    def test_a_missing_suite_section_fails_the_layout(self):
        failures = run_checks(html_report.check_layout, html_report.parse_page(UNCHANGED), "3")
        self.assertEqual(failures, ["3 suite sections (found 1)"])

    def test_rows_the_summary_does_not_count_fail(self):
        page = html_report.parse_page(report([row("v-unchanged", "nsPerOp", "10", "11")],
                                             [figure("baseline-vs-current", body=BARS)], counts="1 0 0 0 0 0 0 0"))
        failures = run_checks(html_report.check_sections, page)
        self.assertEqual(len(failures), 1)
        self.assertIn("the table marks the summary's rows regression 1, warning 0", failures[0])

    def test_counts_are_matched_by_data_verdict_not_by_column(self):
        reordered = list(reversed(VERDICTS))
        rows = [row("v-improved", "nsPerOp", "10", "5"), row("v-new", "allocsPerOp", "", "1", gate="false")]
        cells = summary_cells("0 1 0 0 0 1 0 0", reordered)  # gone 0, new 1, ..., improved 1, ...
        page = html_report.parse_page(report(rows, [figure("baseline-vs-current", body=BARS)], cells=cells))
        self.assertEqual(run_checks(html_report.check_sections, page), [])

    def test_improved_and_unchanged_rows_are_counted_apart(self):
        page = html_report.parse_page(report([row("v-improved", "nsPerOp", "10", "5")],
                                             [figure("baseline-vs-current", body=BARS)]))
        failures = run_checks(html_report.check_sections, page)
        self.assertEqual(len(failures), 1)
        self.assertIn("improved 0, unchanged 1", failures[0])
        self.assertIn("(marked regression 0, warning 0, improved 1, unchanged 0", failures[0])

    def test_a_summary_without_verdict_cells_fails(self):
        old_layout = "".join(f"<td>{n}</td>" for n in "0 0 1 0 0 0 0".split())
        page = html_report.parse_page(report([row("v-unchanged", "nsPerOp", "10", "11")],
                                             [figure("baseline-vs-current", body=BARS)], cells=old_layout))
        failures = run_checks(html_report.check_sections, page)
        self.assertIn("micro: the summary's count cells carry data-verdict", failures)
        self.assertIn("micro: every verdict the table marks has a count in the summary (none for v-unchanged)",
                      failures)

    def test_a_row_of_a_verdict_the_summary_does_not_count_fails(self):
        cells = summary_cells("0 0 0 1", VERDICTS[:4])
        page = html_report.parse_page(report([row("v-unchanged", "nsPerOp", "10", "11"), row("v-gone", "x", "1", "")],
                                             [figure("baseline-vs-current", body=BARS)], cells=cells))
        self.assertEqual(run_checks(html_report.check_sections, page),
                         ["micro: every verdict the table marks has a count in the summary (none for v-gone)"])

    def test_a_compared_gated_metric_without_its_chart_fails(self):
        page = html_report.parse_page(report([row("v-unchanged", "nsPerOp", "10", "11")], []))
        failures = run_checks(html_report.check_sections, page)
        self.assertEqual(len(failures), 1)
        self.assertIn("a baseline-vs-current chart exactly when", failures[0])

    def test_two_latency_percentiles_call_for_a_latency_curve(self):
        rows = [row("v-new", "latencyP50Ms", "", "1", gate="false"),
                row("v-new", "latencyP99Ms", "", "3", gate="false")]
        page = html_report.parse_page(report(rows, [], counts="0 0 0 0 0 0 2 0"))
        self.assertEqual(run_checks(html_report.check_sections, page),
                         ["micro: a latency-curve chart for micro/a (2 percentiles)"])
        drawn = html_report.parse_page(report(rows, [figure("latency-curve", "micro/a", LINE)],
                                              counts="0 0 0 0 0 0 2 0"))
        self.assertEqual(run_checks(html_report.check_sections, drawn), [])

    def test_a_requests_per_second_series_calls_for_its_chart(self):
        rows = [row("v-new", "requestsPerSec", "", "100", gate="false", samples=5)]
        page = html_report.parse_page(report(rows, [], counts="0 0 0 0 0 0 1 0"))
        self.assertEqual(run_checks(html_report.check_sections, page), ["micro: a rps-series chart for micro/a"])

    def test_a_chart_without_bars_fails(self):
        page = html_report.parse_page(report([row("v-unchanged", "nsPerOp", "10", "11")],
                                             [figure("baseline-vs-current")]))
        self.assertEqual(run_checks(html_report.check_sections, page),
                         ["micro: the baseline-vs-current r chart has bars (0)"])

    def test_the_first_run_page_must_hold_only_new_rows(self):
        charts = [figure("baseline-vs-current current-only", body=BARS), figure("latency-curve", body=LINE),
                  figure("rps-series", body=LINE), figure("heap-series", body=LINE)]
        new = html_report.parse_page(report([row("v-new", "nsPerOp", "", "11")], charts))
        self.assertEqual(run_checks(html_report.check_mode, new, "first-run"), [])
        old = html_report.parse_page(report([row("v-unchanged", "nsPerOp", "10", "11")], charts))
        self.assertEqual(run_checks(html_report.check_mode, old, "first-run"),
                         ["first run: every row is new (1 rows)"])

    def test_the_fixture_page_must_mark_a_regression(self):
        page = html_report.parse_page(UNCHANGED)
        failures = run_checks(html_report.check_mode, page, "fixture")
        self.assertIn("fixture: regression rows are marked (0)", failures)


class PixelTests(unittest.TestCase):
    def test_colours_counts_ink_red_and_blue(self):
        rows = [bytes([255, 255, 255, 200, 20, 20, 20, 60, 200, 100, 100, 100])] * 2
        self.assertEqual(html_report.colours(rows, 3, 1), (6, 2, 2))
        self.assertEqual(html_report.colours(rows, 3, 2), (1, 0, 1))

    def test_magenta_and_cyan_are_neither_red_nor_blue(self):
        rows = [bytes([200, 20, 200, 20, 200, 200])]
        self.assertEqual(html_report.colours(rows, 3, 1), (2, 0, 0))

    def test_a_screenshot_of_the_wrong_size_fails(self):
        image = (100, 100, 3, solid_rows(100, 100, (0, 0, 0)))
        failures = run_checks(html_report.check_screenshot, image, "given")
        self.assertEqual(failures, ["screenshot is 1200x6000 (found 100x100)",
                                    "the page rendered (non-white pixels sampled: 625)"])

    def test_first_run_charts_must_show_blue_and_no_red(self):
        blue = (10, 10, 3, solid_rows(10, 10, (20, 60, 200)))
        self.assertEqual(run_checks(html_report.check_charts, "<figure", blue, "first-run"),
                         ["the charts rendered (non-white pixels sampled: 25)"])
        red = (40, 40, 3, solid_rows(40, 40, (200, 20, 20)))
        failures = run_checks(html_report.check_charts, "<figure", red, "first-run")
        self.assertIn("first run: nothing red in the charts (sampled: 400)", failures)


class MainTests(unittest.TestCase):
    def test_bad_usage_exits_2(self):
        with redirect_stdout(io.StringIO()), unittest.mock.patch("sys.stderr", io.StringIO()):
            self.assertEqual(html_report.main(["check", "a.html"]), 2)
            self.assertEqual(html_report.main(["check", "a.html", "dir", "sideways"]), 2)

    def test_a_failed_check_exits_1_and_counts_the_failures(self):
        directory = tempfile.mkdtemp()
        self.addCleanup(lambda: [os.remove(os.path.join(directory, n)) for n in os.listdir(directory)])
        source = os.path.join(directory, "report.html")
        for name, text in [("report.html", UNCHANGED), ("dom.html", UNCHANGED)]:
            with open(os.path.join(directory, name), "w", encoding="utf-8") as file:
                file.write(text)
        height = io.StringIO()
        with redirect_stdout(height):
            self.assertEqual(html_report.main(["charts-page", source, os.path.join(directory, "charts.html")]), 0)
        self.assertEqual(height.getvalue(), "200\n")
        png = encode_png(solid_rows(40, 40, (20, 60, 200)), 40)
        for name in ("report.png", "charts.png"):
            with open(os.path.join(directory, name), "wb") as file:
                file.write(png)
        output = io.StringIO()
        with redirect_stdout(output):
            status = html_report.main(["check", source, directory, "given", "1"])
        self.assertEqual(status, 1)
        lines = output.getvalue().splitlines()
        self.assertIn("FAIL  screenshot is 1200x6000 (found 40x40)", lines)
        self.assertEqual(lines[-1], "check-html-report: 3 check(s) failed")


if __name__ == "__main__":
    unittest.main()
