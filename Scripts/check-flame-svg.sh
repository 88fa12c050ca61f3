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
# finding, installing and running Chromium is Scripts/lib/chromium.sh, shared with check-html-report.sh. The
# checks are Scripts/checks/flame_svg.py and the page flame_harness.html (tested by test_flame_svg.py).
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
    svg=""
    for candidate in perf/results/profiles/flame-*.svg; do
        if [[ -f $candidate && (-z $svg || $candidate -nt $svg) ]]; then svg="$candidate"; fi
    done
    if [[ -z $svg ]]; then
        echo "check-flame-svg: no perf/results/profiles/flame-*.svg yet: drawing one from synthetic stacks" >&2
        (cd perf && swift build -c release -Xswiftc -g --scratch-path .build-profile --product flamegraph \
            >/dev/null 2>&1) || { echo "check-flame-svg: building flamegraph failed" >&2; exit 2; }
        chromium_check flame_svg synthetic >"$out/synthetic.folded"
        svg="$out/synthetic.svg"
        perf/.build-profile/release/flamegraph render "$out/synthetic.folded" -o "$svg" \
            --title "synthetic flame graph" --subtitle "check-flame-svg.sh" >/dev/null
    fi
fi
[[ -f $svg ]] || { echo "check-flame-svg: $svg does not exist" >&2; exit 2; }
echo "check-flame-svg: checking $svg"

read -r width height < <(chromium_check flame_svg size "$svg")
shot_height=$((height > 8000 ? 8000 : height))

# The page that embeds the SVG inline and measures it; its verdict lands in <pre id="checks">.
chromium_check flame_svg harness "$svg" "$out/harness.html"

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
chromium_check flame_svg check "$svg" "$out/svg-dom.xml" "$out/harness-dom.html" "$out/flame.png" \
    "$out/checks.json" || status=$?
echo "screenshots: $out/flame.png (as opened), $out/interactive.png (zoomed, search active)"
exit $status
