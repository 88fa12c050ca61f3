#!/usr/bin/env bash
# `make test-tsan` / `make test-asan`: every package's tests under ThreadSanitizer or AddressSanitizer.
# Usage: Scripts/test-sanitizers.sh thread|address [PACKAGE...]   (default: Packages/* and perf, by wildcard)
# Each package is built with `swift build --build-tests --sanitize=KIND` into its own .build-tsan or .build-asan
# (so the normal .build stays valid), then tested with `swift test --skip-build`. Every package runs even when
# an earlier one fails. The sanitizer keeps going after a report (TSan by default; ASan is built with
# -sanitize-recover=address and halt_on_error=0) and each report is counted: the summary lists per package the
# reports, the tests passed, skipped (by their own traits) and failed, and the seconds.
# Suppressions: Scripts/sanitizers/KIND.supp.
# Thread: LD_PRELOAD=Scripts/sanitizers/mutex-tsan.c (built here with clang) shows TSan the lock hand-overs
# of Synchronization.Mutex that it cannot see on Linux; it is first checked on Scripts/sanitizers/
# mutex-tsan-repro.swift (README.md there); MUTEX_ANNOTATIONS=0 leaves it out, to see the reports it removes.
# Address: the one suppression that is not XCTest's (Foundation's Process.run) is first checked on
# Scripts/sanitizers/process-lsan-repro.swift. Logs: .build-sanitizers/KIND/PACKAGE.log.
# Exit status: 0 no report and every test passed, 1 a report or a failure, 2 bad usage or setup.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root" || exit 2
tool_name="test-sanitizers"
# shellcheck source=lib/output.sh
source "$root/Scripts/lib/output.sh"

kind="${1:-}"
case $kind in
    thread) short=tsan pattern='^WARNING: ThreadSanitizer:' ;;
    address) short=asan pattern='^==[0-9]+==ERROR: (AddressSanitizer|LeakSanitizer)' ;;
    *) die "usage: Scripts/test-sanitizers.sh thread|address [PACKAGE...]" ;;
esac
shift
packages=("$@")
if [[ ${#packages[@]} -eq 0 ]]; then
    for manifest in Packages/*/Package.swift perf/Package.swift; do
        [[ -f $manifest ]] && packages+=("$(dirname "$manifest")")
    done
fi
[[ ${#packages[@]} -gt 0 ]] || die "no Package.swift under Packages/ or perf/"

logs="$root/.build-sanitizers/$kind"
mkdir -p "$logs"
supp="$root/Scripts/sanitizers/$short.supp"
scratch=".build-$short"
build_flags=(--build-tests "--sanitize=$kind" --scratch-path "$scratch")
# Tests that cannot run under a sanitizer: MicroBench's InstructionDeterminismTests run the testbed under valgrind,
# and the sanitizer runtimes abort under valgrind ("CHECK failed: sanitizer_linux_libcdep.cpp"). (MemProbe's
# allocation-counting tests skip themselves: the counter is compiled out of sanitizer builds.)
test_skips=(--skip InstructionDeterminismTests)
run_environment=()
if [[ $kind == thread ]]; then
    run_environment=("TSAN_OPTIONS=suppressions=$supp:halt_on_error=0:second_deadlock_stack=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}")
else
    build_flags+=(-Xswiftc -sanitize-recover=address)
    run_environment=("ASAN_OPTIONS=halt_on_error=0:detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
        "LSAN_OPTIONS=suppressions=$supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}")
fi

# Builds the Mutex annotations and checks them on the reproduction: without them TSan reports the race that is
# not one (if it no longer does, the toolchain has fixed it: say so), with them it reports nothing; and on the
# control, whose real race they must leave visible.
prepare_mutex_annotations() {
    local dir="$root/Scripts/sanitizers" work="$logs/mutex" count_plain count_shim
    mkdir -p "$work"
    command -v clang >/dev/null 2>&1 || die "clang is missing (it ships with the Swift toolchain)"
    clang -O2 -Wall -Wextra -Werror -shared -fPIC -o "$work/libmutex-tsan.so" "$dir/mutex-tsan.c" ||
        die "building Scripts/sanitizers/mutex-tsan.c failed"
    swiftc -sanitize=thread -g "$dir/mutex-tsan-repro.swift" -o "$work/repro" >"$work/repro-build.log" 2>&1 ||
        die "building Scripts/sanitizers/mutex-tsan-repro.swift failed (see $work/repro-build.log)"
    "$work/repro" >"$work/plain.log" 2>&1
    LD_PRELOAD="$work/libmutex-tsan.so" "$work/repro" >"$work/shim.log" 2>&1
    count_plain=$(grep -cE "$pattern" "$work/plain.log")
    count_shim=$(grep -cE "$pattern" "$work/shim.log")
    grep -qx 200000 "$work/shim.log" || die "the Mutex reproduction did not print 200000 (see $work/shim.log)"
    [[ $count_shim -eq 0 ]] || die "the Mutex annotations did not silence the reproduction (see $work/shim.log)"
    # The control's real race (line 18) must still be reported, and nothing on its withLock line (17).
    swiftc -sanitize=thread -g "$dir/mutex-tsan-control.swift" -o "$work/control" >>"$work/repro-build.log" 2>&1 ||
        die "building Scripts/sanitizers/mutex-tsan-control.swift failed (see $work/repro-build.log)"
    LD_PRELOAD="$work/libmutex-tsan.so" "$work/control" >"$work/control.log" 2>&1
    if ! grep -qE "$pattern" "$work/control.log" || grep -q 'mutex-tsan-control.swift:17:' "$work/control.log"; then
        die "with the Mutex annotations, the control's real race is not reported alone (see $work/control.log)"
    fi
    if [[ $count_plain -eq 0 ]]; then
        note "the Mutex reproduction reports nothing without the annotations any more: this toolchain may have" \
            "fixed it; Scripts/sanitizers/mutex-tsan.c may be dropped (README.md there)"
    fi
    say "==> Mutex annotations: the reproduction reports $count_plain without them, 0 with them; the control's race stays"
    run_environment+=("LD_PRELOAD=$work/libmutex-tsan.so")
}
if [[ $kind == thread && ${MUTEX_ANNOTATIONS:-1} != 0 ]]; then prepare_mutex_annotations; fi

# Checks asan.supp's Process.run entry on its reproduction: without the file LeakSanitizer reports the leak that is
# not one (if it no longer does, the toolchain has fixed it: say so), with it nothing.
check_leak_suppression() {
    local dir="$root/Scripts/sanitizers" work="$logs/process" count_plain count_suppressed
    mkdir -p "$work"
    swiftc -sanitize=address "$dir/process-lsan-repro.swift" -o "$work/repro" >"$work/repro-build.log" 2>&1 ||
        die "building Scripts/sanitizers/process-lsan-repro.swift failed (see $work/repro-build.log)"
    ASAN_OPTIONS=detect_leaks=1 "$work/repro" >"$work/plain.log" 2>&1
    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$supp" "$work/repro" >"$work/suppressed.log" 2>&1
    count_plain=$(grep -cE "$pattern" "$work/plain.log")
    count_suppressed=$(grep -cE "$pattern" "$work/suppressed.log")
    [[ $count_suppressed -eq 0 ]] ||
        die "asan.supp did not silence the Process.run reproduction (see $work/suppressed.log)"
    if [[ $count_plain -eq 0 ]]; then
        note "the Process.run reproduction reports no leak without asan.supp any more: this toolchain may have" \
            "fixed it; its entry in Scripts/sanitizers/asan.supp may be dropped"
    fi
    say "==> LeakSanitizer: the Process.run reproduction reports $count_plain without asan.supp, 0 with it"
}
if [[ $kind == address ]]; then check_leak_suppression; fi

status=0
summary=()
for package in "${packages[@]}"; do
    [[ -f $package/Package.swift ]] || die "$package has no Package.swift"
    log="$logs/${package//\//-}.log"
    started="$(now)"
    say "==> swift build ${build_flags[*]} in $package"
    (cd "$package" && swift build "${build_flags[@]}") >"$log" 2>&1
    build_status=$?
    test_status=0
    if [[ $build_status -eq 0 ]]; then
        say "==> swift test --skip-build --sanitize=$kind in $package ($short log: $log)"
        (cd "$package" && env "${run_environment[@]}" \
            swift test --skip-build "${build_flags[@]:1}" "${test_skips[@]}") >>"$log" 2>&1
        test_status=$?
    else
        grep -E 'error:' "$log" | head -20 >&2
    fi
    reports=$(grep -cE "$pattern" "$log")
    passed=$(grep -E '^✔ Test .* passed after' "$log" | grep -cvE '^✔ Test run with')
    failed=$(grep -E '^✘ Test .* failed after' "$log" | grep -cvE '^✘ Test run with')
    skipped_tests=$(grep -cE '^➜ Test .* skipped' "$log")
    note=""
    if [[ $build_status -ne 0 ]]; then
        note=" (build failed, see $log)"
    elif [[ $test_status -ne 0 && $failed -eq 0 && $reports -eq 0 ]]; then
        note=" (swift test exited with status $test_status before reporting a failed test, see $log)"
        failed=1
    fi
    [[ $reports -gt 0 || $failed -gt 0 || $build_status -ne 0 ]] && status=1
    summary+=("$(printf '%-24s %3d %s reports, %4d passed, %2d skipped, %d failed, %6s s%s' "$package" "$reports" \
        "$short" "$passed" "$skipped_tests" "$failed" "$(elapsed "$started")" "$note")")
    grep -E "^SUMMARY: (ThreadSanitizer|AddressSanitizer|LeakSanitizer)" "$log" | sort | uniq -c | sort -rn |
        head -10 | sed 's/^/    /'
done

echo
printf '%s\n' "${summary[@]}"
if [[ $status -eq 0 ]]; then say "$short: no report, every test passed"; else say "$short: FAILED (logs: $logs)"; fi
exit $status
