#!/usr/bin/env bash
# Checks a flame graph SVG in a real browser: headless Chromium renders it to a PNG, and a page that embeds it
# measures what a reader needs: every label fits its frame, is at least 10 px, and has 4.5:1 contrast with its
# frame; frames wide enough for a few characters are labelled; every frame has a tooltip; clicking a frame zooms
# into it and "Reset Zoom" undoes it; search highlights the matching frames; nothing is loaded from the network.
#
# Usage: Scripts/check-flame-svg.sh [FLAME.svg]
#   Without an argument: the newest perf/results/profiles/flame-*.svg, or when there is none a graph the
#   flamegraph tool draws from synthetic stacks with long Swift names.
# Output in perf/results/flame-svg-check/: flame.png (the SVG as opened in a browser), interactive.png (zoomed
# into a frame with a search active), checks.json (the measurements).
# Installs Debian's chromium and fonts-dejavu-core with apt-get when they are missing (as root, or with sudo -n);
# finding, installing and running Chromium is Scripts/lib/chromium.sh, shared with check-html-report.sh.
# Exit status: 0 every check passed, 1 a check failed, 2 setup failed (no browser, no file, build failed).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=lib/chromium.sh
source Scripts/lib/chromium.sh
out="perf/results/flame-svg-check"
mkdir -p "$out"

chromium_setup check-flame-svg fonts-dejavu-core

if [[ $# -ge 1 ]]; then
    svg="$1"
else
    svg="$(ls -t perf/results/profiles/flame-*.svg 2>/dev/null | head -1 || true)"
    if [[ -z $svg ]]; then
        echo "check-flame-svg: no perf/results/profiles/flame-*.svg yet: drawing one from synthetic stacks" >&2
        (cd perf && swift build -c release -Xswiftc -g --scratch-path .build-profile --product flamegraph \
            >/dev/null 2>&1) || { echo "check-flame-svg: building flamegraph failed" >&2; exit 2; }
        python3 - >"$out/synthetic.folded" <<'PY'
import random
random.seed(7)
names = ["EventLoop.run()", "EventLoop.dispatch(_:)", "EventLoop.onReadable(_:)", "EventLoop.process(_:_:)",
         "closure #1 in DemoServer.startLoops(_:)", "specialized static SaltedHash.digest(password:salt:rounds:)",
         "UserTable.authenticate(user:password:)", "SessionCache.insert(_:user:)", "JSONReader.readString(appendingTo:)",
         "__libc_send", "tcp_sendmsg_[k]", "tcp_write_xmit_[k]", "swift_retain", "swift_release",
         "_NativeDictionary.setValue(_:forKey:isUnique:)_[i]", "[libc.so.6]"]
for stack in range(400):
    depth = random.randint(3, 14)
    frames = ["demo-service", "start_thread"] + [random.choice(names) for _ in range(depth)]
    print(";".join(frames), random.randint(1, 60))
PY
        svg="$out/synthetic.svg"
        perf/.build-profile/release/flamegraph render "$out/synthetic.folded" -o "$svg" \
            --title "synthetic flame graph" --subtitle "check-flame-svg.sh" >/dev/null
    fi
fi
[[ -f $svg ]] || { echo "check-flame-svg: $svg does not exist" >&2; exit 2; }
echo "check-flame-svg: checking $svg"

read -r width height < <(python3 - "$svg" <<'PY'
import re, sys
head = open(sys.argv[1], encoding="utf-8").read(4096)
size = re.search(r'<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"', head)
print(*(size.groups() if size else ("1200", "800")))
PY
)
shot_height=$((height > 8000 ? 8000 : height))

# The page that embeds the SVG inline and measures it; its verdict lands in <pre id="checks">.
python3 - "$svg" "$out/harness.html" <<'PY'
import sys
svg = open(sys.argv[1], encoding="utf-8").read()
if svg.startswith("<?xml"):
    svg = svg[svg.index("?>") + 2:]
page = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0}</style></head><body>
@SVG@
<pre id="checks"></pre>
<script>
(function () {
  var result = {};
  function luminance(color) {
    var parts = color.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(function (part) {
      var value = Number(part) / 255;
      return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2];
  }
  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  function measure() {
    var frames = Array.prototype.slice.call(document.querySelectorAll("g.f"));
    var shown = frames.filter(function (g) { return g.style.display !== "none"; });
    var m = { frames: frames.length, shown: shown.length, labelled: 0, overflowing: [], small: [], lowContrast: [],
              unlabelledWide: [], withoutTooltip: 0, minContrast: 99, minFontPx: 99 };
    shown.forEach(function (g) {
      var rect = g.querySelector("rect"), text = g.querySelector("text");
      if (!g.querySelector("title") || !g.querySelector("title").textContent) { m.withoutTooltip += 1; }
      var width = Number(rect.getAttribute("width"));
      var label = text.textContent;
      if (!label) {
        if (width >= 60) { m.unlabelledWide.push(g.querySelector("title").textContent.split("\\n")[0]); }
        return;
      }
      m.labelled += 1;
      var length = text.getComputedTextLength();
      if (length > width - 3 + 0.5) { m.overflowing.push(label + " (" + length.toFixed(1) + " px in " + width.toFixed(1) + ")"); }
      var style = getComputedStyle(text);
      var px = parseFloat(style.fontSize);
      m.minFontPx = Math.min(m.minFontPx, px);
      if (px < 10) { m.small.push(label); }
      var ratio = contrast(style.fill, getComputedStyle(rect).fill);
      m.minContrast = Math.min(m.minContrast, ratio);
      if (ratio < 4.5) { m.lowContrast.push(label + " " + ratio.toFixed(2)); }
    });
    return m;
  }
  try {
    var svg = document.getElementById("flamegraph");
    result.initial = measure();
    result.usable = Number(svg.getAttribute("data-usable"));
    var frames = Array.prototype.slice.call(document.querySelectorAll("g.f"));
    // Zoom into the widest frame at depth 2 or deeper that spans at most 60 % of the graph.
    var target = null, total = Number(svg.getAttribute("data-total"));
    frames.forEach(function (g) {
      var w = Number(g.getAttribute("data-w")), d = Number(g.getAttribute("data-d"));
      if (d >= 2 && w <= total * 0.6 && (!target || w > Number(target.getAttribute("data-w")))) { target = g; }
    });
    result.zoomTarget = target ? target.querySelector("title").textContent.split("\\n")[0] : null;
    if (target) {
      target.querySelector("rect").dispatchEvent(new MouseEvent("click", { bubbles: true }));
      result.zoomedWidth = Number(target.querySelector("rect").getAttribute("width"));
      result.zoomHid = frames.filter(function (g) { return g.style.display === "none"; }).length;
      result.unzoomVisible = !document.getElementById("unzoom").classList.contains("hidden");
      result.zoomed = measure();
      document.getElementById("unzoom").dispatchEvent(new MouseEvent("click", { bubbles: true }));
      result.resetWidth = Number(target.querySelector("rect").getAttribute("width"));
      result.resetHidden = frames.filter(function (g) { return g.style.display === "none"; }).length;
    }
    var name = result.zoomTarget || "all";
    var pattern = name.replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&");
    result.searchShare = window.flameGraph.search(pattern);
    result.searchHighlighted = frames.filter(function (g) { return g.querySelector("rect").getAttribute("fill") === "rgb(230,0,230)"; }).length;
    result.matchedText = document.getElementById("matched").textContent;
    window.flameGraph.clearSearch();
    result.clearedHighlighted = frames.filter(function (g) { return g.querySelector("rect").getAttribute("fill") === "rgb(230,0,230)"; }).length;
    if (location.hash === "#interactive" && target) {
      target.querySelector("rect").dispatchEvent(new MouseEvent("click", { bubbles: true }));
      window.flameGraph.search(pattern);
    }
  } catch (error) {
    result.error = String(error && error.stack || error);
  }
  document.getElementById("checks").textContent = JSON.stringify(result);
})();
</script></body></html>"""
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("@SVG@", svg, 1))
PY

CHROMIUM_FLAGS+=(--virtual-time-budget=10000)
svg_url="$(chromium_url "$svg")"
harness_url="$(chromium_url "$out/harness.html")"
chromium_run check-flame-svg "$out/chromium-svg-dom" --dump-dom "$svg_url"
mv "$out/chromium-svg-dom.out" "$out/svg-dom.xml"
chromium_run check-flame-svg "$out/chromium-svg-png" --window-size="$width,$shot_height" --screenshot="$out/flame.png" \
    "$svg_url"
chromium_run check-flame-svg "$out/chromium-harness" --dump-dom "$harness_url"
mv "$out/chromium-harness.out" "$out/harness-dom.html"
chromium_run check-flame-svg "$out/chromium-interactive" --window-size="$width,$shot_height" --screenshot="$out/interactive.png" \
    "$harness_url#interactive"

status=0
PYTHONPATH="$CHROMIUM_LIB" PYTHONDONTWRITEBYTECODE=1 python3 - "$svg" "$out/svg-dom.xml" "$out/harness-dom.html" \
    "$out/flame.png" "$out/checks.json" <<'PY' || status=$?
import html
import json
import re
import sys
import xml.etree.ElementTree as ElementTree

from png_pixels import png_pixels

svg_path, svg_dom_path, harness_path, png_path, checks_path = sys.argv[1:6]
failures = []


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        failures.append(message)


source = open(svg_path, encoding="utf-8").read()
try:
    document = ElementTree.fromstring(source.encode("utf-8"))
    well_formed = True
except ElementTree.ParseError as error:
    well_formed, document = False, None
    print(f"      {error}")
check(well_formed, "the SVG is well-formed XML")
namespace = "{http://www.w3.org/2000/svg}"
if document is not None:
    check(document.tag == namespace + "svg" and document.get("id") == "flamegraph", "the root is <svg id=\"flamegraph\">")
    frames = document.findall(f".//{namespace}g[@class='f']")
    check(len(frames) > 0, f"it holds frames ({len(frames)})")
    check(all(frame.find(namespace + "title") is not None for frame in frames), "every frame has a tooltip (<title>)")
    check(len(document.findall(f".//{namespace}script")) == 1, "one inline script (zoom, search, details)")
loads = re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', source) + re.findall(r"url\(", source) + re.findall(r"@import", source)
urls = [url for url in re.findall(r"https?://[^\s\"'<>]+", source) if url != "http://www.w3.org/2000/svg"]
check(not loads and not urls, f"nothing is loaded from the network ({(loads + urls)[:3]})")

svg_dom = open(svg_dom_path, encoding="utf-8", errors="replace").read()
check("parsererror" not in svg_dom and "This page contains the following errors" not in svg_dom,
      "Chromium opens the file as an SVG without errors")
check('id="flamegraph"' in svg_dom, "Chromium built the flame graph's DOM")

dom = open(harness_path, encoding="utf-8", errors="replace").read()
found = re.search(r'<pre id="checks">(.*?)</pre>', dom, re.S)
result = json.loads(html.unescape(found.group(1))) if found and found.group(1).strip() else {}
json.dump(result, open(checks_path, "w"), indent=2)
check("error" not in result and result, f"the page's measurements ran ({result.get('error', 'no result') if 'error' in result or not result else 'ok'})")
initial = result.get("initial", {})
check(initial.get("labelled", 0) > 0, f"frames are labelled ({initial.get('labelled', 0)} of {initial.get('shown', 0)} shown)")
check(not initial.get("overflowing"), f"every label fits inside its frame (overflowing: {initial.get('overflowing', [])[:3]})")
check(initial.get("minFontPx", 0) >= 10, f"labels are at least 10 px (smallest: {initial.get('minFontPx')})")
check(not initial.get("lowContrast"), f"label contrast ≥ 4.5:1 (lowest: {initial.get('minContrast', 0):.2f})")
check(not initial.get("unlabelledWide"), f"frames ≥ 60 px wide all carry a label (unlabelled: {initial.get('unlabelledWide', [])[:3]})")
check(initial.get("withoutTooltip", 1) == 0, "every shown frame has tooltip text")
if result.get("zoomTarget") is not None:
    usable = result.get("usable", 0)
    check(abs(result.get("zoomedWidth", 0) - usable) < 0.6,
          f"a click zooms '{result['zoomTarget']}' to the full width ({result.get('zoomedWidth')} of {usable} px)")
    check(result.get("zoomHid", 0) > 0 and result.get("unzoomVisible"), "zooming hides unrelated frames and shows Reset Zoom")
    zoomed = result.get("zoomed", {})
    check(not zoomed.get("overflowing") and zoomed.get("labelled", 0) > 0,
          f"zoomed labels are redrawn to fit ({zoomed.get('labelled', 0)} labelled)")
    check(result.get("resetHidden", 1) == 0 and result.get("resetWidth", usable) < usable,
          "Reset Zoom brings every frame back at its width")
check(result.get("searchHighlighted", 0) > 0 and 0 < result.get("searchShare", 0) <= 100,
      f"search highlights matches ({result.get('searchHighlighted')} frames, {result.get('matchedText')})")
check(result.get("clearedHighlighted", 1) == 0, "clearing the search restores the colours")


width, height, channels, rows = png_pixels(png_path)
# Frames are whatever differs from the background (248,248,248): colours, and white frames of a differential graph.
drawn = dark = 0
for row in rows[::2]:
    for i in range(0, len(row), channels * 2):
        r, g, b = row[i], row[i + 1], row[i + 2]
        if max(abs(r - 248), abs(g - 248), abs(b - 248)) >= 5:
            drawn += 1
        if r < 70 and g < 70 and b < 70:
            dark += 1
sampled = (height // 2 + 1) * (width // 2 + 1)
check(drawn > sampled * 0.05, f"the PNG shows the frames ({drawn} of {sampled} sampled pixels drawn)")
check(dark > 200, f"the PNG shows dark label text ({dark} sampled pixels)")

if failures:
    print(f"check-flame-svg: {len(failures)} check(s) failed")
    sys.exit(1)
print("check-flame-svg: all checks passed")
PY
echo "screenshots: $out/flame.png (as opened), $out/interactive.png (zoomed, search active)"
exit $status
