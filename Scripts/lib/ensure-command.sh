# shellcheck shell=bash disable=SC2034,SC2154 # a library: it shares globals with the script that sources it
# ensure_command COMMAND PACKAGE WHY: installs Debian's PACKAGE when COMMAND is missing, with apt-get as root;
# otherwise dies saying what to run. Needs lib/output.sh.

ensure_command() {
    local command="$1" package="$2" why="$3"
    command -v "$command" >/dev/null 2>&1 && return 0
    if [[ $(id -u) -ne 0 ]]; then
        local ubuntu=""
        # shellcheck disable=SC2016 # the $(uname -r) is for the reader to run
        [[ $package == linux-perf ]] && ubuntu=' (on Ubuntu: linux-tools-$(uname -r))'
        die "$command is missing ($why). Install it with: sudo apt-get install -y $package$ubuntu, then run this again."
    fi
    command -v apt-get >/dev/null 2>&1 || die "$command is missing ($why) and there is no apt-get: install $package"
    note "installing Debian's $package with apt-get ($why)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null ||
        die "apt-get install $package failed"
    command -v "$command" >/dev/null 2>&1 || die "$package is installed but $command is still not on PATH"
}
