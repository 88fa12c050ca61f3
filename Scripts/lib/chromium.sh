# shellcheck shell=bash
# Headless Chromium for the checks that look at a page in a real browser (check-html-report.sh,
# check-flame-svg.sh). Source it from bash; it defines:
#
#   chromium_setup NAME [PACKAGE...]  finds Chromium, installing Debian's `chromium` and the optional PACKAGEs
#                                     (fonts) with apt-get when missing (as root, or through `sudo -n`); sets
#                                     CHROMIUM. NAME prefixes messages. Exits 2 when there is no browser.
#   chromium_run NAME LOG ARGS...     runs Chromium with CHROMIUM_FLAGS and ARGS (at most 120 s), its stdout
#                                     to LOG.out and stderr to LOG.err; exits 2 when it fails.
#   chromium_url PATH                 prints the file:// URL of an existing PATH.
#   chromium_check MODULE ARGS...     runs the page check Scripts/checks/MODULE.py (its main) with ARGS: parsing
#                                     the page, the screenshots' pixels and the verdicts are Python, tested apart.
#
# CHROMIUM_FLAGS: headless, no sandbox (containers run as root), no GPU, and every host name resolving to
# nothing, so a page cannot fetch from the network even if it tried. Append to it for more.

CHROMIUM_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHROMIUM=""
CHROMIUM_FLAGS=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run
    --disable-extensions --disable-background-networking --host-resolver-rules="MAP * ~NOTFOUND")

chromium_find() {
    local name
    for name in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    done
    return 1
}

chromium_setup() {
    local name="$1"
    shift
    local missing=() package
    CHROMIUM="$(chromium_find)" || missing+=(chromium)
    if command -v dpkg >/dev/null 2>&1; then
        for package in "$@"; do
            dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
        done
    fi
    [[ ${#missing[@]} -eq 0 ]] && return 0

    local as_root=()
    if [[ $(id -u) -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(none); fi
    fi
    if [[ ${as_root[0]:-} != none ]] && command -v apt-get >/dev/null 2>&1; then
        echo "$name: installing ${missing[*]} with apt-get" >&2
        "${as_root[@]}" apt-get update -qq >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || true
    elif [[ -n $CHROMIUM ]]; then
        # Only optional packages (fonts) are missing: the checks work without them.
        echo "$name: ${missing[*]} missing (optional; install with: sudo apt-get install -y ${missing[*]})" >&2
        return 0
    fi
    CHROMIUM="$(chromium_find)" || {
        echo "$name: no Chromium found; install it with: sudo apt-get install -y ${missing[*]}" >&2
        exit 2
    }
}

chromium_run() {
    local name="$1" log="$2"
    shift 2
    timeout 120 "$CHROMIUM" "${CHROMIUM_FLAGS[@]}" "$@" >"$log.out" 2>"$log.err" || {
        echo "$name: Chromium failed (see $log.err)" >&2
        exit 2
    }
}

chromium_url() {
    echo "file://$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
}

chromium_check() {
    local module="$1"
    shift
    PYTHONPATH="$CHROMIUM_SCRIPTS" PYTHONDONTWRITEBYTECODE=1 python3 -m "checks.$module" "$@"
}
