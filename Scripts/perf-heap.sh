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
# MemProbe's allocation counter cooperates: under heaptrack it reports each call through heaptrack's API, so
# programs that link MemProbe are profiled as usual.
#
# Environment: SCENARIO, SPEC, CMD; PERF_PROFILE (quick by default here), DURATION (overrides the scenario's),
# CMD_TIMEOUT (seconds, 300), TOP (sites listed, 8), NO_BUILD=1, LOADGEN=PATH.
# Exit status: 0 the profile was written; 1 the program failed (the service did not exit 0 after SIGTERM, no data);
# 2 bad usage or setup (missing tool, build failed, unknown scenario or spec).
set -euo pipefail

# shellcheck source=Scripts/perf-flame.sh
source "$(dirname "${BASH_SOURCE[0]}")/perf-flame.sh"

# Waits until a child of $1 runs the executable $2 (heaptrack runs its debuggee as a direct child); prints its pid.
find_heaptrack_child() {
    local wrapper="$1" executable deadline pid
    executable="$(readlink -f "$2")"
    deadline=$((SECONDS + 30))
    while ((SECONDS < deadline)); do
        kill -0 "$wrapper" 2>/dev/null || return 1
        for pid in $(children_of "$wrapper"); do
            if [[ $(readlink "/proc/$pid/exe" 2>/dev/null) == "$executable" ]]; then
                printf '%s\n' "$pid"
                return 0
            fi
        done
        sleep 0.05
    done
    return 1
}

# Waits for the program under heaptrack to end by itself, at most $1 seconds, then interrupts it.
wait_for_program() {
    local limit="$1" deadline
    deadline=$((SECONDS + limit))
    while kill -0 "$wrapper_pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
    if kill -0 "$wrapper_pid" 2>/dev/null; then
        note "the program ran for $limit s (CMD_TIMEOUT): interrupting it with SIGINT"
        service_pid="$(find_heaptrack_child "$wrapper_pid" "$program")" || service_pid=""
        kill -INT "$service_pid" 2>/dev/null || true
        deadline=$((SECONDS + 10))
        while kill -0 "$service_pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
    fi
    stop_service 30
}

# Prints the summary and the top allocation sites of heaptrack_print's text $1 (Swift names demangled in one go).
print_heap_summary() {
    python3 - "$1" "${TOP:-8}" <<'PY'
import os
import re
import shutil
import subprocess
import sys

text, top = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines(), int(sys.argv[2])
units = {"B": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}


def size(value):
    match = re.fullmatch(r"([\d.]+)([BKMGT]?)", value)
    return float(match.group(1)) * units[match.group(2) or "B"] if match else 0.0


summary = {}
for line in text:
    for key, pattern in {"peak": r"peak heap memory consumption: (\S+)", "rss": r"peak RSS \(including heaptrack overhead\): (\S+)",
                         "calls": r"calls to allocation functions: (\d+) \((\d+)/s\)", "temporary": r"temporary memory allocations: (\d+)",
                         "leaked": r"total memory leaked: (\S+)", "runtime": r"total runtime: ([\d.]+)s"}.items():
        found = re.match(pattern, line)
        if found:
            summary[key] = found.groups()

# Sub-entries: a header ending in "from:" and the backtrace under it (frames at 4 spaces, "at"/"in" at 6).
entries, section, current = [], None, None
headers = {
    "PEAK MEMORY CONSUMERS": re.compile(r"^(\S+) consumed over (\d+) calls from:$"),
    "MOST CALLS TO ALLOCATION FUNCTIONS": re.compile(r"^(\d+) calls with (\S+) peak consumption from:$"),
}
for line in text:
    if re.fullmatch(r"[A-Z][A-Z ]+", line):
        section, current = line, None
        continue
    pattern = headers.get(section)
    found = pattern.match(line) if pattern else None
    if found:
        if section == "PEAK MEMORY CONSUMERS":
            current = {"section": section, "peak": size(found.group(1)), "calls": int(found.group(2)), "frames": []}
        else:
            current = {"section": section, "calls": int(found.group(1)), "peak": size(found.group(2)), "frames": []}
        entries.append(current)
    elif current is not None and line.startswith("    ") and not line.startswith("      "):
        current["frames"].append([line.strip(), ""])
    elif current is not None and line.startswith("      at ") and current["frames"]:
        current["frames"][-1][1] = line.strip()[3:]
    elif not line.startswith(" "):
        current = None

allocators = {"malloc", "calloc", "realloc", "free", "posix_memalign", "aligned_alloc", "memalign", "valloc",
              "swift_slowAlloc", "swift_allocObject", "swift_allocBox", "swift_allocEmptyBox", "operator new(unsigned long)",
              "operator new[](unsigned long)", "__libc_malloc", "__libc_calloc", "__libc_realloc"}


def site(frames):
    """The first frame that is the program's own code: not an allocator, the runtime or the standard library."""
    candidates = [frame for frame in frames if frame[0] not in allocators and not frame[0].startswith("swift_")]
    for name, location in candidates:
        if name.startswith(("$ss", "$sS")) or "<compiler-generated>" in location or not location:
            continue
        return name, location
    return tuple(candidates[0]) if candidates else ("[unknown]", "")


sites = {}
for entry in entries:
    name, location = site(entry["frames"])
    key = (entry["section"], name, os.path.basename(location.split(":")[0]) + (":" + location.split(":")[1] if ":" in location else ""))
    total = sites.setdefault(key, {"peak": 0.0, "calls": 0})
    total["peak"] += entry["peak"]
    total["calls"] += entry["calls"]

names = sorted({key[1] for key in sites if key[1].startswith(("$s", "_$s"))})
readable = {}
demangler = shutil.which("swift-demangle") or shutil.which("swift")
if names and demangler:
    arguments = [demangler] + ([] if demangler.endswith("swift-demangle") else ["demangle"]) + ["--simplified"]
    answer = subprocess.run(arguments, input="\n".join(names) + "\n", capture_output=True, text=True)
    lines = answer.stdout.splitlines()
    if answer.returncode == 0 and len(lines) == len(names):
        readable = dict(zip(names, lines))


def human(value):
    for unit in ["B", "K", "M", "G"]:
        if value < 1024 or unit == "G":
            return f"{value:.0f}{unit}" if unit == "B" else f"{value:.2f}{unit}"
        value /= 1024


def shorten(name, width=70):
    return name if len(name) <= width else name[: width - 2] + ".."


if "peak" in summary:
    print(f"  peak heap       {summary['peak'][0]}   (peak RSS {summary.get('rss', ['?'])[0]}, heaptrack's overhead included)")
if "calls" in summary:
    temporary = summary.get("temporary", ["?"])[0]
    print(f"  allocations     {int(summary['calls'][0]):,} calls ({int(summary['calls'][1]):,}/s), {int(temporary):,} temporary"
          if temporary != "?" else f"  allocations     {int(summary['calls'][0]):,} calls")
if "leaked" in summary:
    print(f"  at exit         {summary['leaked'][0]} still allocated (caches and pools count here; a leak grows with the run)")
if "runtime" in summary:
    print(f"  runtime         {summary['runtime'][0]} s")
for section, title, order in [("PEAK MEMORY CONSUMERS", "Top allocation sites by peak memory", "peak"),
                              ("MOST CALLS TO ALLOCATION FUNCTIONS", "Top allocation sites by number of calls", "calls")]:
    rows = sorted(((value, key) for key, value in sites.items() if key[0] == section), key=lambda row: -row[0][order])[:top]
    if not rows:
        continue
    print()
    print(title)
    for value, (_, name, location) in rows:
        label = shorten(readable.get(name, name))
        print(f"  {human(value['peak']):>9} peak  {value['calls']:>10,} calls   {label:<70}  {location}")
PY
}

heap_main() {
    tool_name="perf-heap"
    local scenario="${SCENARIO:-}" spec="${SPEC:-}" command="${CMD:-}"
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --scenario) scenario="${2:?--scenario needs a name}"; shift 2 ;;
            --spec) spec="${2:?--spec needs a name}"; shift 2 ;;
            --cmd) command="${2:?--cmd needs a command}"; shift 2 ;;
            -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
            *) die "unknown argument '$1'; use --scenario NAME, --spec NAME or --cmd \"COMMAND\" (see --help)" ;;
        esac
    done
    local given=0
    for value in "$scenario" "$spec" "$command"; do [[ -n $value ]] && given=$((given + 1)); done
    ((given == 1)) || die "give exactly one of SCENARIO=<perf/macro name>, SPEC=<memory spec> or CMD=\"<command>\""
    cd "$root"
    export PERF_PROFILE="${PERF_PROFILE:-quick}"
    work="$(mktemp -d "${TMPDIR:-/tmp}/perf-heap.XXXXXX")"
    trap cleanup EXIT
    trap 'exit 130' INT TERM

    ensure_command heaptrack heaptrack "records every allocation with its call stack"
    ensure_command heaptrack_print heaptrack "prints heaptrack's profiles"
    ensure_command python3 python3 "summarises the profile"
    local program arguments=() label title
    if [[ -n $scenario ]]; then
        prepare_scenario_run "$scenario"
        program="$service_bin"
        arguments=("${service_arguments[@]}")
        label="$scenario_name"
        title="heap of $(basename "$program") under $scenario_name"
    elif [[ -n $spec ]]; then
        grep -q 'name: "perf-memory"' "$root/perf/Package.swift" ||
            die "the perf-memory suite (issue 4) is not in perf/ yet: profile a command with CMD=… or the service with SCENARIO=…"
        build_perf_products flamegraph perf-memory
        program="$root/$profile_build/release/perf-memory"
        "$program" --help 2>&1 | grep -q -- '--spec' ||
            die "perf-memory has no --spec flag (see perf-memory --help); run it with CMD=\"$profile_build/release/perf-memory …\""
        arguments=(--spec "$spec")
        label="$spec"
        title="heap of memory spec $spec"
    else
        build_perf_products flamegraph
        local words
        eval "words=($command)"
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
    fi

    mkdir -p "$root/perf/results/profiles"
    local stamp base
    stamp="$(date -u +%Y%m%dT%H%M%SZ)"
    base="perf/results/profiles/heaptrack-$label-$stamp"
    local started
    started="$(now)"
    say "==> heaptrack $(basename "$program") ${arguments[*]}"
    if [[ -n $scenario ]]; then
        env "${service_environment[@]}" heaptrack -o "$root/$base" "$program" "${arguments[@]}" >"$work/program.log" 2>&1 &
    else
        heaptrack -o "$root/$base" "$program" "${arguments[@]}" >"$work/program.log" 2>&1 &
    fi
    wrapper_pid=$!
    if [[ -n $scenario ]]; then
        service_pid="$(find_heaptrack_child "$wrapper_pid" "$program")" || {
            sed 's/^/    /' "$work/program.log" >&2
            die "the service did not start under heaptrack (see its output above)"
        }
        wait_until_listening "$target_host" "$target_port" "$wrapper_pid" 60 || {
            sed 's/^/    /' "$work/program.log" >&2
            die "the service did not accept connections on $target_host:$target_port within 60 s"
        }
        run_load
        say "==> SIGTERM to $(basename "$program") (pid $service_pid): drain and exit"
        stop_service 60
    else
        wait_for_program "${CMD_TIMEOUT:-300}"
    fi
    grep -v -e '^$' -e '^heaptrack ' -e 'libheaptrack_preload' -e '^starting application' -e 'Heaptrack finished' \
        -e 'heaptrack --analyze' -e '^  *$' "$work/program.log" | tail -6 | sed 's/^/    /' || true
    local file
    file="$(ls "$root/$base".* 2>/dev/null | head -1 || true)"
    [[ -n $file && -s $file ]] || die "heaptrack wrote no profile (see the output above)" 1
    file="${file#"$root"/}"
    if [[ -n $scenario && $wrapper_status -ne 0 ]]; then
        die "the service exited with status $wrapper_status instead of 0 after SIGTERM (profile: $file)" 1
    elif [[ -n $spec && $wrapper_status -eq 2 ]]; then
        rm -f "$root/$file"
        die "perf-memory refused --spec $spec (see its message above; perf-memory --list names the specs)"
    elif [[ $wrapper_status -ne 0 ]]; then
        note "the program exited with status $wrapper_status (a memory spec exits 1 when it finds a leak)"
    fi
    local record_seconds
    record_seconds="$(elapsed "$started")"

    say "==> heaptrack_print $file"
    timeout 600 heaptrack_print -f "$file" -n 40 -s 10 >"$work/print.txt" 2>"$work/print.err" || {
        sed 's/^/    /' "$work/print.err" >&2
        die "heaptrack_print failed"
    }
    local svg="perf/results/profiles/heap-$label-$stamp.svg"
    heaptrack_print -f "$file" --flamegraph-cost-type peak -F "$work/peak.folded" >/dev/null 2>&1 || true
    local drew=""
    if [[ -s $work/peak.folded ]]; then
        "$root/$profile_build/release/flamegraph" render "$work/peak.folded" -o "$svg" --count-name bytes \
            --title "$title: bytes live at the peak, by call stack" \
            --subtitle "heaptrack_print --flamegraph-cost-type peak · $(date -u '+%Y-%m-%d %H:%M UTC')" >/dev/null &&
            drew=1
    fi
    say ""
    say "Heap profile of $(basename "$program")${scenario:+ under $scenario_name}${spec:+ (spec $spec)}"
    print_heap_summary "$work/print.txt"
    say ""
    say "Profile:          $file   (heaptrack --analyze $file · heaptrack_print $file)"
    [[ -n $drew ]] && say "Peak flame graph: $svg   (open it in a browser; widths are bytes live at the peak)"
    say "Timing:           run under heaptrack $record_seconds s"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    heap_main "$@"
fi
