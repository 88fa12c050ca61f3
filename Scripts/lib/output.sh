# shellcheck shell=bash disable=SC2034,SC2154 # a library: it shares globals with the script that sources it
# How the profiling scripts talk and time themselves. Source it from bash; set tool_name first.
#   say TEXT...       a line on stdout
#   note TEXT...      "<tool_name>: TEXT" on stderr
#   die TEXT [CODE]   note TEXT, then exit CODE (2 unless given: bad usage or setup)
#   now / elapsed T   a timestamp, and the seconds since timestamp T with one decimal

say() { printf '%s\n' "$*"; }
note() { printf '%s: %s\n' "$tool_name" "$*" >&2; }
die() {
    note "$1"
    exit "${2:-2}"
}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
