#!/usr/bin/env bash
# `make lint` / `make format`: swift format over every tracked Swift file, with the root .swift-format; `lint` also
# runs shellcheck over every tracked *.sh (with the root .shellcheckrc) and flake8 over every tracked *.py (with
# the root .flake8).
# Usage: Scripts/lint.sh [lint|format]
# Debian's shellcheck is installed with apt-get when missing (as root); flake8 is installed with pip into
# .build-tools/python (which git ignores). When either cannot be installed, lint says so, names what to install
# and skips that check. Exit status: 0 clean, 1 a finding, 2 bad usage or no swift format.
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-lint}"
tools=".build-tools/python"

# Tracked files plus new ones not yet added (ignored build folders excluded), so lint runs before a commit.
tracked() { git ls-files --cached --others --exclude-standard "$@"; }

swift_files() {
    local files
    mapfile -t files < <(tracked '*.swift')
    if [[ ${#files[@]} -eq 0 ]]; then
        echo "lint: no tracked Swift files"
        return 0
    fi
    if ! swift format --version >/dev/null 2>&1; then
        echo "lint: 'swift format' is missing; it ships with Swift 6 toolchains (https://swift.org/install)" >&2
        exit 2
    fi
    if [[ $1 == format ]]; then
        swift format format --in-place --parallel --configuration .swift-format "${files[@]}"
        echo "format: ${#files[@]} Swift files formatted"
    else
        swift format lint --strict --parallel --configuration .swift-format "${files[@]}" || return 1
        echo "lint: ${#files[@]} Swift files clean"
    fi
}

shell_files() {
    local files
    mapfile -t files < <(tracked '*.sh')
    [[ ${#files[@]} -gt 0 ]] || return 0
    if ! command -v shellcheck >/dev/null 2>&1; then
        if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
            echo "lint: installing Debian's shellcheck with apt-get" >&2
            apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null
        fi
        if ! command -v shellcheck >/dev/null 2>&1; then
            echo "lint: shellcheck is missing, so the ${#files[@]} shell scripts were not checked; install Debian's" \
                "package: sudo apt-get install -y shellcheck" >&2
            return 0
        fi
    fi
    shellcheck --external-sources "${files[@]}" || return 1
    echo "lint: ${#files[@]} shell scripts clean (shellcheck)"
}

python_files() {
    local files
    mapfile -t files < <(tracked '*.py')
    [[ ${#files[@]} -gt 0 ]] || return 0
    if ! command -v python3 >/dev/null 2>&1; then
        echo "lint: python3 is missing, so the ${#files[@]} Python files were not checked; install Debian's" \
            "package: sudo apt-get install -y python3" >&2
        return 0
    fi
    export PYTHONPATH="$PWD/$tools${PYTHONPATH:+:$PYTHONPATH}"
    if ! python3 -m flake8 --version >/dev/null 2>&1; then
        echo "lint: installing flake8 into $tools" >&2
        if ! python3 -m pip install --quiet --disable-pip-version-check --target "$tools" flake8 >/dev/null 2>&1; then
            echo "lint: flake8 could not be installed, so the ${#files[@]} Python files were not checked; install it" \
                "with: python3 -m pip install flake8 (Debian: sudo apt-get install -y flake8)" >&2
            return 0
        fi
    fi
    PYTHONDONTWRITEBYTECODE=1 python3 -m flake8 "${files[@]}" || return 1
    echo "lint: ${#files[@]} Python files clean (flake8)"
}

case "$mode" in
    lint)
        status=0
        swift_files lint || status=1
        shell_files || status=1
        python_files || status=1
        exit $status
        ;;
    format) swift_files format ;;
    *)
        echo "usage: Scripts/lint.sh [lint|format]" >&2
        exit 2
        ;;
esac
