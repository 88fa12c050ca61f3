# shellcheck shell=bash disable=SC2034,SC2154 # a library: it shares globals with the script that sources it
# Building what the profiling scripts run. Needs lib/output.sh, root (the repository) and work (a scratch
# directory). NO_BUILD=1 uses what is built; LOADGEN=PATH uses that loadgen.
#   build_perf_products PRODUCT...   perf/ in release with debug info (-Xswiftc -g) into perf/.build-profile,
#                                    so that stacks have symbols and file:line
#   build_loadgen PRODUCT...         Packages/LoadGen in release (its own .build); sets loadgen_bin

profile_build="perf/.build-profile"

# build_in DIRECTORY PRODUCT SWIFT-BUILD-ARGS...: one product of $root/DIRECTORY, its last line indented,
# the errors shown on failure.
build_in() {
    local directory="$1" product="$2"
    shift 2
    say "==> swift build $* --product $product (in $directory)"
    if ! (cd "$root/$directory" && swift build "$@" --product "$product") >"$work/build.log" 2>&1; then
        grep -E 'error' "$work/build.log" | head -30 >&2 || tail -30 "$work/build.log" >&2
        die "building $product in $directory failed (see above)"
    fi
    tail -1 "$work/build.log" | sed 's/^/    /'
}

build_perf_products() {
    [[ ${NO_BUILD:-} == 1 ]] && return 0
    local product
    for product in "$@"; do
        build_in perf/ "$product" -c release -Xswiftc -g --scratch-path .build-profile
    done
}

build_loadgen() {
    loadgen_bin="$root/Packages/LoadGen/.build/release/loadgen"
    if [[ -n ${LOADGEN:-} ]]; then
        [[ -x $LOADGEN ]] || die "LOADGEN=$LOADGEN is not an executable"
        loadgen_bin="$LOADGEN"
        return 0
    fi
    [[ ${NO_BUILD:-} == 1 && -x $loadgen_bin ]] && return 0
    local product
    for product in "$@"; do
        build_in Packages/LoadGen "$product" -c release
    done
}
