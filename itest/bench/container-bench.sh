#!/usr/bin/env bash
# Container figures for a built distribution: start to ready (cold and warm), resident memory, deploy-folder latency,
# shutdown after SIGTERM. Prints one "name: value" line per figure (medians), like pgbench.
#
#   itest/bench/container-bench.sh [DISTRIBUTION_DIR] [STARTS] [DEPLOYS]
#
# DISTRIBUTION_DIR defaults to distribution/target/symphainy (build it with mvn -B verify first). It is copied to a
# temporary folder, so the benchmark never touches your own data/ or deploy/. Needs bash, GNU date, the JDK's jar tool.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dist=${1:-$here/../../distribution/target/symphainy}
starts=${2:-5}
deploys=${3:-10}
[ -x "$dist/bin/symphainy" ] || { echo "no distribution at $dist: run mvn -B verify first" >&2; exit 2; }

work=$(mktemp -d)
trap 'kill -9 "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$dist" "$work/home"
home=$work/home
port=$(( 20000 + RANDOM % 20000 ))
export SYMPHAINY_HTTP_PORT=$port SYMPHAINY_DATA=$work/data

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
log_ms() { date -d "$1" +%s%3N; }   # an ISO-8601 log timestamp in epoch milliseconds

# start: launches the container, waits for the ready line; sets pid, log, ready_ms
start() {
    log=$work/out.$RANDOM.log
    local t0; t0=$(now_ms)
    "$home/bin/symphainy" >"$log" 2>&1 &
    pid=$!
    until grep -qE ' ready in [0-9]+ ms' "$log"; do
        kill -0 "$pid" 2>/dev/null || { echo "container failed to start:" >&2; cat "$log" >&2; exit 1; }
        sleep 0.005
    done
    ready_ms=$(( $(now_ms) - t0 ))
}

# stop: SIGTERM, wait for exit; sets stop_ms
stop() {
    local t0; t0=$(now_ms)
    kill -TERM "$pid"
    wait "$pid" || { echo "container exited non-zero" >&2; exit 1; }
    stop_ms=$(( $(now_ms) - t0 ))
}

rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$pid/status"; }

cold=() warm=() rss=() stops=()
for _ in $(seq "$starts"); do
    rm -rf "$SYMPHAINY_DATA"
    start; cold+=("$ready_ms"); sleep 1; rss+=("$(rss_mb)"); stop; stops+=("$stop_ms")
    start; warm+=("$ready_ms"); stop; stops+=("$stop_ms")
done

# Deploy-folder latency: atomic rename into deploy/ until the log says the bundle started.
jars=$work/jars
mkdir -p "$jars"
for i in $(seq "$deploys"); do
    printf 'Manifest-Version: 1.0\nBundle-ManifestVersion: 2\nBundle-SymbolicName: org.acme.bench\nBundle-Version: 1.0.%d\n' "$i" >"$jars/m$i"
    jar --create --file "$jars/bench-$i.jar" --manifest "$jars/m$i"
done
rm -rf "$SYMPHAINY_DATA"
start
latency=()
for i in $(seq "$deploys"); do
    cp "$jars/bench-$i.jar" "$home/deploy/.bench.jar.tmp"
    t0=$(now_ms)
    mv "$home/deploy/.bench.jar.tmp" "$home/deploy/bench.jar"
    until line=$(grep -m1 "bundle started org.acme.bench 1.0.$i\$" "$log"); do sleep 0.005; done
    latency+=($(( $(log_ms "${line%% *}") - t0 )))
done
stop

echo "starts: $starts, deploys: $deploys, cores: $(nproc), java: $(java -version 2>&1 | head -1)"
echo "cold_start_ms: $(printf '%s\n' "${cold[@]}" | median)"
echo "warm_start_ms: $(printf '%s\n' "${warm[@]}" | median)"
echo "rss_mb_after_ready: $(printf '%s\n' "${rss[@]}" | median)"
echo "deploy_latency_ms: $(printf '%s\n' "${latency[@]}" | median)"
echo "shutdown_ms: $(printf '%s\n' "${stops[@]}" | median)"
echo "samples: cold=[${cold[*]}] warm=[${warm[*]}] rss_mb=[${rss[*]}] deploy=[${latency[*]}] shutdown=[${stops[*]}]"
