# shellcheck shell=bash disable=SC2034,SC2154 # a library: it shares globals with the script that sources it
# A LoadGen scenario run against a service the script starts itself (under perf record or heaptrack).
# Needs lib/output.sh, lib/profile-build.sh, root and work.
#   prepare_scenario_run NAME   builds loadgen, reads the scenario's plan (`loadgen plan`, see
#                               Packages/LoadGen/README.md), builds flamegraph and the service, and sets
#                               scenario_name, scenario_file, target_host, target_port, service_bin,
#                               service_arguments, service_environment, service_directory (where the
#                               service runs: empty for the current directory); $work/scenario.json is the scenario
#                               without its service section. The demo service when the scenario names none.
#   available_scenarios         the names in perf/macro, for messages
#   run_load                    runs that scenario with loadgen (DURATION overrides its duration)

# The names of the scenarios in perf/macro, on one line ("none" when there is none).
available_scenarios() {
    local file names=()
    for file in "$root"/perf/macro/*.json; do
        [[ -f $file ]] && names+=("$(basename "$file" .json)")
    done
    printf '%s\n' "${names[*]:-none}"
}

# Reads the plan of scenario $1 (perf/macro/NAME.json or a path), one key<TAB>value line each.
prepare_scenario() {
    local plan key value
    plan="$("$loadgen_bin" plan "$1" --load-scenario "$work/scenario.json")" ||
        die "cannot read the scenario '$1' (see above)"
    scenario_name="" scenario_file="" target_host="" target_port="" service_command="" service_directory=""
    service_arguments=() service_environment=()
    while IFS=$'\t' read -r key value; do
        case $key in
            name) scenario_name="$value" ;;
            file) scenario_file="$value" ;;
            host) target_host="$value" ;;
            port) target_port="$value" ;;
            service-command) service_command="$value" ;;
            service-argument) service_arguments+=("$value") ;;
            service-environment) service_environment+=("$value") ;;
            service-directory) service_directory="$value" ;;
        esac
    done <<<"$plan"
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

prepare_scenario_run() {
    build_loadgen loadgen
    prepare_scenario "$1"
    local products=(flamegraph)
    [[ $service_command == demo-service ]] && products+=(demo-service)
    build_perf_products "${products[@]}"
    [[ $service_command == loadgen-target ]] && build_loadgen loadgen-target
    resolve_service "$service_command"
}

# Its table goes to stdout; a threshold miss is reported, not fatal.
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
