# shellcheck shell=bash disable=SC2154 # a library: root comes from the script that sources it
# The libraries of perf-flame.sh and perf-heap.sh, in the order they need each other. Set root first.
# shellcheck source=output.sh
source "$root/Scripts/lib/output.sh"
# shellcheck source=ensure-command.sh
source "$root/Scripts/lib/ensure-command.sh"
# shellcheck source=profile-build.sh
source "$root/Scripts/lib/profile-build.sh"
# shellcheck source=scenario.sh
source "$root/Scripts/lib/scenario.sh"
# shellcheck source=service.sh
source "$root/Scripts/lib/service.sh"
# shellcheck source=perf-record.sh
source "$root/Scripts/lib/perf-record.sh"
