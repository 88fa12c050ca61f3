#!/usr/bin/env bash
# `make lint` / `make format`: swift format over every tracked Swift file, with the root .swift-format.
# Usage: Scripts/lint.sh [lint|format]
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-lint}"

# Tracked files plus new ones not yet added (ignored build folders excluded), so lint runs before a commit.
mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.swift')
if [[ ${#files[@]} -eq 0 ]]; then
    echo "lint: no tracked Swift files"
    exit 0
fi
if ! swift format --version >/dev/null 2>&1; then
    echo "lint: 'swift format' is missing; it ships with Swift 6 toolchains (https://swift.org/install)" >&2
    exit 2
fi

case "$mode" in
    lint)
        swift format lint --strict --parallel --configuration .swift-format "${files[@]}"
        echo "lint: ${#files[@]} Swift files clean"
        ;;
    format)
        swift format format --in-place --parallel --configuration .swift-format "${files[@]}"
        echo "format: ${#files[@]} Swift files formatted"
        ;;
    *)
        echo "usage: Scripts/lint.sh [lint|format]" >&2
        exit 2
        ;;
esac
