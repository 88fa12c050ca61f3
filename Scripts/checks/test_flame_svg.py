"""Tests of the flame graph check's logic: the synthetic stacks, the harness page, the verdicts and the pixels."""

import html
import io
import json
import os
import tempfile
import unittest
import unittest.mock
from contextlib import redirect_stdout

from checks import flame_svg
from checks.checker import Checker
from checks.test_png_pixels import encode_png, solid_rows

SVG = ('<?xml version="1.0" standalone="no"?>\n'
       '<svg xmlns="http://www.w3.org/2000/svg" id="flamegraph" width="1200" height="342" data-total="10">'
       '<g class="f"><title>main 10 samples</title><rect width="1180"/><text>main</text></g>'
       '<g class="f"><title>leaf 4 samples</title><rect width="472"/><text>leaf</text></g>'
       "<script>var x = 1;</script></svg>")

GOOD = {
    "initial": {"frames": 2, "shown": 2, "labelled": 2, "overflowing": [], "small": [], "lowContrast": [],
                "unlabelledWide": [], "withoutTooltip": 0, "minContrast": 7.1, "minFontPx": 12},
    "usable": 1180, "zoomTarget": "leaf", "zoomedWidth": 1180, "zoomHid": 1, "unzoomVisible": True,
    "zoomed": {"labelled": 1, "overflowing": []}, "resetWidth": 472, "resetHidden": 0,
    "searchShare": 40, "searchHighlighted": 1, "matchedText": "Matched: 40%", "clearedHighlighted": 0,
}


def run_checks(function, *arguments):
    check = Checker(out=io.StringIO())
    function(*arguments, check)
    return check.failures


class PreparationTests(unittest.TestCase):
    def test_the_synthetic_stacks_are_the_same_for_the_same_seed(self):
        text = flame_svg.synthetic_folded()
        self.assertEqual(text, flame_svg.synthetic_folded(seed=7))
        self.assertNotEqual(text, flame_svg.synthetic_folded(seed=8))
        lines = text.splitlines()
        self.assertEqual(len(lines), 400)
        for line in lines:
            stack, count = line.rsplit(" ", 1)
            self.assertTrue(stack.startswith("demo-service;start_thread;"))
            self.assertTrue(1 <= int(count) <= 60)
            self.assertTrue(3 <= len(stack.split(";")) - 2 <= 14)

    def test_the_size_is_read_from_the_root_element_or_defaults_to_1200_by_800(self):
        self.assertEqual(flame_svg.svg_size(SVG), ("1200", "342"))
        self.assertEqual(flame_svg.svg_size("<svg viewBox='0 0 1 1'>"), ("1200", "800"))

    def test_the_harness_embeds_the_svg_without_its_xml_declaration(self):
        page = flame_svg.harness_page(SVG)
        self.assertNotIn("<?xml", page)
        self.assertIn('<svg xmlns="http://www.w3.org/2000/svg" id="flamegraph"', page)
        self.assertIn('<pre id="checks"></pre>', page)
        self.assertNotIn("@SVG@", page)
        self.assertIn("window.flameGraph.search(pattern)", page)


class SourceTests(unittest.TestCase):
    def test_a_well_formed_self_contained_graph_passes(self):
        self.assertEqual(run_checks(flame_svg.check_source, SVG), [])

    def test_malformed_xml_fails(self):
        self.assertEqual(run_checks(flame_svg.check_source, SVG.replace("</svg>", "")),
                         ["the SVG is well-formed XML"])

    def test_a_frame_without_a_tooltip_or_a_missing_script_fails(self):
        stripped = SVG.replace("<title>leaf 4 samples</title>", "").replace("<script>var x = 1;</script>", "")
        failures = run_checks(flame_svg.check_source, stripped)
        self.assertEqual(failures, ["every frame has a tooltip (<title>)", "one inline script (zoom, search, details)"])

    def test_anything_fetched_from_the_network_fails(self):
        for extra in ['<image href="a.png"/>', "<style>@import 'x.css';</style>", "<!-- https://example.invalid/ -->"]:
            with self.subTest(extra=extra):
                failures = run_checks(flame_svg.check_source, SVG.replace("</svg>", extra + "</svg>"))
                self.assertEqual(len(failures), 1)
                self.assertTrue(failures[0].startswith("nothing is loaded from the network"))

    def test_a_chromium_parser_error_fails(self):
        self.assertEqual(run_checks(flame_svg.check_svg_dom, '<svg id="flamegraph">'), [])
        self.assertEqual(run_checks(flame_svg.check_svg_dom, "<parsererror>bad</parsererror>"),
                         ["Chromium opens the file as an SVG without errors", "Chromium built the flame graph's DOM"])


class MeasurementTests(unittest.TestCase):
    def test_the_measurements_are_read_from_the_checks_element(self):
        dom = f'<html><body><pre id="checks">{html.escape(json.dumps(GOOD))}</pre></body></html>'
        self.assertEqual(flame_svg.measurements(dom), GOOD)
        self.assertEqual(flame_svg.measurements('<pre id="checks"> </pre>'), {})
        self.assertEqual(flame_svg.measurements("<p>no harness</p>"), {})

    def test_good_measurements_pass(self):
        self.assertEqual(run_checks(flame_svg.check_measurements, GOOD), [])

    def test_no_measurements_fail(self):
        failures = run_checks(flame_svg.check_measurements, {})
        self.assertIn("the page's measurements ran (no result)", failures)

    def test_an_overflowing_small_or_faint_label_fails(self):
        for key, value, message in [("overflowing", ["main (90 px in 40)"], "every label fits"),
                                    ("minFontPx", 9, "labels are at least 10 px"),
                                    ("lowContrast", ["main 2.10"], "label contrast"),
                                    ("unlabelledWide", ["main"], "frames ≥ 60 px wide")]:
            with self.subTest(key=key):
                result = json.loads(json.dumps(GOOD))
                result["initial"][key] = value
                failures = run_checks(flame_svg.check_measurements, result)
                self.assertEqual(len(failures), 1)
                self.assertTrue(failures[0].startswith(message), failures[0])

    def test_a_zoom_short_of_the_full_width_or_a_reset_that_hides_frames_fails(self):
        result = dict(GOOD, zoomedWidth=900, resetHidden=1)
        failures = run_checks(flame_svg.check_measurements, result)
        self.assertEqual(failures, ["a click zooms 'leaf' to the full width (900 of 1180 px)",
                                    "Reset Zoom brings every frame back at its width"])

    def test_a_search_that_highlights_nothing_or_stays_highlighted_fails(self):
        failures = run_checks(flame_svg.check_measurements, dict(GOOD, searchHighlighted=0, clearedHighlighted=2))
        self.assertEqual(len(failures), 2)


class PixelTests(unittest.TestCase):
    def test_a_blank_screenshot_fails_and_drawn_frames_with_text_pass(self):
        blank = (40, 40, 3, solid_rows(40, 40, (248, 248, 248)))
        self.assertEqual(len(run_checks(flame_svg.check_png, blank)), 2)
        rows = [bytes([230, 90, 20]) * 30 + bytes([0, 0, 0]) * 30 for _ in range(60)]
        self.assertEqual(flame_svg.drawn_pixels((60, 60, 3, rows)), (900, 450, 961))
        self.assertEqual(run_checks(flame_svg.check_png, (60, 60, 3, rows)), [])

    def test_a_pixel_that_differs_from_the_background_in_one_channel_is_drawn(self):
        for colour in [(248, 248, 200), (248, 200, 248), (200, 248, 248)]:
            with self.subTest(colour=colour):
                self.assertEqual(flame_svg.drawn_pixels((2, 2, 3, solid_rows(2, 2, colour)))[0], 1)
        self.assertEqual(flame_svg.drawn_pixels((2, 2, 3, solid_rows(2, 2, (250, 246, 251))))[0], 0)


class MainTests(unittest.TestCase):
    def test_bad_usage_exits_2(self):
        with unittest.mock.patch("sys.stderr", io.StringIO()):
            self.assertEqual(flame_svg.main([]), 2)
            self.assertEqual(flame_svg.main(["check", "a.svg"]), 2)

    def test_a_passing_graph_exits_0_and_writes_the_measurements(self):
        directory = tempfile.mkdtemp()
        self.addCleanup(lambda: [os.remove(os.path.join(directory, n)) for n in os.listdir(directory)])
        paths = {name: os.path.join(directory, name) for name in
                 ("flame.svg", "svg-dom.xml", "harness-dom.html", "flame.png", "checks.json")}
        contents = {"flame.svg": SVG, "svg-dom.xml": SVG,
                    "harness-dom.html": f'<pre id="checks">{html.escape(json.dumps(GOOD))}</pre>'}
        for name, text in contents.items():
            with open(paths[name], "w", encoding="utf-8") as file:
                file.write(text)
        rows = [bytes([230, 90, 20]) * 30 + bytes([0, 0, 0]) * 30 for _ in range(60)]
        with open(paths["flame.png"], "wb") as file:
            file.write(encode_png(rows, 60))
        output = io.StringIO()
        with redirect_stdout(output):
            status = flame_svg.main(["check"] + list(paths.values()))
        self.assertEqual(status, 0, output.getvalue())
        self.assertEqual(output.getvalue().splitlines()[-1], "check-flame-svg: all checks passed")
        with open(paths["checks.json"], encoding="utf-8") as file:
            self.assertEqual(json.load(file), GOOD)


if __name__ == "__main__":
    unittest.main()
