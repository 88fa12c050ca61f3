#!/usr/bin/env bash
# A heap profile in one command: runs a program under heaptrack and prints the peak heap, the top allocation sites
# (by peak memory and by number of calls, Swift names demangled, with file:line) and where the profile is.
#
# Usage: Scripts/perf-heap.sh --scenario NAME     the demo service under the LoadGen scenario perf/macro/NAME.json
#        Scripts/perf-heap.sh --spec NAME         a memory spec of the perf-memory suite (perf-memory --spec NAME)
#        Scripts/perf-heap.sh --cmd "COMMAND"     any program (the command's first word must be the program itself:
#                                                 heaptrack follows one process, not a shell pipeline)
# The Makefile passes SCENARIO=…, SPEC=… and CMD=… through the environment, which this script reads too:
#   make perf-heap SCENARIO=http-login     make perf-heap SPEC=lru-cache     make perf-heap CMD="…"
#
# Builds like perf-flame.sh (release with debug info, perf/.build-profile) so that stacks have file:line; installs
# Debian's heaptrack when it is missing (as root; says what to run otherwise). A scenario's service is stopped with
# SIGTERM after the load (it drains and exits 0); a command is interrupted with SIGINT after CMD_TIMEOUT seconds.
# Writes perf/results/profiles/heaptrack-<label>-<UTC timestamp>.zst (or .gz; open it with heaptrack --analyze or
# heaptrack_print) and heap-<label>-<timestamp>.svg, a flame graph of the bytes live at the peak by call stack.
# The scenario is read by `loadgen plan`; the summary is `flamegraph heap-summary` (FlameGraph's HeapSummary, with
# the flame graphs' Swift demangler); the steps live in Scripts/lib/ (shared with perf-flame.sh).
# MemProbe's allocation counter cooperates: under heaptrack it reports each call through heaptrack's API, so
# programs that link MemProbe are profiled as usual.
#
# Environment: SCENARIO, SPEC, CMD; PERF_PROFILE (quick by default here), DURATION (overrides the scenario's),
# CMD_TIMEOUT (seconds, 300), TOP (sites listed, 8), NO_BUILD=1, LOADGEN=PATH.
# Exit status: 0 the profile was written; 1 the program failed (the service did not exit 0 after SIGTERM, no data);
# 2 bad usage or setup (missing tool, build failed, unknown scenario or spec).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/profiling.sh
source "$root/Scripts/lib/profiling.sh"
# shellcheck source=lib/heaptrack.sh
source "$root/Scripts/lib/heaptrack.sh"

# Sets program, arguments, label and title for the command CMD $1 (its first word must be an ELF program).
prepare_command() {
    local words
    build_perf_products flamegraph
    eval "words=($1)"
    [[ ${#words[@]} -gt 0 ]] || die "CMD is empty"
    if [[ ${words[0]} == "$profile_build/release/"* || ${words[0]} == "./$profile_build/release/"* ]]; then
        build_perf_products "$(basename "${words[0]}")"
    fi
    program="$(command -v "${words[0]}" 2>/dev/null)" || die "'${words[0]}' is not a command"
    [[ $program == /* ]] || program="$root/$program"
    [[ $(head -c 4 "$program" | od -An -c | tr -d ' ') == '177ELF' ]] ||
        die "$program is not a program (ELF) but a script: heaptrack follows one process; give the program itself"
    arguments=("${words[@]:1}")
    label="$(basename "$program" | tr -c 'A-Za-z0-9._\n-' '_')"
    title="heap of $(basename "$program")"
}

heap_main() {
    tool_name="perf-heap"
    local scenario="${SCENARIO:-}" spec="${SPEC:-}" command="${CMD:-}" given=0 value
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --scenario) scenario="${2:?--scenario needs a name}"; shift 2 ;;
            --spec) spec="${2:?--spec needs a name}"; shift 2 ;;
            --cmd) command="${2:?--cmd needs a command}"; shift 2 ;;
            -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
            *) die "unknown argument '$1'; use --scenario NAME, --spec NAME or --cmd \"COMMAND\" (see --help)" ;;
        esac
    done
    for value in "$scenario" "$spec" "$command"; do [[ -n $value ]] && given=$((given + 1)); done
    ((given == 1)) || die "give exactly one of SCENARIO=<perf/macro name>, SPEC=<memory spec> or CMD=\"<command>\""
    cd "$root"
    export PERF_PROFILE="${PERF_PROFILE:-quick}"
    work="$(mktemp -d "${TMPDIR:-/tmp}/perf-heap.XXXXXX")"
    trap cleanup EXIT
    trap 'exit 130' INT TERM

    ensure_command heaptrack heaptrack "records every allocation with its call stack"
    ensure_command heaptrack_print heaptrack "prints heaptrack's profiles"
    program="" arguments=() label="" title=""
    if [[ -n $scenario ]]; then
        prepare_scenario_run "$scenario"
        program="$service_bin"
        arguments=("${service_arguments[@]}")
        label="$scenario_name"
        title="heap of $(basename "$program") under $scenario_name"
    elif [[ -n $spec ]]; then
        build_perf_products flamegraph perf-memory
        program="$root/$profile_build/release/perf-memory"
        "$program" --help 2>&1 | grep -q -- '--spec' ||
            die "perf-memory has no --spec flag (see perf-memory --help); run it with CMD=\"$profile_build/release/perf-memory …\""
        arguments=(--spec "$spec")
        label="$spec"
        title="heap of memory spec $spec"
    else
        prepare_command "$command"
    fi

    record_heap "$label" ${scenario:+scenario}
    local file="$heap_file" svg="perf/results/profiles/heap-$label-$stamp.svg" drew=""
    if [[ -n $scenario && $wrapper_status -ne 0 ]]; then
        die "the service exited with status $wrapper_status instead of 0 after SIGTERM (profile: $file)" 1
    elif [[ -n $spec && $wrapper_status -eq 2 ]]; then
        rm -f "$root/$file"
        die "perf-memory refused --spec $spec (see its message above; perf-memory --list names the specs)"
    elif [[ $wrapper_status -ne 0 ]]; then
        note "the program exited with status $wrapper_status (a memory spec exits 1 when it finds a leak)"
    fi
    print_heap_profile "$file"
    draw_heap_peak "$file" "$svg" "$title" && drew=1
    say ""
    say "Heap profile of $(basename "$program")${scenario:+ under $scenario_name}${spec:+ (spec $spec)}"
    "$root/$profile_build/release/flamegraph" heap-summary "$work/print.txt" --top "${TOP:-8}"
    say ""
    say "Profile:          $file   (heaptrack --analyze $file · heaptrack_print $file)"
    [[ -n $drew ]] && say "Peak flame graph: $svg   (open it in a browser; widths are bytes live at the peak)"
    say "Timing:           run under heaptrack $record_seconds s"
}

heap_main "$@"
