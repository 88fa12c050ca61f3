# shellcheck shell=bash disable=SC2034,SC2154 # a library: it shares globals with the script that sources it
# Recording with Linux perf: may it record here, and which call-graph mode suits the executable.
# Needs lib/output.sh, lib/ensure-command.sh, work and frequency (samples per second).
#   check_perf_permission        tries perf on `true`; explains kernel.perf_event_paranoid when refused
#   choose_call_graph FILE       sets call_graph (perf record flags) and call_graph_text from CALL_GRAPH
#                                (auto|fp|dwarf) or, for auto, FILE's machine code
#   truncated_share FOLDED       the percentage of samples whose stacks stop short of a thread entry point
#   record_scenario DATA         the scenario's service under perf record while its load runs

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

choose_call_graph() {
    local file="$1" share percent functions
    case "${CALL_GRAPH:-auto}" in
        fp) call_graph=(-g); call_graph_text="frame pointers (CALL_GRAPH=fp)"; return ;;
        dwarf) call_graph=(--call-graph dwarf); call_graph_text="DWARF unwinding (CALL_GRAPH=dwarf)"; return ;;
        auto) ;;
        *) die "CALL_GRAPH: expected auto, fp or dwarf, got '$CALL_GRAPH'" ;;
    esac
    ensure_command objdump binutils "reads machine code to find frame pointers"
    if share="$(frame_pointer_share "$file")"; then
        read -r percent functions <<<"$share"
        if ((percent >= 50)); then
            call_graph=(-g)
            call_graph_text="frame pointers: $percent % of the $functions functions of $(basename "$file") set one up"
        else
            call_graph=(--call-graph dwarf)
            call_graph_text="DWARF unwinding: only $percent % of the $functions functions of $(basename "$file") set up a frame pointer"
        fi
    else
        call_graph=(-g)
        call_graph_text="frame pointers (cannot inspect $(basename "$file"): not an ELF file; CALL_GRAPH=dwarf if stacks look cut)"
    fi
}

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

# The outermost frame of a stack is its second (the first is the command).
truncated_share() {
    awk '{
        count = $NF; total += count
        split($0, frames, ";")
        outer = frames[2]; sub(/ [0-9]+$/, "", outer)
        if (outer !~ /^(_start|__libc_start_main|__libc_start_call_main|start_thread|clone|clone3|__clone|__clone3|thread_start|ret_from_fork(_asm)?(_\[k\])?|kthread(_\[k\])?)$/) cut += count
    } END { printf "%d\n", total ? cut * 100 / total : 0 }' "$1"
}

# Starts the scenario's service under perf record (data file $1), runs the load, stops the service with SIGTERM;
# sets subtitle. Needs lib/scenario.sh (prepare_scenario_run first) and lib/service.sh.
record_scenario() {
    local data="$1"
    say "==> perf record -F $frequency ${call_graph[*]} -- $(basename "$service_bin") ${service_arguments[*]}"
    say "    call graph: $call_graph_text"
    env ${service_directory:+-C "$service_directory"} "${service_environment[@]}" perf record -F "$frequency" "${call_graph[@]}" -o "$data" -- \
        "$service_bin" "${service_arguments[@]}" >"$work/service.log" 2>&1 &
    wrapper_pid=$!
    service_pid="$(find_descendant "$wrapper_pid" "$service_bin")" || {
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
