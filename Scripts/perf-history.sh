#!/usr/bin/env bash
# The performance history: one directory per commit of main, in commit order, kept in the repository's
# perf-history branch (the layout `perf-check trend --history DIR` reads):
#   <seq>-<commit>/<suite>.json    seq = 000001, 000002, ...; each file a PerfResult report of that commit
#
# Usage: Scripts/perf-history.sh append RESULTS_DIR [COMMIT]   add COMMIT's (default HEAD) reports from RESULTS_DIR
#        Scripts/perf-history.sh checkout DIR                  a worktree of the branch at DIR (fetched first)
# Environment: HISTORY_BRANCH (perf-history), HISTORY_REMOTE (origin; empty: local only), PUSH=1 (append pushes,
# retrying after another job's push), GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL for the commit when git has no identity.
# Works on the git repository of the current directory. Appending a commit already in the history does nothing. CI needs `permissions: contents: write`.
# Exit status: 0 done; 2 bad usage, no reports in RESULTS_DIR, or a git command failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool_name="perf-history"
# shellcheck source=lib/output.sh
source "$root/Scripts/lib/output.sh"
branch="${HISTORY_BRANCH:-perf-history}"
remote="${HISTORY_REMOTE-origin}"
# The repository is the one the caller stands in (CI: the checkout), not necessarily this script's.
top="$(git rev-parse --show-toplevel 2>/dev/null)" || die "not inside a git repository"
cd "$top"

# Puts a worktree of the history branch at $1: the remote's tip when it has one, else the local branch, else
# a new orphan branch with nothing in it.
open_worktree() {
    local dir="$1"
    git worktree prune
    git worktree add --quiet --detach "$dir" >/dev/null 2>&1 || die "git worktree add $dir failed"
    if [[ -n $remote ]] && git fetch --quiet "$remote" "+refs/heads/$branch:refs/remotes/$remote/$branch" 2>/dev/null; then
        git -C "$dir" checkout --quiet -B "$branch" "refs/remotes/$remote/$branch"
    elif git rev-parse --verify --quiet "refs/heads/$branch" >/dev/null; then
        git -C "$dir" checkout --quiet "$branch"
    else
        git -C "$dir" checkout --quiet --orphan "$branch"
        git -C "$dir" rm -rf --quiet . >/dev/null 2>&1 || true
    fi
}

# Adds one commit's reports to the worktree at $1 and commits; prints nothing when the commit is there already.
add_entry() {
    local dir="$1" results="$2" commit="$3" count seq entry report added=0
    if compgen -G "$dir/[0-9]*-${commit:0:12}" >/dev/null; then
        note "${commit:0:12} is in the history already; nothing to add"
        return 1
    fi
    count=$(find "$dir" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*-*' | wc -l)
    seq=$(printf '%06d' $((count + 1)))
    entry="$dir/$seq-${commit:0:12}"
    mkdir -p "$entry"
    for report in "$results"/*.json; do
        if [[ ! -f $report ]] || ! grep -q '"schema" *: *"perfresult/1"' "$report"; then continue; fi
        cp "$report" "$entry/"
        added=$((added + 1))
    done
    [[ $added -gt 0 ]] || die "$results holds no PerfResult reports (*.json); run the suites first"
    git -C "$dir" add -A
    git -C "$dir" -c user.name="${GIT_AUTHOR_NAME:-perf-history}" -c user.email="${GIT_AUTHOR_EMAIL:-perf-history@localhost}" \
        commit --quiet -m "perf history: $seq ${commit:0:12} ($added reports)"
    say "perf-history: $seq-${commit:0:12} with $added reports"
}

append() {
    local results="$1" commit attempt
    [[ -d $results ]] || die "$results: no such directory of results"
    commit=$(git rev-parse --verify --quiet "${2:-HEAD}^{commit}") || die "${2:-HEAD} is not a commit here"
    dir="$(mktemp -d "${TMPDIR:-/tmp}/perf-history.XXXXXX")" # global: the EXIT trap removes it
    rmdir "$dir"
    trap 'git worktree remove --force "$dir" >/dev/null 2>&1 || rm -rf "$dir"' EXIT
    for attempt in 1 2 3 4 5; do
        open_worktree "$dir"
        add_entry "$dir" "$results" "$commit" || return 0
        if [[ ${PUSH:-} != 1 || -z $remote ]]; then
            git branch --quiet -f "$branch" "$(git -C "$dir" rev-parse HEAD)" 2>/dev/null || true
            return 0
        fi
        git -C "$dir" push --quiet "$remote" "HEAD:refs/heads/$branch" && return 0
        note "push failed (attempt $attempt): another job pushed first; fetching and appending again"
        git worktree remove --force "$dir"
    done
    die "could not push $branch after 5 attempts"
}

checkout() {
    local dir="$1"
    [[ ! -e $dir ]] || die "$dir exists; give a new directory"
    open_worktree "$dir"
    say "perf-history: $branch checked out at $dir ($(find "$dir" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*-*' | wc -l) commits)"
}

case "${1:-}" in
    append) [[ $# -ge 2 && $# -le 3 ]] || die "usage: Scripts/perf-history.sh append RESULTS_DIR [COMMIT]"; append "$2" "${3:-}" ;;
    checkout) [[ $# -eq 2 ]] || die "usage: Scripts/perf-history.sh checkout DIR"; checkout "$2" ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' ;;
    *) die "usage: Scripts/perf-history.sh append RESULTS_DIR [COMMIT] | checkout DIR (see --help)" ;;
esac
