#!/usr/bin/env bash
# HTTP figures for a built distribution (fsync durability, the real governance roles), one "name: value" line each:
#   http_intents_per_s        POST /api/v1/intents (platform.echo) answered 202, per second, over the run
#   http_submit_p50_ms / _p99_ms   latency of those requests as wrk measures them
#   http_non_202              responses that were not 202 (must be 0)
#
#   itest/bench/http-bench.sh [DISTRIBUTION_DIR] [SECONDS] [CONNECTIONS] [THREADS] [WARMUP_SECONDS]
#
# The timed run follows a warm-up of WARMUP_SECONDS (default 30) under the same load, which is not measured: the first
# seconds of a fresh JVM measure the JIT compiler, not the platform.
# Needs wrk (Debian: apt-get install wrk) and curl. The distribution is copied to a temporary folder; the bootstrap
# administrator signs in with data/admin.key, and the City Manager's rate and in-flight quotas of tenant 'system' are
# lifted in that copy's etc/ (the default quota, 100 intents/s, would measure the quota, not the platform).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dist=${1:-$here/../../distribution/target/symphainy}
seconds=${2:-20}
connections=${3:-64}
threads=${4:-2}
warmup=${5:-30}
[ -x "$dist/bin/symphainy" ] || { echo "no distribution at $dist: run mvn -B verify first" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }

work=$(mktemp -d)
trap 'kill -TERM "${pid:-0}" 2>/dev/null || true; wait "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$dist" "$work/home"
port=$(( 20000 + RANDOM % 20000 ))
# a fresh copy's first start records the class-data-sharing archive (-XX:ArchiveClassesAtExit), a mode that also
# turns off Flight Recorder (JAVA_OPTS=-XX:StartFlightRecording=...): measure without it
export SYMPHAINY_HTTP_PORT=$port SYMPHAINY_DATA=$work/data SYMPHAINY_CDS=off
printf 'quotas = system=unlimited\ninFlightQuotas = system=unlimited\n' > "$work/home/etc/org.symphainy.citymanager.cfg"

: > "$work/out.log"   # before the start: the loop below reads it at once
"$work/home/bin/symphainy" > "$work/out.log" 2>&1 &
pid=$!
until grep -qE ' ready in [0-9]+ ms' "$work/out.log"; do
    kill -0 "$pid" 2>/dev/null || { echo "container failed to start:" >&2; cat "$work/out.log" >&2; exit 1; }
    sleep 0.05
done
base=http://127.0.0.1:$port/api/v1
key=$(cat "$SYMPHAINY_DATA/admin.key")
for _ in $(seq 100); do   # the REST whiteboard comes up just after the ready line
    code=$(curl -s -o /dev/null -w '%{http_code}' "$base/sessions/current" || true)
    [ "$code" = 401 ] && break
    sleep 0.1
done
token=$(curl -sf -X POST -H "Authorization: Bearer $key" "$base/sessions" | sed -E 's/.*"token" *: *"([^"]+)".*/\1/')
[ -n "$token" ] || { echo "could not sign in" >&2; exit 1; }

cat > "$work/submit.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"type": "platform.echo", "payload": {"hello": "http"}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
-- each wrk thread runs its own Lua state: count per thread, sum in done() through the thread objects
threads = {}
setup = function(thread) table.insert(threads, thread) end
non202 = 0
response = function(status, headers, body)
  if status ~= 202 then non202 = non202 + 1 end
end
done = function(summary, latency, requests)
  local others = 0
  for _, thread in ipairs(threads) do others = others + thread:get("non202") end
  io.write(string.format("http_non_202: %d\n", others))
  io.write(string.format("http_intents_per_s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("http_submit_p50_ms: %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("http_submit_p99_ms: %.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("http_requests: %d\n", summary.requests))
  io.write(string.format("http_errors: %d\n", summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout))
end
LUA
# a fresh JVM runs interpreted code at first: warm it up (same load, not measured) before the timed run
wrk -t"$threads" -c"$connections" -d"${warmup}s" -s "$work/submit.lua" "$base/intents" > /dev/null
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$work/submit.lua" "$base/intents" > "$work/wrk.out"
grep -E '^http_' "$work/wrk.out"
echo "connections: $connections, threads: $threads, seconds: $seconds, cores: $(nproc)"
