#!/usr/bin/env bash
# `make perf-distributed`: loadgen split over 4 workers, each in its own network namespace, against
# loadgen-target in another, started by `loadgen coordinate` in a sixth; all joined by veth pairs to a bridge in
# a hub namespace (10.77.0.0/24; the host's own interfaces are not touched). Open model, 20,000 requests/s in
# all for 10 s. Checks: the merged sent count = the target's exact count (in flight at the end reported), the
# merged histogram = the bucket-wise sum of the shards', the achieved rate within ±1 %, the start skew between
# the shards ≤ 5 ms; then a second run with a worker killed mid-run must end with the abort naming it and a
# partial report. Every namespace is removed on exit (trap), failure included. Needs root and `ip netns`;
# skips (exit 0) with the reason otherwise. Writes perf/results/distributed/. Exit 0 pass, 1 a check failed,
# 2 setup failed. Settings: DIST_RATE (20000), DIST_DURATION (10s), DIST_WORKERS (4).
set -euo pipefail
cd "$(dirname "$0")/.."
tool_name=perf-distributed
# shellcheck source=Scripts/lib/output.sh
source Scripts/lib/output.sh

rate="${DIST_RATE:-20000}" duration="${DIST_DURATION:-10s}" workers="${DIST_WORKERS:-4}"
[[ $(id -u) -eq 0 ]] || { say "perf-distributed: skipped: network namespaces need root (run as root)"; exit 0; }
prefix="lgd$$"
if ! error=$(ip netns add "$prefix-probe" 2>&1); then
    say "perf-distributed: skipped: 'ip netns add' fails here: $error"
    exit 0
fi
ip netns del "$prefix-probe"

namespaces=() pids=()
cleanup() {
    local pid namespace
    for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    for namespace in "${namespaces[@]}"; do ip netns del "$namespace" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 2' INT TERM

say "==> building loadgen and loadgen-target (release, perf/.build/release)"
nice -n 19 Scripts/perf-tools.sh loadgen loadgen-target || die "the LoadGen build failed"
bin="$PWD/perf/.build/release"
out="perf/results/distributed"
rm -rf "$out" && mkdir -p "$out"

# The hub holds the bridge; every other namespace gets a veth pair into it and one address.
hub="$prefix-hub"
ip netns add "$hub" && namespaces+=("$hub")
ip -n "$hub" link add br0 type bridge && ip -n "$hub" link set br0 up && ip -n "$hub" link set lo up
join() { # join NAME ADDRESS: a namespace on the bridge
    local namespace="$prefix-$1"
    ip netns add "$namespace" && namespaces+=("$namespace")
    ip -n "$hub" link add "v-$1" type veth peer name eth0 netns "$namespace"
    ip -n "$hub" link set "v-$1" master br0 up
    ip -n "$namespace" addr add "$2/24" dev eth0
    ip -n "$namespace" link set eth0 up && ip -n "$namespace" link set lo up
}
join target 10.77.0.2 && join coord 10.77.0.3
for ((i = 0; i < workers; i++)); do join "w$i" "10.77.0.$((10 + i))"; done

# run NAME [KILL_SHARD]: target, coordinator and workers; with KILL_SHARD, that worker is killed 4 s after start.
run() {
    local name="$1" victim="${2:-}" dir="$out/$1" i status
    mkdir -p "$dir/shards"
    ip netns exec "$prefix-target" "$bin/loadgen-target" --host 10.77.0.2 --port 8080 --lifetime 90s \
        >"$dir/target.log" 2>&1 &
    local target=$! && pids+=("$target")
    ip netns exec "$prefix-coord" "$bin/loadgen" coordinate --workers "$workers" --listen 10.77.0.3:7000 \
        --run-id "$name" --ready-timeout 30s --run-timeout 60s --json "$dir/merged.json" \
        --shard-reports "$dir/shards" >"$dir/coordinator.log" 2>"$dir/coordinator.err" &
    local coordinator=$! && pids+=("$coordinator")
    local shard_pids=()
    for ((i = 0; i < workers; i++)); do
        ip netns exec "$prefix-w$i" "$bin/loadgen" --shard "$i/$workers" --coordinator 10.77.0.3:7000 \
            --run-id "$name" --coordinator-timeout 30s --rate "$rate" -d "$duration" -c 64 -t 1 --allow-remote \
            --no-progress http://10.77.0.2:8080/ >"$dir/worker-$i.log" 2>&1 &
        shard_pids+=($!) && pids+=($!)
    done
    if [[ -n $victim ]]; then
        # The start is 1 s after the last worker is ready: wait for it in the coordinator's log, then 4 s more.
        for _ in $(seq 100); do grep -q "start:" "$dir/coordinator.log" 2>/dev/null && break; sleep 0.1; done
        sleep 5
        kill -9 "${shard_pids[$victim]}" 2>/dev/null || true
    fi
    status=0 && wait "$coordinator" || status=$?
    for i in "${shard_pids[@]}"; do wait "$i" 2>/dev/null || true; done
    kill -TERM "$target" 2>/dev/null || true
    wait "$target" 2>/dev/null || true
    echo "$status" >"$dir/status"
    cat "$dir/coordinator.log" "$dir/coordinator.err"
}

say "==> run 1: $workers workers, $rate requests/s in all for $duration"
run full
say "==> run 2: the same, shard 2 killed 4 s into the run"
run abort 2

say "==> checks"
python3 - "$out" "$rate" <<'EOF'
import json, re, sys
out, rate = sys.argv[1], float(sys.argv[2])
failed = []
def check(ok, text):
    print(("ok     " if ok else "FAILED ") + text)
    ok or failed.append(text)
def status(name): return int(open(f"{out}/{name}/status").read())
def sidecar(path): return json.load(open(path))["loadgen"]
merged = sidecar(f"{out}/full/merged.json")
result = next(iter(merged["results"].values()))
counts, distributed = result["counts"], merged["distributed"]
received = int(re.search(r"loadgen-target: (\d+) requests", open(f"{out}/full/target.log").read()).group(1))
check(status("full") == 0, f"run 1: the coordinator exited {status('full')}")
check(counts["sent"] + counts["warmupSent"] == received,
      f"merged sent {counts['sent']} = the target's exact count {received}"
      f" (in flight at the end: {counts['abandoned']} abandoned, {counts['drained']} drained)")
shards = [sidecar(f"{out}/full/shards/shard-{i}.json") for i in distributed["received"]]
total = {}
for shard in shards:
    buckets = next(iter(shard["results"].values()))["latency"]["buckets"]
    for index, count in zip(buckets[0::2], buckets[1::2]): total[index] = total.get(index, 0) + count
flat = result["latency"]["buckets"]
check(dict(zip(flat[0::2], flat[1::2])) == total and len(shards) == distributed["shards"],
      f"merged histogram = bucket-wise sum of {len(shards)} shards' ({sum(total.values())} values)")
achieved = counts["completedInWindow"] / (result["windowNs"] / 1e9)
check(abs(achieved / rate - 1) <= 0.01, f"achieved {achieved:.1f} requests/s, {100 * (achieved / rate - 1):+.2f} %"
      f" of {rate:.0f} (±1 %); dropped {counts['dropped']}, late {counts['late']}")
skew = distributed["startSkewNs"]
check(skew is not None and skew <= 5_000_000, f"start skew {skew / 1e6 if skew is not None else 'none'} ms (≤ 5 ms)")
aborted = sidecar(f"{out}/abort/merged.json")["distributed"]
message = open(f"{out}/abort/coordinator.err").read()
check(status("abort") == 1 and "shard 2 failed during the run" in message,
      f"run 2: exit {status('abort')}, abort message: {message.strip().splitlines()[0] if message else 'none'}")
check(aborted["partial"] and 2 not in aborted["received"],
      f"run 2: partial report of shards {aborted['received']}, suite {json.load(open(f'{out}/abort/merged.json'))['suite']}")
sys.exit(1 if failed else 0)
EOF
