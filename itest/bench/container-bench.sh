#!/usr/bin/env bash
# Container figures for a built distribution, medians, one "name: value" line each (like pgbench):
#   first_start_ms   launch to ready line with an empty data directory: no framework cache, no class-data archive
#   clean_start_ms   the same with --clean: an empty framework cache, the class-data archive of earlier starts kept
#   restart_ms       launch to ready line with both (the usual restart)
#   rss_mb_after_ready, deploy_latency_ms (atomic rename into deploy/ to "bundle started"), shutdown_ms (SIGTERM to exit;
#   restarts only: the first stop also writes the class-data archive, reported as first_stop_ms)
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

# start [ARGS]: launches the container, waits for the ready line; sets pid, log, ready_ms
start() {
    log=$work/out.$RANDOM.log
    local t0; t0=$(now_ms)
    "$home/bin/symphainy" "$@" >"$log" 2>&1 &
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

first=() first_stops=() clean=() restart=() rss=() stops=()
for _ in $(seq "$starts"); do
    rm -rf "$SYMPHAINY_DATA"
    start; first+=("$ready_ms"); stop; first_stops+=("$stop_ms")
    start --clean; clean+=("$ready_ms"); stop; stops+=("$stop_ms")
    start; restart+=("$ready_ms"); sleep 1; rss+=("$(rss_mb)"); stop; stops+=("$stop_ms")
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
echo "first_start_ms: $(printf '%s\n' "${first[@]}" | median)"
echo "clean_start_ms: $(printf '%s\n' "${clean[@]}" | median)"
echo "restart_ms: $(printf '%s\n' "${restart[@]}" | median)"
echo "rss_mb_after_ready: $(printf '%s\n' "${rss[@]}" | median)"
echo "deploy_latency_ms: $(printf '%s\n' "${latency[@]}" | median)"
echo "shutdown_ms: $(printf '%s\n' "${stops[@]}" | median)"
echo "first_stop_ms: $(printf '%s\n' "${first_stops[@]}" | median)"
echo "samples: first=[${first[*]}] clean=[${clean[*]}] restart=[${restart[*]}] rss_mb=[${rss[*]}] deploy=[${latency[*]}] shutdown=[${stops[*]}] first_stop=[${first_stops[*]}]"
