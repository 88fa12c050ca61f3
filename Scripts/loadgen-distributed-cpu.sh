#!/usr/bin/env bash
# The bar of issue #19: `loadgen coordinate` with 4 local workers on loopback adds <= 1 % CPU per request over a
# single process at the same total rate. Bounded in time; every address is on 127.0.0.1.
#
# Usage: Scripts/loadgen-distributed-cpu.sh [ROUNDS [SECONDS [RATE [CONNECTIONS [THREADS]]]]]
#        (defaults: 5 rounds of 10 s at 20000 requests/s, 50 connections, 1 thread per loadgen process)
#
# loadgen-target (1 thread) runs on CPU 0 with --lifetime; every loadgen process on CPU 1. Per round, in rotating
# order, each an open-model run of SECONDS at RATE in total against the target:
#   single        one `loadgen -c CONNECTIONS -t THREADS --rate RATE`
#   coordinated   `loadgen coordinate --workers 4` and 4 workers `--shard I/4 --coordinator` (the same flags: rate
#                 and connections are split exactly), start delay 1 s
#   metrics       the same with `coordinate --metrics-port 0`: the workers send their live figures every second
#                 (nothing scrapes; the bar is judged on `coordinated`, this column shows what the figures cost)
#   split         the same 4 shards without a coordinator (`--start-at` 2 s ahead): what splitting one process
#                 into 4 costs by itself, so that coordinated - split is what the coordination adds
# CPU is whole-process user + sys from /usr/bin/time, of every loadgen process (the coordinator included), from
# exec to exit: start-up, the clock round trips, the start barrier, the run, the grace period, the report. Divided
# by the responses of the (merged) report. Beside it, the worker threads' own CPU in the measured window (the
# report's clientCpuNs) per request, and the coordinator's whole CPU, to tell fixed costs from per-request ones.
# Prints each round, then the median ratio coordinated/single with its spread (min-max over rounds).
# Needs a release build of LoadGen (built here), /usr/bin/time, taskset, timeout, python3.
# Exit status: 0 the bar met, 1 missed, 2 setup failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
seconds="${2:-10}"
rate="${3:-20000}"
connections="${4:-50}"
threads="${5:-1}"
for value in "$rounds" "$seconds" "$rate" "$connections" "$threads"; do
    [[ "$value" =~ ^[1-9][0-9]*$ ]] || {
        echo "usage: $0 [ROUNDS [SECONDS [RATE [CONNECTIONS [THREADS]]]]] (whole numbers above 0)" >&2
        exit 2
    }
done
(( seconds <= 120 && rounds <= 50 )) || { echo "loadgen-distributed-cpu: at most 50 rounds of 120 s" >&2; exit 2; }
for command in /usr/bin/time taskset timeout python3; do
    command -v "$command" >/dev/null 2>&1 || { echo "loadgen-distributed-cpu: $command is missing" >&2; exit 2; }
done

(cd "$root/Packages/LoadGen" && nice -n 19 swift build -c release --static-swift-stdlib >/dev/null) \
    || { echo "loadgen-distributed-cpu: the release build failed" >&2; exit 2; }
bin="$root/Packages/LoadGen/.build/release"

work="$(mktemp -d /tmp/loadgen-distributed-cpu.XXXXXX)"
target_pid=""
cleanup() {
    [[ -n "$target_pid" ]] && kill "$target_pid" 2>/dev/null && wait "$target_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# Bounded: the target lives at most as long as every round could take.
lifetime=$(( rounds * 4 * (seconds + 20) + 60 ))
taskset -c 0 "$bin/loadgen-target" --port 0 --threads 1 --lifetime "${lifetime}s" >"$work/target.out" 2>&1 &
target_pid=$!
port=""
for _ in $(seq 100); do
    port="$(grep -o '127\.0\.0\.1:[0-9]*' "$work/target.out" 2>/dev/null | head -1 | cut -d: -f2 || true)"
    [[ -n "$port" ]] && break
    sleep 0.1
done
[[ -n "$port" ]] || { echo "loadgen-distributed-cpu: loadgen-target did not start" >&2; exit 2; }
url="http://127.0.0.1:$port/"
limit=$(( seconds + 60 ))
load=(--no-progress -c "$connections" -t "$threads" -d "${seconds}s" --rate "$rate")

# timed NAME COMMAND...: runs COMMAND on CPU 1 under /usr/bin/time (user and sys seconds, voluntary and
# involuntary context switches into NAME.time).
timed() {
    local name="$1"
    shift
    timeout "$limit" /usr/bin/time -f "%U %S %w %c" -o "$work/$name.time" taskset -c 1 "$@" >"$work/$name.out" 2>&1
}

# single ROUND
single() {
    timed "single-$1" "$bin/loadgen" "${load[@]}" --json "$work/single-$1.json" "$url"
}

# coordinated NAME ROUND [COORDINATOR FLAGS...]
coordinated() {
    local name="$1" round="$2" out listen=""
    shift 2
    out="$work/$name-$round"
    timed "$name-$round-coordinator" "$bin/loadgen" coordinate --workers 4 --listen 127.0.0.1:0 \
        --start-delay 1s --ready-timeout 30s --json "$out.json" "$@" &
    local coordinator=$!
    for _ in $(seq 200); do
        listen="$(grep -o 'listening on 127\.0\.0\.1:[0-9]*' "$work/$name-$round-coordinator.out" 2>/dev/null |
            cut -d: -f2 || true)"
        [[ -n "$listen" ]] && break
        sleep 0.05
    done
    [[ -n "$listen" ]] || { echo "loadgen-distributed-cpu: the coordinator did not listen" >&2; exit 2; }
    local index workers=()
    for index in 0 1 2 3; do
        timed "$name-$round-worker-$index" "$bin/loadgen" "${load[@]}" --shard "$index/4" \
            --coordinator "127.0.0.1:$listen" "$url" &
        workers+=($!)
    done
    local status=0
    for pid in "${workers[@]}" "$coordinator"; do wait "$pid" || status=$?; done
    (( status == 0 )) || { echo "loadgen-distributed-cpu: $name round $round failed ($status)" >&2; exit 2; }
}

# split ROUND: the 4 shards alone, started together by the clock.
split() {
    local at index workers=()
    at="$(date -u -d '+2 seconds' +%Y-%m-%dT%H:%M:%SZ)"
    for index in 0 1 2 3; do
        timed "split-$1-worker-$index" "$bin/loadgen" "${load[@]}" --shard "$index/4" --start-at "$at" \
            --json "$work/split-$1-worker-$index.json" "$url" &
        workers+=($!)
    done
    local status=0
    for pid in "${workers[@]}"; do wait "$pid" || status=$?; done
    (( status == 0 )) || { echo "loadgen-distributed-cpu: split round $1 failed ($status)" >&2; exit 2; }
}

names=(single coordinated metrics split)
for ((round = 0; round < rounds; round++)); do
    for ((slot = 0; slot < ${#names[@]}; slot++)); do
        case "${names[(slot + round) % ${#names[@]}]}" in
        single) single "$round" ;;
        coordinated) coordinated coordinated "$round" ;;
        metrics) coordinated metrics "$round" --metrics-port 0 ;;
        split) split "$round" ;;
        esac
    done
done

python3 - "$work" "$rounds" "$seconds" "$rate" "$connections" "$threads" <<'PY'
import glob, json, os, statistics, sys
work, rounds, seconds, rate, connections, threads = sys.argv[1], *map(int, sys.argv[2:])

def cpu(path):
    user, system = map(float, open(path).read().split()[-4:-2])
    return (user + system) * 1e6  # microseconds

def switches(path):
    return sum(map(int, open(path).read().split()[-2:]))

def report(path):
    sidecar = next(iter(json.load(open(path))["loadgen"]["results"].values()))
    return sidecar["counts"]["completed"], sidecar["counts"]["clientCpuNs"] / 1e3

def reports(pattern):
    parts = [report(path) for path in glob.glob(pattern)]
    return sum(p[0] for p in parts), sum(p[1] for p in parts)

rows = {}
for round_ in range(rounds):
    completed, window = reports(f"{work}/split-{round_}-worker-*.json")
    workers = sum(cpu(path) for path in glob.glob(f"{work}/split-{round_}-worker-*.time"))
    wakes = sum(switches(path) for path in glob.glob(f"{work}/split-{round_}-worker-*.time"))
    rows.setdefault("split", []).append(
        dict(cpu=workers, completed=completed, window=window, coordinator=0.0, switches=wakes))
    completed, window = report(f"{work}/single-{round_}.json")
    rows.setdefault("single", []).append(
        dict(cpu=cpu(f"{work}/single-{round_}.time"), completed=completed, window=window, coordinator=0.0,
             switches=switches(f"{work}/single-{round_}.time")))
    for name in ("coordinated", "metrics"):
        completed, window = report(f"{work}/{name}-{round_}.json")
        workers = sum(cpu(path) for path in glob.glob(f"{work}/{name}-{round_}-worker-*.time"))
        coordinator = cpu(f"{work}/{name}-{round_}-coordinator.time")
        wakes = sum(switches(path) for path in glob.glob(f"{work}/{name}-{round_}-*.time"))
        rows.setdefault(name, []).append(
            dict(cpu=workers + coordinator, completed=completed, window=window, coordinator=coordinator,
                 switches=wakes))

def per_request(row, key="cpu"):
    return row[key] / max(row["completed"], 1)

print(f"loadgen on loopback: {rate} requests/s in total for {seconds} s, {connections} connections, {threads} "
      f"thread(s) per process; {rounds} interleaved rounds")
print("per round: whole-process CPU µs/request (responses)")
names = ("single", "split", "coordinated", "metrics")
for name in names:
    cells = [f"{per_request(row):.3f} ({row['completed']})" for row in rows[name]]
    print(f"  {name:<12}" + "  ".join(cells))
print(f"{'':<12}{'CPU µs/req':>12}{'window µs/req':>15}{'coordinator ms':>16}{'switches/req':>14}"
      f"{'responses':>11}")
for name in names:
    print(f"{name:<12}{statistics.median(per_request(r) for r in rows[name]):>12.3f}"
          f"{statistics.median(per_request(r, 'window') for r in rows[name]):>15.3f}"
          f"{statistics.median(r['coordinator'] for r in rows[name]) / 1e3:>16.1f}"
          f"{statistics.median(per_request(r, 'switches') for r in rows[name]):>14.3f}"
          f"{statistics.median(r['completed'] for r in rows[name]):>11.0f}")

def ratios(name, key="cpu"):
    return [per_request(b, key) / per_request(a, key) for a, b in zip(rows["single"], rows[name])]

for name in ("split", "coordinated", "metrics"):
    whole, window = ratios(name), ratios(name, "window")
    print(f"{name}/single  whole process {statistics.median(whole):.4f}x (rounds {min(whole):.4f}-{max(whole):.4f}), "
          f"worker threads in the window {statistics.median(window):.4f}x ({min(window):.4f}-{max(window):.4f})")
def versus_split(name):
    return [per_request(c) / per_request(s) for s, c in zip(rows["split"], rows[name])]

for name in ("coordinated", "metrics"):
    ratio = versus_split(name)
    print(f"{name}/split  whole process {statistics.median(ratio):.4f}x (rounds {min(ratio):.4f}-{max(ratio):.4f}): "
          "what coordinating the same 4 shards adds")
added = statistics.median(ratios("coordinated")) - 1
met = added <= 0.01
print(f"bar: coordinate with 4 local workers adds {added * 100:+.2f} % CPU per request (<= 1 %): "
      f"{'met' if met else 'NOT MET'}")
sys.exit(0 if met else 1)
PY
