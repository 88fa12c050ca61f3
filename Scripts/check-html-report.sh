#!/usr/bin/env bash
# Checks the regression gate's HTML report in a real browser: renders it with headless Chromium to a PNG
# and asserts that what a reader needs is there (summary, one table per suite, the baseline-vs-current,
# latency-percentile, requests/s and heap charts) and that the page loads nothing from the network.
#
# Usage: Scripts/check-html-report.sh [REPORT.html [SUITES]]
#   Without arguments: builds perf-check, runs it on perf/regression/fixtures/report/ (micro,
#   macro-http-login, memory) and checks that page. With REPORT.html: checks that page; SUITES is the
#   number of suite sections expected (default: as many as the page's summary lists).
# Output: perf/results/html-report-check/report.png (the screenshot) and dom.html (the DOM Chromium built).
# Installs Debian's `chromium` with apt-get when no Chromium is found.
# Exit status: 0 every check passed, 1 a check failed, 2 setup failed (no browser, build failed).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="perf/results/html-report-check"
mkdir -p "$out"

find_browser() {
    local name
    for name in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    done
    return 1
}

# The emoji font only makes the screenshot readable (✅ ⚠️ ❌); the checks do not depend on it.
missing=()
browser="$(find_browser)" || missing+=(chromium)
if command -v dpkg >/dev/null 2>&1 && ! dpkg -s fonts-noto-color-emoji >/dev/null 2>&1; then
    missing+=(fonts-noto-color-emoji)
fi
if [[ ${#missing[@]} -gt 0 ]]; then
    if command -v apt-get >/dev/null 2>&1; then
        echo "check-html-report: installing ${missing[*]} with apt-get" >&2
        sudo_cmd=()
        if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
        "${sudo_cmd[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    browser="$(find_browser)" || {
        echo "check-html-report: no Chromium on PATH and apt-get could not install Debian's chromium" >&2
        exit 2
    }
fi

if [[ $# -ge 1 ]]; then
    report="$1"
    expected_suites="${2:-}"
else
    fixture="perf/regression/fixtures/report"
    report="$out/report.html"
    (cd Packages/Regression && swift build --product perf-check >/dev/null) || {
        echo "check-html-report: building perf-check failed" >&2
        exit 2
    }
    bin="$(cd Packages/Regression && swift build --show-bin-path)/perf-check"
    # Not --strict: the fixture holds regressions on purpose; exit 0 means the report was written.
    "$bin" --results "$fixture/results" --baselines "$fixture/baselines" --html "$report" >"$out/perf-check.txt"
    expected_suites=3
fi
[[ -f "$report" ]] || { echo "check-html-report: $report does not exist" >&2; exit 2; }

url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run
    --disable-extensions --disable-background-networking --host-resolver-rules="MAP * ~NOTFOUND")
timeout 120 "$browser" "${flags[@]}" --dump-dom "$url" >"$out/dom.html" 2>"$out/chromium-dom.log" || {
    echo "check-html-report: Chromium failed to load the page (see $out/chromium-dom.log)" >&2
    exit 2
}
timeout 120 "$browser" "${flags[@]}" --window-size=1200,6000 --screenshot="$out/report.png" "$url" \
    >"$out/chromium-png.log" 2>&1 || {
    echo "check-html-report: Chromium failed to take the screenshot (see $out/chromium-png.log)" >&2
    exit 2
}

status=0
python3 - "$report" "$out/dom.html" "$out/report.png" "$expected_suites" <<'PY' || status=$?
import re
import struct
import sys
import zlib
from html.parser import HTMLParser

source_path, dom_path, png_path, expected_suites = sys.argv[1:5]
failures = []


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        failures.append(message)


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


source = open(source_path, encoding="utf-8").read()
dom = open(dom_path, encoding="utf-8").read()
parser = Elements()
parser.feed(dom)
elements = parser.elements


def having(tag, cls=None, **attributes):
    found = []
    for name, attrs in elements:
        if name != tag:
            continue
        if cls and cls not in (attrs.get("class") or "").split():
            continue
        if all(attrs.get(key) == value for key, value in attributes.items()):
            found.append(attrs)
    return found


# Self-contained: nothing is fetched. Links are in-page anchors; the SVG namespace is not a fetch.
loads = re.findall(r'(?:src|href)\s*=\s*"(?!#)([^"]*)"', source) + re.findall(r"url\(", source)
check(not loads, f"the page loads nothing (src/href/url(): {loads[:3]})")
check("<script" not in source, "the page has no script")

check(len(having("p", id="verdict")) == 1, "the verdict line is there")
check(len(having("table", id="summary")) == 1, "the summary table is there")
sections = having("section", "suite")
tables = having("table", "comparisons")
expected = int(expected_suites) if expected_suites else len(sections)
check(len(sections) == expected and expected > 0, f"{expected} suite sections (found {len(sections)})")
check(len(tables) == len(sections), f"one comparison table per suite (found {len(tables)})")
for kind in ["baseline-vs-current", "latency-curve", "rps-series", "heap-series"]:
    figures = having("figure", kind)
    check(len(figures) >= 1, f"at least one '{kind}' chart (found {len(figures)})")
check(len(having("svg")) == len(having("figure", "chart")), "every chart figure holds an inline svg")
check(len(having("tr", "v-regression")) >= 1, "regression rows are marked")
check(len(having("polyline")) >= 3, "line charts have lines")
check(len(having("rect", "bar-current")) >= 1, "bar charts have bars")


def png_pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    offset, chunks, header = 8, [], None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        offset += 12 + length
    width, height, depth, colour = header[:4]
    assert depth == 8 and colour in (2, 6), f"unsupported PNG (depth {depth}, colour {colour})"
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous, position = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


width, height, channels, rows = png_pixels(png_path)
check(width == 1200 and height == 6000, f"screenshot is 1200x6000 (found {width}x{height})")
inked = red = blue = 0
for row in rows[::4]:
    for i in range(0, len(row), channels * 4):
        r, g, b = row[i], row[i + 1], row[i + 2]
        if r < 235 or g < 235 or b < 235:
            inked += 1
        if r > 170 and g < 80 and b < 80:
            red += 1
        if b > 150 and r < 60 and g < 140:
            blue += 1
check(inked > 2000, f"the page rendered (non-white pixels sampled: {inked})")
check(red > 20, f"red regression bars or limit ticks are visible (sampled: {red})")
check(blue > 20, f"blue current bars and lines are visible (sampled: {blue})")

if failures:
    print(f"check-html-report: {len(failures)} check(s) failed")
    sys.exit(1)
print("check-html-report: all checks passed")
PY
echo "screenshot: $out/report.png"
exit $status
