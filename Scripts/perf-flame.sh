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
# and prints the path. perf.data is removed unless KEEP_PERF_DATA=1.
#
# Environment: SCENARIO, CMD; PERF_PROFILE (quick by default here: the scenario's short run), DURATION (e.g. 10s,
# overrides the scenario's), CALL_GRAPH=auto|fp|dwarf (auto), PERF_FREQUENCY (999), CMD_TIMEOUT (seconds a
# command may run, 300), KEEP_PERF_DATA=1, NO_BUILD=1 (use what is built), LOADGEN=PATH (a loadgen binary to use).
# SCENARIO may also be the path of a scenario file.
# Exit status: 0 the SVG was written; 1 the workload failed (the service did not exit 0, no samples); 2 bad usage
# or setup (missing tool, no permission, build failed, unknown scenario).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
profile_build="perf/.build-profile"

say() { printf '%s\n' "$*"; }
note() { printf '%s: %s\n' "$tool_name" "$*" >&2; }
die() {
    note "$1"
    exit "${2:-2}"
}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Installs a Debian package when `command` is missing: with apt-get as root, otherwise says what to run.
ensure_command() {
    local command="$1" package="$2" why="$3"
    command -v "$command" >/dev/null 2>&1 && return 0
    if [[ $(id -u) -ne 0 ]]; then
        local ubuntu=""
        [[ $package == linux-perf ]] && ubuntu=" (on Ubuntu: linux-tools-\$(uname -r))"
        die "$command is missing ($why). Install it with: sudo apt-get install -y $package$ubuntu, then run this again."
    fi
    command -v apt-get >/dev/null 2>&1 || die "$command is missing ($why) and there is no apt-get: install $package"
    note "installing Debian's $package with apt-get ($why)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null ||
        die "apt-get install $package failed"
    command -v "$command" >/dev/null 2>&1 || die "$package is installed but $command is still not on PATH"
}

# Builds products of perf/ in release with debug info into perf/.build-profile.
build_perf_products() {
    [[ ${NO_BUILD:-} == 1 ]] && return 0
    local product
    for product in "$@"; do
        say "==> swift build -c release -Xswiftc -g --scratch-path .build-profile --product $product (in perf/)"
        if ! (cd "$root/perf" &&
            swift build -c release -Xswiftc -g --scratch-path .build-profile --product "$product") >"$work/build.log" 2>&1
        then
            grep -E 'error' "$work/build.log" | head -30 >&2 || tail -30 "$work/build.log" >&2
            die "building $product in perf/ failed (see above)"
        fi
        tail -1 "$work/build.log" | sed 's/^/    /'
    done
}

# Builds LoadGen's executables (release, its own .build) once LoadGen has landed.
build_loadgen() {
    local manifest="$root/Packages/LoadGen/Package.swift"
    [[ -f $manifest ]] && grep -q 'executable(name: "loadgen"' "$manifest" ||
        die "Packages/LoadGen with its loadgen executable is not here yet: profile a command with CMD=… instead"
    loadgen_bin="$root/Packages/LoadGen/.build/release/loadgen"
    if [[ -n ${LOADGEN:-} ]]; then
        [[ -x $LOADGEN ]] || die "LOADGEN=$LOADGEN is not an executable"
        loadgen_bin="$LOADGEN"
        return 0
    fi
    [[ ${NO_BUILD:-} == 1 && -x $loadgen_bin ]] && return 0
    local product
    for product in "$@"; do
        say "==> swift build -c release --product $product (in Packages/LoadGen)"
        if ! (cd "$root/Packages/LoadGen" && swift build -c release --product "$product") >"$work/build.log" 2>&1; then
            grep -E 'error' "$work/build.log" | head -30 >&2 || tail -30 "$work/build.log" >&2
            die "building $product in Packages/LoadGen failed (see above)"
        fi
        tail -1 "$work/build.log" | sed 's/^/    /'
    done
}

# Reads perf/macro/<name>.json (or a path): writes a copy without its service section (body files made absolute)
# to $work/scenario.json and sets scenario_name, target_host, target_port, service_command, service_arguments,
# service_environment.
prepare_scenario() {
    local name="$1" file
    if [[ -f $name ]]; then file="$name"; else file="$root/perf/macro/$name.json"; fi
    if [[ ! -f $file ]]; then
        local available
        available="$(cd "$root/perf/macro" 2>/dev/null && ls -- *.json 2>/dev/null | sed 's/\.json$//' | tr '\n' ' ')"
        die "no scenario '$name': perf/macro/$name.json does not exist (available: ${available:-none})"
    fi
    scenario_file="$file"
    local assignments
    assignments="$(python3 - "$file" "$work/scenario.json" <<'PY'
import json, os, shlex, sys
from urllib.parse import urlsplit

source, destination = sys.argv[1:3]
try:
    data = json.load(open(source, encoding="utf-8"))
except (OSError, ValueError) as error:
    sys.exit(f"{source}: {error}")
if not isinstance(data, dict):
    sys.exit(f"{source}: a scenario is a JSON object")
base = os.path.dirname(os.path.abspath(source))
service = data.pop("service", None)
data.setdefault("name", os.path.splitext(os.path.basename(source))[0])
for request in data.get("requests") or []:
    if isinstance(request, dict) and isinstance(request.get("bodyFile"), str):
        request["bodyFile"] = os.path.join(base, request["bodyFile"])
with open(destination, "w", encoding="utf-8") as out:
    json.dump(data, out, indent=2)
target = urlsplit(data.get("target") or "")
if not target.hostname:
    sys.exit(f'{source}: field "target": expected http://127.0.0.1:PORT/path')
command, arguments, environment = "", [], []
if isinstance(service, str):
    command = service
elif isinstance(service, dict):
    command = service.get("command") or ""
    arguments = [str(argument) for argument in service.get("arguments") or []]
    environment = [f"{key}={value}" for key, value in (service.get("environment") or {}).items()]
print(f"scenario_name={shlex.quote(data['name'])}")
print(f"target_host={shlex.quote(target.hostname)}")
print(f"target_port={target.port or 80}")
print(f"service_command={shlex.quote(command)}")
print("service_arguments=(" + " ".join(shlex.quote(a) for a in arguments) + ")")
print("service_environment=(" + " ".join(shlex.quote(e) for e in environment) + ")")
PY
)" || die "cannot read the scenario $file"
    eval "$assignments"
    if [[ -z $service_command ]]; then
        service_command="demo-service"
        service_arguments=(--host "$target_host" --port "$target_port")
    fi
}

# The executable a scenario's service command names: a path, or a name looked up in perf/'s profile build,
# next to loadgen, then on PATH.
resolve_service() {
    local command="$1" directory
    if [[ $command == */* ]]; then
        [[ $command == /* ]] || command="$root/$command"
        [[ -x $command ]] || die "the scenario's service $command is not an executable"
        service_bin="$command"
        return
    fi
    for directory in "$root/$profile_build/release" "$root/Packages/LoadGen/.build/release"; do
        if [[ -x $directory/$command ]]; then
            service_bin="$directory/$command"
            return
        fi
    done
    service_bin="$(command -v "$command" 2>/dev/null)" ||
        die "the scenario's service '$command' is neither built in perf/ or Packages/LoadGen nor on PATH"
}

# Reads SCENARIO's file, builds what it needs (flamegraph, the service, loadgen and loadgen-target when
# the service is that) and resolves its service command; shared with perf-heap.sh.
prepare_scenario_run() {
    prepare_scenario "$1"
    local products=(flamegraph)
    [[ $service_command == demo-service ]] && products+=(demo-service)
    build_perf_products "${products[@]}"
    local loadgen_products=(loadgen)
    [[ $service_command == loadgen-target ]] && loadgen_products+=(loadgen-target)
    build_loadgen "${loadgen_products[@]}"
    resolve_service "$service_command"
}

# The children of process $1 (from /proc, no procps needed).
children_of() {
    local parent="$1" directory stat ppid
    for directory in /proc/[0-9]*; do
        stat="$(cat "$directory/stat" 2>/dev/null)" || continue
        read -r _ ppid _ <<<"${stat##*) }"
        [[ $ppid == "$parent" ]] && printf '%s\n' "${directory#/proc/}"
    done
    return 0
}

# Waits until a descendant of $1 (up to 3 levels) runs the executable $2; prints its pid.
find_service_pid() {
    local wrapper="$1" executable deadline pid candidate grandchild
    executable="$(readlink -f "$2")"
    deadline=$((SECONDS + 30))
    while ((SECONDS < deadline)); do
        kill -0 "$wrapper" 2>/dev/null || return 1
        for pid in $(children_of "$wrapper"); do
            for candidate in "$pid" $(children_of "$pid"); do
                for grandchild in "$candidate" $(children_of "$candidate"); do
                    if [[ $(readlink "/proc/$grandchild/exe" 2>/dev/null) == "$executable" ]]; then
                        printf '%s\n' "$grandchild"
                        return 0
                    fi
                done
            done
        done
        sleep 0.05
    done
    return 1
}

# Waits until host $1 port $2 accepts a connection, while process $3 lives; at most $4 seconds.
wait_until_listening() {
    local host="$1" port="$2" process="$3" limit="$4" deadline
    deadline=$((SECONDS + limit))
    while ((SECONDS < deadline)); do
        kill -0 "$process" 2>/dev/null || return 1
        if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    return 1
}

# Sends SIGTERM to the service and waits (at most $1 seconds) for the wrapper around it; sets wrapper_status.
stop_service() {
    local limit="$1" deadline
    if [[ -n ${service_pid:-} ]] && kill -0 "$service_pid" 2>/dev/null; then
        kill -TERM "$service_pid" 2>/dev/null || true
    fi
    deadline=$((SECONDS + limit))
    while kill -0 "$wrapper_pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
    if kill -0 "$wrapper_pid" 2>/dev/null; then
        note "the service did not stop within $limit s of SIGTERM: killing it"
        kill -KILL "$service_pid" 2>/dev/null || true
    fi
    wrapper_status=0
    wait "$wrapper_pid" || wrapper_status=$?
    wrapper_pid=""
    service_pid=""
}

# Whatever this script started is stopped on every exit path.
cleanup() {
    if [[ -n ${service_pid:-} ]]; then kill -TERM "$service_pid" 2>/dev/null || true; fi
    if [[ -n ${wrapper_pid:-} ]]; then
        local deadline=$((SECONDS + 15))
        while kill -0 "$wrapper_pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
        kill -KILL "$wrapper_pid" 2>/dev/null || true
        [[ -n ${service_pid:-} ]] && kill -KILL "$service_pid" 2>/dev/null || true
    fi
    [[ -n ${work:-} ]] && rm -rf "$work"
    return 0
}

# Runs the scenario's load with loadgen; its table goes to stdout; a threshold miss is reported, not fatal.
run_load() {
    local arguments=(--scenario "$work/scenario.json" --no-progress --json "$work/loadgen.json")
    [[ -n ${DURATION:-} ]] && arguments+=(-d "$DURATION")
    say "==> loadgen ${arguments[*]}"
    local status=0
    timeout "${LOAD_TIMEOUT:-900}" "$loadgen_bin" "${arguments[@]}" | sed 's/^/    /' || status=${PIPESTATUS[0]}
    case $status in
        0) ;;
        1) note "the scenario missed a threshold (see above); the profile is still valid" ;;
        124) die "loadgen did not finish within ${LOAD_TIMEOUT:-900} s" ;;
        *) die "loadgen failed with status $status (see above)" ;;
    esac
}

# The share of functions in ELF file $1 whose prologue sets up a frame pointer, as "percent functions";
# fails when $1 is not an ELF file.
frame_pointer_share() {
    local file="$1"
    [[ -f $file && $(head -c 4 "$file" | od -An -c | tr -d ' ') == '177ELF' ]] || return 1
    objdump -d --no-show-raw-insn "$file" 2>/dev/null | awk '
        /^Disassembly of section / { text = ($4 == ".text:"); next }
        text && /^[0-9a-f]+ <.*>:$/ { functions++; looking = 1; seen = 0; pushed = 0; next }
        looking && /\t/ {
            seen++
            if ($0 ~ /push +%rbp/ || $0 ~ /stp +x29, *x30/) pushed = 1
            if (pushed && ($0 ~ /mov +%rsp, *%rbp/ || $0 ~ /mov +x29, *sp/)) { framed++; looking = 0 }
            else if (seen >= 8) looking = 0
        }
        END { if (functions == 0) exit 1; printf "%d %d\n", framed * 100 / functions, functions }'
}

# Sets call_graph (perf record flags) for executable $1 from CALL_GRAPH or its machine code.
choose_call_graph() {
    local file="$1" share
    case "${CALL_GRAPH:-auto}" in
        fp) call_graph=(-g); call_graph_text="frame pointers (CALL_GRAPH=fp)"; return ;;
        dwarf) call_graph=(--call-graph dwarf); call_graph_text="DWARF unwinding (CALL_GRAPH=dwarf)"; return ;;
        auto) ;;
        *) die "CALL_GRAPH: expected auto, fp or dwarf, got '$CALL_GRAPH'" ;;
    esac
    ensure_command objdump binutils "reads machine code to find frame pointers"
    if share="$(frame_pointer_share "$file")"; then
        set -- $share
        if (($1 >= 50)); then
            call_graph=(-g)
            call_graph_text="frame pointers: $1 % of the $2 functions of $(basename "$file") set one up"
        else
            call_graph=(--call-graph dwarf)
            call_graph_text="DWARF unwinding: only $1 % of the $2 functions of $(basename "$file") set up a frame pointer"
        fi
    else
        call_graph=(-g)
        call_graph_text="frame pointers (cannot inspect $(basename "$file"): not an ELF file; CALL_GRAPH=dwarf if stacks look cut)"
    fi
}

# Tries perf on `true`; explains kernel.perf_event_paranoid when recording is refused.
check_perf_permission() {
    if perf record -F "$frequency" -g -o "$work/probe.data" -- true >"$work/probe.log" 2>&1; then return 0; fi
    local level
    level="$(cat /proc/sys/kernel/perf_event_paranoid 2>/dev/null || echo unknown)"
    sed 's/^/    /' "$work/probe.log" | head -20 >&2
    die "perf may not record here (kernel.perf_event_paranoid = $level, uid $(id -u)).
  The setting decides what a user without CAP_PERFMON may profile: -1 everything, 0 no raw tracepoints,
  1 user and kernel code of their own processes, 2 user code only (the kernel's default), 3 or more nothing
  (Debian's default). Fix it until the next boot with:
      sudo sysctl kernel.perf_event_paranoid=1      (2 is enough without kernel frames)
  or for good with a line kernel.perf_event_paranoid = 1 in /etc/sysctl.d/99-perf.conf, or run as root.
  In a container, perf_event_open must also be allowed: run it with --cap-add PERFMON (or SYS_ADMIN)."
}

# perf script | flamegraph render; sets svg and folded.
render_profile() {
    local data="$1" label="$2" title="$3" subtitle="$4"
    local started
    started="$(now)"
    mkdir -p "$root/perf/results/profiles"
    local stamp
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

# Starts the service under perf record ($1 is the data file), runs the load, stops the service; sets subtitle.
record_scenario() {
    local data="$1"
    say "==> perf record -F $frequency ${call_graph[*]} -- $(basename "$service_bin") ${service_arguments[*]}"
    say "    call graph: $call_graph_text"
    env "${service_environment[@]}" perf record -F "$frequency" "${call_graph[@]}" -o "$data" -- \
        "$service_bin" "${service_arguments[@]}" >"$work/service.log" 2>&1 &
    wrapper_pid=$!
    service_pid="$(find_service_pid "$wrapper_pid" "$service_bin")" || {
        sed 's/^/    /' "$work/service.log" >&2
        die "the service did not start under perf record (see its output above)"
    }
    wait_until_listening "$target_host" "$target_port" "$wrapper_pid" 30 || {
        sed 's/^/    /' "$work/service.log" >&2
        die "the service did not accept connections on $target_host:$target_port within 30 s"
    }
    run_load
    say "==> SIGTERM to $(basename "$service_bin") (pid $service_pid): drain and exit"
    stop_service 60
    grep -v '^$' "$work/service.log" | tail -3 | sed 's/^/    /' || true
    if [[ $wrapper_status -ne 0 ]]; then
        die "the service exited with status $wrapper_status instead of 0 after SIGTERM" 1
    fi
    local environment_line
    environment_line="$(grep -m1 '^Swift ' "$work/service.log" || true)"
    subtitle="scenario $(basename "$scenario_file") · PERF_PROFILE=$PERF_PROFILE · perf record -F $frequency ${call_graph[*]}"
    subtitle+=$'\n'"$(date -u '+%Y-%m-%d %H:%M UTC')${environment_line:+ · $environment_line}"
}

# The percentage of samples in folded file $1 whose outermost frame (after the command) is not a thread entry point.
truncated_share() {
    awk '{
        count = $NF; total += count
        split($0, frames, ";")
        outer = frames[2]; sub(/ [0-9]+$/, "", outer)
        if (outer !~ /^(_start|__libc_start_main|__libc_start_call_main|start_thread|clone|clone3|__clone|__clone3|thread_start|ret_from_fork(_asm)?(_\[k\])?|kthread(_\[k\])?)$/) cut += count
    } END { printf "%d\n", total ? cut * 100 / total : 0 }' "$1"
}

flame_main() {
    tool_name="perf-flame"
    local scenario="${SCENARIO:-}" command="${CMD:-}"
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --scenario) scenario="${2:?--scenario needs a name}"; shift 2 ;;
            --cmd) command="${2:?--cmd needs a command}"; shift 2 ;;
            -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
            *) die "unknown argument '$1'; use --scenario NAME or --cmd \"COMMAND\" (see --help)" ;;
        esac
    done
    if [[ -n $scenario && -n $command ]] || [[ -z $scenario && -z $command ]]; then
        local available
        available="$(cd "$root/perf/macro" 2>/dev/null && ls -- *.json 2>/dev/null | sed 's/\.json$//' | tr '\n' ' ')"
        die "give exactly one of SCENARIO=<name> (perf/macro: ${available:-none}) or CMD=\"<command>\""
    fi
    cd "$root"
    frequency="${PERF_FREQUENCY:-999}"
    [[ $frequency =~ ^[0-9]+$ ]] || die "PERF_FREQUENCY: expected samples per second, got '$frequency'"
    export PERF_PROFILE="${PERF_PROFILE:-quick}"
    work="$(mktemp -d "${TMPDIR:-/tmp}/perf-flame.XXXXXX")"
    trap cleanup EXIT
    trap 'exit 130' INT TERM

    local build_started
    build_started="$(now)"
    ensure_command perf linux-perf "Linux perf records the samples"
    ensure_command python3 python3 "reads the scenario file"
    if [[ -n $scenario ]]; then
        prepare_scenario_run "$scenario"
    else
        build_perf_products flamegraph
        local first
        read -r first _ <<<"$command"
        if [[ $first == "$profile_build/release/"* || $first == "./$profile_build/release/"* ]]; then
            build_perf_products "$(basename "$first")"
        fi
    fi
    local build_seconds
    build_seconds="$(elapsed "$build_started")"

    local run_started
    run_started="$(now)"
    check_perf_permission
    local data="$work/perf.data" label subtitle title
    if [[ -n $scenario ]]; then
        choose_call_graph "$service_bin"
        record_scenario "$data"
        label="$scenario_name"
        title="$(basename "$service_bin") under $scenario_name"
    else
        local first
        read -r first _ <<<"$command"
        local executable
        executable="$(command -v "$first" 2>/dev/null || true)"
        choose_call_graph "${executable:-$first}"
        local limit="${CMD_TIMEOUT:-300}"
        say "==> perf record -F $frequency ${call_graph[*]} -- bash -c \"$command\"   (stopped after $limit s)"
        say "    call graph: $call_graph_text"
        local status=0
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
    fi
    local record_seconds
    record_seconds="$(elapsed "$run_started")"
    render_profile "$data" "$label" "$title" "$subtitle"
    # Frame pointers in the service do not help where libc (built without them) sits under most samples:
    # when half the stacks stop short of a thread entry point, a scenario is recorded again with DWARF.
    local truncated
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

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    flame_main "$@"
fi
