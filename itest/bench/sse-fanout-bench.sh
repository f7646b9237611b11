#!/usr/bin/env bash
# SSE fan-out figures for a built distribution: one execution, many subscribers on GET /api/v1/executions/{id}/events.
#
#   itest/bench/sse-fanout-bench.sh [DISTRIBUTION_DIR] [SUBSCRIBERS] [PAUSE_MILLIS]
#
# The distribution is copied to a temporary folder, with the itest handler bundle (test.pause: waits, then echoes) in
# its deploy/. One test.pause execution is submitted; SseFanout.java (run by java's single-file launcher, one JVM,
# asynchronous bodies) subscribes SUBSCRIBERS clients while it waits, and prints the figures (see SseFanout.java):
# sse_subscribers, sse_all_delivered, sse_fanout_p50_ms / _p99_ms, sse_connect_ms, sse_container_rss_mb.
# Every subscriber is a socket at both ends: the open-file limit is raised to the hard limit for both JVMs.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dist=${1:-$here/../../distribution/target/symphainy}
subscribers=${2:-1000}
pause=${3:-8000}
handler=$(ls "$here"/../handler-bundle/target/symphainy-itest-handler-*.jar 2>/dev/null | head -1)
[ -x "$dist/bin/symphainy" ] || { echo "no distribution at $dist: run mvn -B verify first" >&2; exit 2; }
[ -n "$handler" ] || { echo "no itest handler bundle: run mvn -B install -pl itest/handler-bundle first" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -gt $(( subscribers + 500 )) ] \
    || { echo "open-file limit $(ulimit -n) is too low for $subscribers subscribers" >&2; exit 2; }

work=$(mktemp -d)
trap 'kill -TERM "${pid:-0}" 2>/dev/null || true; wait "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$dist" "$work/home"
cp "$handler" "$work/home/deploy/itest-handler.jar"
port=$(( 20000 + RANDOM % 20000 ))
# a fresh copy's first start records the class-data-sharing archive (-XX:ArchiveClassesAtExit), a mode that also
# turns off Flight Recorder (JAVA_OPTS=-XX:StartFlightRecording=...): measure without it
export SYMPHAINY_HTTP_PORT=$port SYMPHAINY_DATA=$work/data SYMPHAINY_CDS=off
printf 'quotas = system=unlimited\ninFlightQuotas = system=unlimited\n' > "$work/home/etc/org.symphainy.citymanager.cfg"
mkdir -p "$SYMPHAINY_DATA/city-manager"   # the secure default allows platform.* only: allow test.* to the administrator too
cat > "$SYMPHAINY_DATA/city-manager/policies.json" <<'JSON'
{"rules": [
  {"id": "admin-platform", "effect": "allow", "intent": "platform.*", "tenant": "system",
   "when": "'admin' in principal.roles && principal.tenant == 'system'", "reason": "the administrator runs platform intents"},
  {"id": "admin-test", "effect": "allow", "intent": "test.*", "tenant": "system",
   "when": "'admin' in principal.roles && principal.tenant == 'system'", "reason": "the benchmark's test.pause"}
]}
JSON

: > "$work/out.log"   # before the start: the loop below reads it at once
"$work/home/bin/symphainy" > "$work/out.log" 2>&1 &
pid=$!   # bin/symphainy execs java: this is the container's JVM
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
for _ in $(seq 100); do   # the handler bundle is picked up from deploy/ a moment after start
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"type":"test.pause","payload":{"millis":0}}' "$base/intents" || true)
    [ "$code" = 202 ] && break
    sleep 0.2
done
[ "$code" = 202 ] || { echo "test.pause is not deployed (last answer $code)" >&2; exit 1; }

java -Xss512k "$here/SseFanout.java" "$base" "$token" "$subscribers" "$pause" "$pid"
echo "subscribers: $subscribers, pause_ms: $pause, cores: $(nproc)"
