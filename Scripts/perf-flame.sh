#!/usr/bin/env bash
# A CPU flame graph in one command: records with Linux perf and draws an interactive SVG with our flamegraph tool.
#
# Usage: Scripts/perf-flame.sh --scenario NAME     the demo service under the LoadGen scenario perf/macro/NAME.json
#        Scripts/perf-flame.sh --cmd "COMMAND"     any command (run with bash -c)
# The Makefile passes SCENARIO=… and CMD=… through the environment, which this script reads too:
#   make perf-flame SCENARIO=http-login      make perf-flame CMD="perf/.build-profile/release/regression-sim"
#
# Steps: builds perf/ (flamegraph, and demo-service for a scenario) in release with debug info (-Xswiftc -g,
# scratch path perf/.build-profile) and LoadGen's loadgen; installs Debian's linux-perf when perf is missing
# (as root; says what to run otherwise); checks that perf may record (explains kernel.perf_event_paranoid when
# not); picks the call-graph mode: frame pointers (-g) when the profiled executable has them, DWARF unwinding
# (--call-graph dwarf) when its functions do not set up a frame pointer (read from its machine code with objdump);
# records `perf record -F 999`; with a scenario: starts the scenario's service (the demo service when it names
# none) under perf record, runs `loadgen --scenario` against it without its service section, stops the service
# with SIGTERM (it drains and exits 0); then `perf script` | flamegraph render. When half the frame-pointer stacks
# stop short of a thread entry point (libc and the vDSO have no frame pointers), a scenario is recorded again
# with DWARF unwinding.
# Writes perf/results/profiles/flame-<scenario|command>-<UTC timestamp>.svg and .folded (for flamegraph diff),
# and prints the path. perf.data is removed unless KEEP_PERF_DATA=1. The scenario is read by `loadgen plan`;
# the steps live in Scripts/lib/ (profile-build.sh, scenario.sh, service.sh, perf-record.sh).
#
# Environment: SCENARIO, CMD; PERF_PROFILE (quick by default here: the scenario's short run), DURATION (e.g. 10s,
# overrides the scenario's), CALL_GRAPH=auto|fp|dwarf (auto), PERF_FREQUENCY (999), CMD_TIMEOUT (seconds a
# command may run, 300), KEEP_PERF_DATA=1, NO_BUILD=1 (use what is built), LOADGEN=PATH (a loadgen to use).
# SCENARIO may also be the path of a scenario file.
# Exit status: 0 the SVG was written; 1 the workload failed (the service did not exit 0, no samples); 2 bad usage
# or setup (missing tool, no permission, build failed, unknown scenario).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/profiling.sh
source "$root/Scripts/lib/profiling.sh"

# perf script | flamegraph render of data file $1 as LABEL $2, title $3, subtitle $4; sets svg and folded.
render_profile() {
    local data="$1" label="$2" title="$3" subtitle="$4" started stamp
    started="$(now)"
    mkdir -p "$root/perf/results/profiles"
    stamp="$(date -u +%Y%m%dT%H%M%SZ)"
    svg="perf/results/profiles/flame-$label-$stamp.svg"
    folded="perf/results/profiles/flame-$label-$stamp.folded"
    say "==> perf script | flamegraph render"
    timeout 600 perf script -i "$data" 2>"$work/script.log" >"$work/script.txt" || {
        sed 's/^/    /' "$work/script.log" | tail -20 >&2
        die "perf script failed (see above)"
    }
    (cd "$root" && "$root/$profile_build/release/flamegraph" render "$work/script.txt" -o "$svg" \
        --folded-output "$folded" --title "$title" --subtitle "$subtitle") | sed 's/^/    /' ||
        die "flamegraph failed"
    render_seconds="$(elapsed "$started")"
}

# Runs COMMAND $1 under perf record into data file $2 (CMD_TIMEOUT); sets label, title and subtitle.
record_command() {
    local command="$1" data="$2" first executable limit="${CMD_TIMEOUT:-300}" status=0
    read -r first _ <<<"$command"
    executable="$(command -v "$first" 2>/dev/null || true)"
    choose_call_graph "${executable:-$first}"
    say "==> perf record -F $frequency ${call_graph[*]} -- bash -c \"$command\"   (stopped after $limit s)"
    say "    call graph: $call_graph_text"
    timeout --foreground --signal=INT --kill-after=30 "$limit" \
        perf record -F "$frequency" "${call_graph[@]}" -o "$data" -- bash -c "$command" || status=$?
    if [[ $status -eq 124 ]]; then
        note "the command ran for $limit s (CMD_TIMEOUT) and was interrupted; drawing what was recorded"
    elif [[ $status -ne 0 ]]; then
        note "the command exited with status $status; drawing what was recorded"
    fi
    [[ -s $data ]] || die "perf recorded nothing (see above)" 1
    label="$(basename "$first" | tr -c 'A-Za-z0-9._\n-' '_')"
    subtitle="$command · perf record -F $frequency ${call_graph[*]}"
    subtitle+=$'\n'"$(date -u '+%Y-%m-%d %H:%M UTC') · $(uname -sr) · $(nproc) cores"
    title="$label"
}

flame_main() {
    tool_name="perf-flame"
    local scenario="${SCENARIO:-}" command="${CMD:-}" first
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --scenario) scenario="${2:?--scenario needs a name}"; shift 2 ;;
            --cmd) command="${2:?--cmd needs a command}"; shift 2 ;;
            -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
            *) die "unknown argument '$1'; use --scenario NAME or --cmd \"COMMAND\" (see --help)" ;;
        esac
    done
    if [[ -n $scenario && -n $command ]] || [[ -z $scenario && -z $command ]]; then
        die "give exactly one of SCENARIO=<name> (perf/macro: $(available_scenarios)) or CMD=\"<command>\""
    fi
    cd "$root"
    frequency="${PERF_FREQUENCY:-999}"
    [[ $frequency =~ ^[0-9]+$ ]] || die "PERF_FREQUENCY: expected samples per second, got '$frequency'"
    export PERF_PROFILE="${PERF_PROFILE:-quick}"
    work="$(mktemp -d "${TMPDIR:-/tmp}/perf-flame.XXXXXX")"
    trap cleanup EXIT
    trap 'exit 130' INT TERM

    local build_started build_seconds run_started record_seconds data="$work/perf.data" truncated
    build_started="$(now)"
    ensure_command perf linux-perf "Linux perf records the samples"
    if [[ -n $scenario ]]; then
        prepare_scenario_run "$scenario"
    else
        build_perf_products flamegraph
        read -r first _ <<<"$command"
        if [[ $first == "$profile_build/release/"* || $first == "./$profile_build/release/"* ]]; then
            build_perf_products "$(basename "$first")"
        fi
    fi
    build_seconds="$(elapsed "$build_started")"
    run_started="$(now)"
    check_perf_permission
    if [[ -n $scenario ]]; then
        choose_call_graph "$service_bin"
        record_scenario "$data"
        label="$scenario_name"
        title="$(basename "$service_bin") under $scenario_name"
    else
        record_command "$command" "$data"
    fi
    record_seconds="$(elapsed "$run_started")"
    render_profile "$data" "$label" "$title" "$subtitle"
    # Frame pointers in the service do not help where libc (built without them) sits under most samples:
    # when half the stacks stop short of a thread entry point, a scenario is recorded again with DWARF.
    truncated="$(truncated_share "$root/$folded")"
    if [[ -n $scenario && ${CALL_GRAPH:-auto} == auto && ${call_graph[*]} == -g ]] && ((truncated >= 50)); then
        say "==> $truncated % of the stacks stop short of a thread entry point (libc and the vDSO have no frame"
        say "    pointers): recording the scenario again with DWARF unwinding (CALL_GRAPH=fp keeps the first graph)"
        rm -f "$root/$svg" "$root/$folded" "$data"
        run_started="$(now)"
        call_graph=(--call-graph dwarf)
        call_graph_text="DWARF unwinding: $truncated % of the frame-pointer stacks were cut short"
        record_scenario "$data"
        record_seconds="$record_seconds + $(elapsed "$run_started") (DWARF)"
        render_profile "$data" "$label" "$title" "$subtitle"
    fi
    if [[ ${KEEP_PERF_DATA:-} == 1 ]]; then
        mv "$data" "$root/${svg%.svg}.perf.data"
        say "perf data:     ${svg%.svg}.perf.data   (perf report -i ${svg%.svg}.perf.data)"
    fi
    say ""
    say "Flame graph:   $svg"
    say "               open it in a browser (file://$root/$svg): hover for details, click to zoom, Ctrl-F to search"
    say "Folded stacks: $folded   (compare runs: flamegraph diff BEFORE.folded AFTER.folded -o diff.svg)"
    say "Timing:        build $build_seconds s · record $record_seconds s · perf script + render $render_seconds s"
}

flame_main "$@"
