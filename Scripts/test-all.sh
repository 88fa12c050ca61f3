#!/usr/bin/env bash
# Runs `swift test` in every package under Packages/ (found by wildcard) and in perf/ when it exists, then the
# Python unit tests of the scripts (Scripts/checks/test_*.py, with python3's unittest; skipped with a note when
# python3 is missing). Every package runs even when an earlier one fails. The last line sums them all:
# "N passed, N failed". SWIFT_TEST_FLAGS (words) are passed to every `swift test`.
# Exit status: 0 when every test passed, 1 otherwise.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root" || exit 2

packages=()
for manifest in Packages/*/Package.swift perf/Package.swift; do
    [[ -f "$manifest" ]] && packages+=("$(dirname "$manifest")")
done
if [[ ${#packages[@]} -eq 0 ]]; then
    echo "test-all: no Package.swift under Packages/ or perf/" >&2
    exit 2
fi

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

total_passed=0
total_failed=0
total_skipped=0
summary=()
read -ra swift_test_flags <<<"${SWIFT_TEST_FLAGS:-}"

for package in "${packages[@]}"; do
    name="${package//\//-}"
    log="$logs/$name.log"
    echo "==> swift test in $package" >&2
    (cd "$package" && swift test "${swift_test_flags[@]}" 2>&1) | tee "$log"
    status=${PIPESTATUS[0]}

    # Swift Testing prints one line per test when it ends: "✔ Test name() passed after ..." or
    # "✘ Test name() failed after ...". Run-level and test-case lines are not tests.
    passed=$(grep -E '^✔ Test .* passed after' "$log" | grep -cvE '^✔ Test run with' || true)
    failed=$(grep -E '^✘ Test .* failed after' "$log" | grep -cvE '^✘ Test run with' || true)
    skipped=$(grep -cE '^➜ Test .* skipped' "$log" || true)

    note=""
    if [[ $status -ne 0 && $failed -eq 0 ]]; then
        # The build failed or the test process crashed before reporting: count it as one failure.
        failed=1
        note=" (swift test exited with status $status before reporting a failed test: build error or crash, see above)"
    fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
    summary+=("$(printf '%-28s %5d passed, %d failed, %d skipped%s' "$package" "$passed" "$failed" "$skipped" "$note")")
done

# unittest's verbose lines end in "... ok", "... FAIL", "... ERROR" or "... skipped 'why'"; its last lines say
# "Ran N tests" and "OK" or "FAILED (failures=F, errors=E)".
checks="Scripts/checks"
if command -v python3 >/dev/null 2>&1; then
    echo "==> python3 -m unittest in $checks" >&2
    log="$logs/python.log"
    (cd Scripts && PYTHONDONTWRITEBYTECODE=1 python3 -m unittest discover -v -s checks -t . 2>&1) | tee "$log"
    status=${PIPESTATUS[0]}
    passed=$(grep -cE ' \.\.\. ok$' "$log" || true)
    failed=$(grep -cE '^(FAIL|ERROR): ' "$log" || true)
    skipped=$(grep -cE " \.\.\. skipped " "$log" || true)
    note=""
    if [[ $status -ne 0 && $failed -eq 0 ]]; then
        failed=1
        note=" (unittest exited with status $status before reporting a failed test, see above)"
    fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
    summary+=("$(printf '%-28s %5d passed, %d failed, %d skipped%s' "$checks" "$passed" "$failed" "$skipped" "$note")")
else
    summary+=("$(printf '%-28s skipped: python3 is missing (Debian: sudo apt-get install -y python3)' "$checks")")
fi

echo
printf '%s\n' "${summary[@]}"
if [[ $total_skipped -gt 0 ]]; then echo "($total_skipped skipped)"; fi
echo "$total_passed passed, $total_failed failed"
[[ $total_failed -eq 0 ]]
