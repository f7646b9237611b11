#!/usr/bin/env bash
# SSE fan-out of one execution's updates to many subscribers, against a built distribution, one "name: value" line each:
#   sse_subscribers / sse_connected   subscribers opened on GET /api/v1/executions/{id}/events / that got the current state
#   sse_all_delivered                  subscribers that received the execution's COMPLETED update
#   sse_fanout_p50_ms / _p99_ms / _max_ms   from the approval request that lets the held execution run to each
#                                      subscriber's COMPLETED event (the approval's own governance and WAL write included)
#   container_rss_mb                   the container's resident memory with every subscriber connected
#
#   itest/bench/sse-fanout-bench.sh [DISTRIBUTION_DIR] [SUBSCRIBERS]
#
# The execution is a platform.echo held for a second principal's approval (a policy rule in the copy's data directory);
# the approver is a second administrator signed in with an HS256 JWT (a secret made for this run, in the copy's etc/).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dist=${1:-$here/../../distribution/target/symphainy}
subscribers=${2:-1000}
[ -x "$dist/bin/symphainy" ] || { echo "no distribution at $dist: run mvn -B verify first" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

work=$(mktemp -d)
trap 'kill -TERM "${pid:-0}" 2>/dev/null || true; wait "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$dist" "$work/home"
port=$(( 20000 + RANDOM % 20000 ))
export SYMPHAINY_HTTP_PORT=$port SYMPHAINY_DATA=$work/data
secret=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
printf 'quotas = system=unlimited\ninFlightQuotas = system=unlimited\n' > "$work/home/etc/org.symphainy.citymanager.cfg"
printf '.jwtHmacSecret = %s\n' "$secret" > "$work/home/etc/org.symphainy.securityguard.cfg"
mkdir -p "$work/data/city-manager"
cat > "$work/data/city-manager/policies.json" <<JSON
{"rules": [
  {"id": "held-echo", "effect": "approve", "intent": "platform.echo", "tenant": "system", "when": "has(payload.hold)",
   "reason": "the bench holds this echo for a second administrator"},
  {"id": "admins", "effect": "allow", "intent": "platform.*", "tenant": "system", "when": "'admin' in principal.roles"}
]}
JSON

"$work/home/bin/symphainy" > "$work/out.log" 2>&1 &
pid=$!
until grep -qE ' ready in [0-9]+ ms' "$work/out.log"; do
    kill -0 "$pid" 2>/dev/null || { echo "container failed to start:" >&2; cat "$work/out.log" >&2; exit 1; }
    sleep 0.05
done
for _ in $(seq 100); do   # the REST whiteboard comes up just after the ready line
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/sessions/current" || true)
    [ "$code" = 401 ] && break
    sleep 0.1
done
java "$here/SseFanout.java" "$port" "$work/data/admin.key" "$secret" "$subscribers" "$pid"
