# shellcheck shell=bash disable=SC2034,SC2154 # a library: it shares globals with the script that sources it
# Starting and stopping the profiled process from outside: finding it under its wrapper (perf record,
# heaptrack), waiting until it listens, SIGTERM and the cleanup on every exit path. Needs lib/output.sh.
# The caller sets wrapper_pid (the wrapper it started) and service_pid (the process found under it).

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

# Waits (30 s at most) until a descendant of $1 at most $3 levels down (3 unless given) runs the executable $2;
# prints its pid.
find_descendant() {
    local wrapper="$1" executable deadline levels="${3:-3}" generation pid
    executable="$(readlink -f "$2")"
    deadline=$((SECONDS + 30))
    while ((SECONDS < deadline)); do
        kill -0 "$wrapper" 2>/dev/null || return 1
        generation=("$wrapper")
        for ((level = 1; level <= levels; level++)); do
            mapfile -t generation < <(for pid in "${generation[@]}"; do children_of "$pid"; done)
            for pid in "${generation[@]}"; do
                if [[ $(readlink "/proc/$pid/exe" 2>/dev/null) == "$executable" ]]; then
                    printf '%s\n' "$pid"
                    return 0
                fi
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

# Whatever the script started is stopped on every exit path, and its scratch directory $work removed.
cleanup() {
    if [[ -n ${service_pid:-} ]]; then kill -TERM "$service_pid" 2>/dev/null || true; fi
    if [[ -n ${wrapper_pid:-} ]]; then
        local deadline=$((SECONDS + 15))
        while kill -0 "$wrapper_pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
        kill -KILL "$wrapper_pid" 2>/dev/null || true
        if [[ -n ${service_pid:-} ]]; then kill -KILL "$service_pid" 2>/dev/null || true; fi
    fi
    [[ -n ${work:-} ]] && rm -rf "$work"
    return 0
}
