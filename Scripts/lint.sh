#!/usr/bin/env bash
# `make lint` / `make format`: swift format over every tracked Swift file, with the root .swift-format; `lint` also
# checks that every `import Glibc` is conditional (macOS builds), and runs shellcheck over every tracked *.sh
# (with the root .shellcheckrc) and flake8 over every tracked *.py (with the root .flake8).
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

# Every `import Glibc` must sit directly under `#if canImport(Glibc)` or `#if os(Linux)`, so that the package
# still builds on macOS (README.md, "Platforms"). Prints file:line and the block to write instead.
glibc_imports() {
    local files findings
    mapfile -t files < <(tracked '*.swift')
    [[ ${#files[@]} -gt 0 ]] || return 0
    findings=$(awk '
        FNR == 1 { previous = "" }
        /^[[:space:]]*((public|internal|package|private|fileprivate|@preconcurrency)[[:space:]]+)*import[[:space:]]+Glibc([[:space:]]|$)/ {
            if (previous !~ /^[[:space:]]*#(if|elseif)[[:space:]]+(canImport\(Glibc\)|os\(Linux\))[[:space:]]*$/) {
                printf "%s:%d: unconditional import Glibc\n", FILENAME, FNR
            }
        }
        { previous = $0 }
    ' "${files[@]}")
    if [[ -n $findings ]]; then
        echo "$findings" >&2
        echo "lint: put each import Glibc directly under #if canImport(Glibc), with the Darwin branch beside it:" >&2
        printf '    #if canImport(Glibc)\n    import Glibc\n    #elseif canImport(Darwin)\n    import Darwin\n    #endif\n' >&2
        echo "(keep the access modifier the file used, e.g. public import); see README.md, \"Platforms\"" >&2
        return 1
    fi
    echo "lint: every import Glibc of the ${#files[@]} Swift files is conditional"
}

case "$mode" in
    lint)
        status=0
        glibc_imports || status=1
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
