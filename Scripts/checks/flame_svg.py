"""Checks a flame graph SVG as Chromium rendered it (Scripts/check-flame-svg.sh runs it).

Steps around the browser:
  python3 -m checks.flame_svg synthetic                 prints folded stacks with long Swift names (seeded)
  python3 -m checks.flame_svg size FLAME.svg            prints the SVG's width and height (1200 800 when unknown)
  python3 -m checks.flame_svg harness FLAME.svg OUT.html
      writes the page that embeds the SVG inline and measures it (flame_harness.html); its verdict lands in
      <pre id="checks">
  python3 -m checks.flame_svg check FLAME.svg SVG-DOM HARNESS-DOM FLAME.png CHECKS.json
      prints one `ok`/`FAIL` line per check and writes the page's measurements to CHECKS.json.
Exit 0 every check passed, 1 a check failed, 2 bad usage.
"""

import html
import json
import pathlib
import random
import re
import sys
import xml.etree.ElementTree as ElementTree

from checks.checker import Checker
from checks.png_pixels import png_pixels

NAMESPACE = "{http://www.w3.org/2000/svg}"
HARNESS = pathlib.Path(__file__).resolve().parent / "flame_harness.html"
SYNTHETIC_NAMES = [
    "EventLoop.run()", "EventLoop.dispatch(_:)", "EventLoop.onReadable(_:)", "EventLoop.process(_:_:)",
    "closure #1 in DemoServer.startLoops(_:)", "specialized static SaltedHash.digest(password:salt:rounds:)",
    "UserTable.authenticate(user:password:)", "SessionCache.insert(_:user:)", "JSONReader.readString(appendingTo:)",
    "__libc_send", "tcp_sendmsg_[k]", "tcp_write_xmit_[k]", "swift_retain", "swift_release",
    "_NativeDictionary.setValue(_:forKey:isUnique:)_[i]", "[libc.so.6]"]


def synthetic_folded(seed=7, stacks=400):
    """Folded stacks of a made-up demo service, the same for the same seed."""
    generator = random.Random(seed)
    lines = []
    for _ in range(stacks):
        depth = generator.randint(3, 14)
        frames = ["demo-service", "start_thread"] + [generator.choice(SYNTHETIC_NAMES) for _ in range(depth)]
        lines.append(";".join(frames) + f" {generator.randint(1, 60)}")
    return "\n".join(lines) + "\n"


def svg_size(head):
    """(width, height) of the root <svg> in the first bytes of the file, as text; 1200 x 800 when not found."""
    size = re.search(r'<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"', head)
    return size.groups() if size else ("1200", "800")


def harness_page(svg):
    """The measuring page with `svg` inline (its XML declaration dropped: it is not allowed inside HTML)."""
    if svg.startswith("<?xml"):
        svg = svg[svg.index("?>") + 2:]
    return HARNESS.read_text(encoding="utf-8").rstrip("\n").replace("@SVG@", svg, 1)


def check_source(source, check):
    """The file itself: well-formed, the root and frames the script needs, tooltips, nothing fetched."""
    try:
        document = ElementTree.fromstring(source.encode("utf-8"))
        well_formed = True
    except ElementTree.ParseError as error:
        well_formed, document = False, None
        print(f"      {error}", file=check.out)
    check(well_formed, "the SVG is well-formed XML")
    if document is not None:
        check(document.tag == NAMESPACE + "svg" and document.get("id") == "flamegraph",
              "the root is <svg id=\"flamegraph\">")
        frames = document.findall(f".//{NAMESPACE}g[@class='f']")
        check(len(frames) > 0, f"it holds frames ({len(frames)})")
        check(all(frame.find(NAMESPACE + "title") is not None for frame in frames),
              "every frame has a tooltip (<title>)")
        check(len(document.findall(f".//{NAMESPACE}script")) == 1, "one inline script (zoom, search, details)")
    loads = (re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', source) + re.findall(r"url\(", source)
             + re.findall(r"@import", source))
    urls = [url for url in re.findall(r"https?://[^\s\"'<>]+", source) if url != "http://www.w3.org/2000/svg"]
    check(not loads and not urls, f"nothing is loaded from the network ({(loads + urls)[:3]})")


def check_svg_dom(svg_dom, check):
    """Chromium opened the file on its own as an SVG."""
    check("parsererror" not in svg_dom and "This page contains the following errors" not in svg_dom,
          "Chromium opens the file as an SVG without errors")
    check('id="flamegraph"' in svg_dom, "Chromium built the flame graph's DOM")


def measurements(harness_dom):
    """The JSON the harness page left in <pre id="checks">; {} when it left nothing."""
    found = re.search(r'<pre id="checks">(.*?)</pre>', harness_dom, re.S)
    return json.loads(html.unescape(found.group(1))) if found and found.group(1).strip() else {}


def check_measurements(result, check):
    """Labels fit, are legible and contrast; wide frames are labelled; zoom, reset and search work."""
    ran = result.get("error", "no result") if "error" in result or not result else "ok"
    check("error" not in result and result, f"the page's measurements ran ({ran})")
    initial = result.get("initial", {})
    check(initial.get("labelled", 0) > 0,
          f"frames are labelled ({initial.get('labelled', 0)} of {initial.get('shown', 0)} shown)")
    check(not initial.get("overflowing"),
          f"every label fits inside its frame (overflowing: {initial.get('overflowing', [])[:3]})")
    check(initial.get("minFontPx", 0) >= 10, f"labels are at least 10 px (smallest: {initial.get('minFontPx')})")
    check(not initial.get("lowContrast"), f"label contrast ≥ 4.5:1 (lowest: {initial.get('minContrast', 0):.2f})")
    check(not initial.get("unlabelledWide"),
          f"frames ≥ 60 px wide all carry a label (unlabelled: {initial.get('unlabelledWide', [])[:3]})")
    check(initial.get("withoutTooltip", 1) == 0, "every shown frame has tooltip text")
    if result.get("zoomTarget") is not None:
        usable = result.get("usable", 0)
        check(abs(result.get("zoomedWidth", 0) - usable) < 0.6,
              f"a click zooms '{result['zoomTarget']}' to the full width ({result.get('zoomedWidth')} of {usable} px)")
        check(result.get("zoomHid", 0) > 0 and result.get("unzoomVisible"),
              "zooming hides unrelated frames and shows Reset Zoom")
        zoomed = result.get("zoomed", {})
        check(not zoomed.get("overflowing") and zoomed.get("labelled", 0) > 0,
              f"zoomed labels are redrawn to fit ({zoomed.get('labelled', 0)} labelled)")
        check(result.get("resetHidden", 1) == 0 and result.get("resetWidth", usable) < usable,
              "Reset Zoom brings every frame back at its width")
    check(result.get("searchHighlighted", 0) > 0 and 0 < result.get("searchShare", 0) <= 100,
          f"search highlights matches ({result.get('searchHighlighted')} frames, {result.get('matchedText')})")
    check(result.get("clearedHighlighted", 1) == 0, "clearing the search restores the colours")


def drawn_pixels(image):
    """(drawn, dark, sampled) over every other row and column: pixels that differ from the background
    (248,248,248), so colours and the white frames of a differential graph count, and near-black ones."""
    width, height, channels, rows = image
    drawn = dark = 0
    for row in rows[::2]:
        for i in range(0, len(row), channels * 2):
            r, g, b = row[i], row[i + 1], row[i + 2]
            if max(abs(r - 248), abs(g - 248), abs(b - 248)) >= 5:
                drawn += 1
            if r < 70 and g < 70 and b < 70:
                dark += 1
    return drawn, dark, (height // 2 + 1) * (width // 2 + 1)


def check_png(image, check):
    """The screenshot shows frames (over 5 % of it) and dark label text."""
    drawn, dark, sampled = drawn_pixels(image)
    check(drawn > sampled * 0.05, f"the PNG shows the frames ({drawn} of {sampled} sampled pixels drawn)")
    check(dark > 200, f"the PNG shows dark label text ({dark} sampled pixels)")


def check_flame(svg_path, svg_dom_path, harness_path, png_path, checks_path):
    """Every check of one rendered flame graph; writes the measurements to `checks_path`; returns the failures."""
    check = Checker()
    check_source(read(svg_path), check)
    check_svg_dom(read(svg_dom_path, errors="replace"), check)
    result = measurements(read(harness_path, errors="replace"))
    with open(checks_path, "w") as file:
        json.dump(result, file, indent=2)
    check_measurements(result, check)
    check_png(png_pixels(png_path), check)
    return check.failures


def read(path, errors=None):
    with open(path, encoding="utf-8", errors=errors) as file:
        return file.read()


def main(arguments=None):
    arguments = sys.argv[1:] if arguments is None else arguments
    command = arguments[0] if arguments else ""
    if command == "synthetic" and len(arguments) == 1:
        sys.stdout.write(synthetic_folded())
        return 0
    if command == "size" and len(arguments) == 2:
        with open(arguments[1], encoding="utf-8") as file:
            print(*svg_size(file.read(4096)))
        return 0
    if command == "harness" and len(arguments) == 3:
        with open(arguments[2], "w", encoding="utf-8") as file:
            file.write(harness_page(read(arguments[1])))
        return 0
    if command == "check" and len(arguments) == 6:
        failures = check_flame(*arguments[1:])
        if failures:
            print(f"check-flame-svg: {len(failures)} check(s) failed")
            return 1
        print("check-flame-svg: all checks passed")
        return 0
    print("usage: python3 -m checks.flame_svg synthetic | size SVG | harness SVG OUT.html\n"
          "       python3 -m checks.flame_svg check SVG SVG-DOM HARNESS-DOM PNG CHECKS.json", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
