#!/usr/bin/env bash
# `make perf-verify`: every meter of the toolkit against an independent reference on this machine, in one command.
# Builds what it compares in release (perf's perf-verify, perf-micro and alloc-count-check; LoadGen's loadgen and
# loadgen-target), installs the reference tools it needs as root with apt-get (valgrind, binutils, nginx, wrk), runs
# perf-verify and writes perf/results/verify.json (suite "verify") beside the table it prints.
#
# Usage: Scripts/perf-verify.sh [perf-verify flags...]      e.g. --check heap --check wrk   (--list names them)
# The Makefile passes PERF_VERIFY_FLAGS as these arguments.
#
# Rows whose tool is missing and cannot be installed (not root, no apt-get) are skipped with a note; a row that ran
# and missed its bar fails. Load goes to 127.0.0.1 only (nginx on 18099, loadgen-target on 18098), and everything
# it starts stops by itself: loadgen stops its target, perf-verify stops nginx.
# Environment: NO_BUILD=1 (use what is built), RESULTS (the report's path, perf/results/verify.json).
# Exit status: 0 every row that ran passed; 1 a row failed; 2 bad usage or setup (a build failed).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/output.sh
source "$root/Scripts/lib/output.sh"
tool_name="perf-verify"

# install_if_missing COMMAND PACKAGE: installs Debian's PACKAGE as root when COMMAND is missing; otherwise leaves
# it missing, and perf-verify skips the rows that need it, saying so.
install_if_missing() {
    local command="$1" package="$2"
    command -v "$command" >/dev/null 2>&1 && return 0
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        note "$command is missing and this is not root with apt-get: its rows are skipped (install $package)"
        return 0
    fi
    note "installing Debian's $package with apt-get"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package"; } >/dev/null 2>&1; then
        note "apt-get install $package failed: its rows are skipped"
    fi
}

verify_main() {
    local argument
    for argument in "$@"; do
        case "$argument" in
            -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        esac
    done
    cd "$root"
    export PATH="$PATH:/usr/sbin:/sbin"
    install_if_missing valgrind valgrind
    install_if_missing objcopy binutils
    install_if_missing nginx nginx-light
    install_if_missing wrk wrk
    if [[ -z ${NO_BUILD:-} ]]; then
        local log product
        log="$(mktemp)"
        for product in perf-verify perf-micro alloc-count-check; do
            say "==> swift build -c release --product $product (in perf/)"
            (cd perf && swift build -c release --product "$product") >"$log" 2>&1 ||
                { tail -20 "$log" >&2; die "building $product in perf/ failed (see above)"; }
        done
        say "==> swift build -c release --static-swift-stdlib (in Packages/LoadGen)"
        (cd Packages/LoadGen && swift build -c release --static-swift-stdlib) >"$log" 2>&1 ||
            { tail -20 "$log" >&2; die "building LoadGen failed (see above)"; }
        rm -f "$log"
    fi
    mkdir -p perf/results
    local results="${RESULTS:-perf/results/verify.json}"
    say "==> perf-verify --json $results $*"
    perf/.build/release/perf-verify --json "$results" --loadgen-dir Packages/LoadGen/.build/release "$@"
}

verify_main "$@"
