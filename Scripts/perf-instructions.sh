#!/usr/bin/env bash
# Instruction counts in one command: builds perf-micro in release and counts, under valgrind's callgrind, the
# instructions and simulated cache misses per operation of the micro suite's deterministic tasks, then writes
# perf/results/instructions.json (suite "instructions"), which the regression gate checks at +1 % (instructions).
#
# Usage: Scripts/perf-instructions.sh [perf-micro flags...]      e.g. --filter routing/ --iterations 1000
# The Makefile passes PERF_INSTRUCTIONS_FLAGS as these arguments:
#   make perf-instructions                                        make perf-instructions PERF_INSTRUCTIONS_FLAGS="--filter harness/"
#
# Each task runs alone in a child process under `setarch -R valgrind --tool=callgrind` (perf-micro --instructions,
# see Packages/MicroBench/README.md): ASLR off, env -i with SWIFT_DETERMINISTIC_HASHING=1, fixed simulated caches,
# collection switched on only around the measured operations; one warmup window, then 5 windows of 100 operations.
# Without a --filter the selection is every task of perf-micro but the payload sweep (pipeline/echo, 39 s under
# callgrind) and pipeline/full and pipeline/handle of the login request: a login draws a random session token
# (getrandom), which moves its count by about 0.005 % between runs; every other task counts identically run after run.
# Installs Debian's valgrind when it is missing (as root; says what to run otherwise). In a container whose seccomp
# profile refuses `setarch -R` (Docker's default), perf-micro says so and starts valgrind without it.
#
# Environment: PERF_SKIP_UNAVAILABLE=1 (`make perf` sets it: when valgrind is missing and cannot be installed —
# not root, no apt-get, not Linux — say so and exit 0 instead of failing), NO_BUILD=1 (use what is built), RESULTS (the report's path, perf/results/instructions.json),
# PERF_PROFILE (recorded in the report only: the counts do not depend on it).
# Exit status: 0 the report was written; 2 bad usage or setup (not Linux, missing tool, build failed, a task failed
# under callgrind: perf-micro's message says which and shows the end of its logs).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/output.sh
source "$root/Scripts/lib/output.sh"
# shellcheck source=lib/ensure-command.sh
source "$root/Scripts/lib/ensure-command.sh"

# Every task but the two whose count depends on a random session token, and the payload sweep (pipeline/echo: 39 s
# under callgrind, too long for `make perf`; count it with --filter 'pipeline/echo').
default_filter='^(?!pipeline/(full|handle)\[pool=(on|off),request=login\]|pipeline/echo\[)'

instructions_main() {
    tool_name="perf-instructions"
    local argument filtered=""
    for argument in "$@"; do
        case "$argument" in
            -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
            --filter | --filter=*) filtered=1 ;;
        esac
    done
    if [[ ${PERF_SKIP_UNAVAILABLE:-} == 1 ]] && ! command -v valgrind >/dev/null 2>&1 &&
        { [[ $(uname -s) != Linux || $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; }; then
        say "perf-instructions: skipped: valgrind is missing and cannot be installed here; to count instructions," \
            "install it (sudo apt-get install valgrind) and run make perf-instructions"
        exit 0
    fi
    [[ $(uname -s) == Linux ]] || die "instruction counts need valgrind's callgrind on Linux; this is $(uname -s)"
    cd "$root"
    ensure_command valgrind valgrind "counts instructions and simulates the caches (callgrind)"
    ensure_command setarch util-linux "turns address-space randomization off"
    command -v objcopy >/dev/null 2>&1 || command -v llvm-objcopy >/dev/null 2>&1 ||
        ensure_command objcopy binutils "copies perf-micro without the debug sections valgrind cannot read"

    local started results="${RESULTS:-perf/results/instructions.json}"
    started="$(now)"
    if [[ ${NO_BUILD:-} != 1 && -z ${PERF_BUILT:-} ]]; then
        say "==> swift build -c release --product perf-micro (in perf/)"
        local log
        log="$(mktemp "${TMPDIR:-/tmp}/perf-instructions-build.XXXXXX")"
        if ! (cd perf && swift build -c release --product perf-micro) >"$log" 2>&1; then
            grep -E 'error' "$log" | head -30 >&2 || tail -30 "$log" >&2
            rm -f "$log"
            die "building perf-micro in perf/ failed (see above)"
        fi
        tail -1 "$log" | sed 's/^/    /'
        rm -f "$log"
    fi
    [[ -x perf/.build/release/perf-micro ]] || die "perf/.build/release/perf-micro is not built (drop NO_BUILD=1)"
    mkdir -p "$(dirname "$results")"
    local arguments=(--instructions --json "$results")
    [[ -n $filtered ]] || arguments+=(--filter "$default_filter")
    say "==> perf-micro ${arguments[*]} $*"
    perf/.build/release/perf-micro "${arguments[@]}" "$@"
    say "Timing: $(elapsed "$started") s (build included)"
}

instructions_main "$@"
