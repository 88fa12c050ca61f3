#!/usr/bin/env bash
# Runs Scripts/check-workflows.py, installing what it needs when missing: python3 (apt-get, as root) and
# PyYAML (pip into .build-tools/python, which git ignores). Exit 0 valid, 1 invalid, 2 cannot check.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v python3 >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "check-workflows: installing python3 and python3-yaml with apt-get" >&2
        apt-get update -qq && apt-get install -y -qq python3 python3-yaml >/dev/null
    else
        echo "check-workflows: python3 is needed to validate .github/workflows; install it" \
            "(Debian/Ubuntu: sudo apt-get install python3 python3-yaml)" >&2
        exit 2
    fi
fi

tools=".build-tools/python"
export PYTHONPATH="$PWD/$tools${PYTHONPATH:+:$PYTHONPATH}"
if ! python3 -c 'import yaml' 2>/dev/null; then
    echo "check-workflows: installing PyYAML into $tools" >&2
    if ! python3 -m pip install --quiet --disable-pip-version-check --target "$tools" pyyaml >&2; then
        echo "check-workflows: could not install PyYAML; install it (Debian/Ubuntu: apt-get install python3-yaml," \
            "or: python3 -m pip install pyyaml)" >&2
        exit 2
    fi
fi
exec python3 Scripts/check-workflows.py
