# shellcheck shell=bash disable=SC2034,SC2154 # a library: it shares globals with the script that sources it
# One program under heaptrack, and the profile it writes. Needs lib/profiling.sh, root and work.
#   record_heap LABEL [scenario]   runs $program "${arguments[@]}" under heaptrack into
#                                  perf/results/profiles/heaptrack-LABEL-<stamp>.*; with `scenario`, as the
#                                  scenario's service (its environment, the load, then SIGTERM), otherwise until it
#                                  ends (interrupted after CMD_TIMEOUT s). Sets heap_file (from root), stamp,
#                                  wrapper_status and record_seconds; dies (1) when no profile was written.
#   print_heap_profile FILE          heaptrack_print's text of FILE into $work/print.txt
#   draw_heap_peak FILE SVG TITLE    the flame graph of the bytes live at the peak; fails when there are none

# Waits for the program under heaptrack to end by itself, at most $1 seconds, then interrupts it.
wait_for_program() {
    local limit="$1" deadline
    deadline=$((SECONDS + limit))
    while kill -0 "$wrapper_pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
    if kill -0 "$wrapper_pid" 2>/dev/null; then
        note "the program ran for $limit s (CMD_TIMEOUT): interrupting it with SIGINT"
        # heaptrack runs its debuggee as a direct child.
        service_pid="$(find_descendant "$wrapper_pid" "$program" 1)" || service_pid=""
        kill -INT "$service_pid" 2>/dev/null || true
        deadline=$((SECONDS + 10))
        while kill -0 "$service_pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
    fi
    stop_service 30
}

record_heap() {
    local label="$1" mode="${2:-}" base started candidate
    mkdir -p "$root/perf/results/profiles"
    stamp="$(date -u +%Y%m%dT%H%M%SZ)"
    base="perf/results/profiles/heaptrack-$label-$stamp"
    started="$(now)"
    say "==> heaptrack $(basename "$program") ${arguments[*]}"
    if [[ $mode == scenario ]]; then
        env ${service_directory:+-C "$service_directory"} "${service_environment[@]}" heaptrack -o "$root/$base" "$program" "${arguments[@]}" >"$work/program.log" 2>&1 &
        wrapper_pid=$!
        service_pid="$(find_descendant "$wrapper_pid" "$program" 1)" || {
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
        heaptrack -o "$root/$base" "$program" "${arguments[@]}" >"$work/program.log" 2>&1 &
        wrapper_pid=$!
        wait_for_program "${CMD_TIMEOUT:-300}"
    fi
    grep -v -e '^$' -e '^heaptrack ' -e 'libheaptrack_preload' -e '^starting application' -e 'Heaptrack finished' \
        -e 'heaptrack --analyze' -e '^  *$' "$work/program.log" | tail -6 | sed 's/^/    /' || true
    heap_file=""
    for candidate in "$root/$base".*; do
        [[ -s $candidate ]] && heap_file="${candidate#"$root"/}" && break
    done
    [[ -n $heap_file ]] || die "heaptrack wrote no profile (see the output above)" 1
    record_seconds="$(elapsed "$started")"
}

print_heap_profile() {
    say "==> heaptrack_print $1"
    timeout 600 heaptrack_print -f "$1" -n 40 -s 10 >"$work/print.txt" 2>"$work/print.err" || {
        sed 's/^/    /' "$work/print.err" >&2
        die "heaptrack_print failed"
    }
}

draw_heap_peak() {
    local file="$1" svg="$2" title="$3"
    heaptrack_print -f "$file" --flamegraph-cost-type peak -F "$work/peak.folded" >/dev/null 2>&1 || true
    [[ -s $work/peak.folded ]] || return 1
    "$root/$profile_build/release/flamegraph" render "$work/peak.folded" -o "$svg" --count-name bytes \
        --title "$title: bytes live at the peak, by call stack" \
        --subtitle "heaptrack_print --flamegraph-cost-type peak · $(date -u '+%Y-%m-%d %H:%M UTC')" >/dev/null
}
