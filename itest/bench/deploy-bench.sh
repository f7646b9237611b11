#!/usr/bin/env bash
# Hot-deployment figures for a built distribution, every governance role on (see DeployBench.java for the output):
#
#   itest/bench/deploy-bench.sh drop   [DISTRIBUTION_DIR] [RUNS]             drop-to-intent-callable through deploy/
#   itest/bench/deploy-bench.sh admin  [DISTRIBUTION_DIR] [RUNS]             the same through POST /admin/v1/bundles
#   itest/bench/deploy-bench.sh update [DISTRIBUTION_DIR] [RATE] [SECONDS]   an update under RATE test.greet/s
#
# The distribution is copied to a temporary folder and started; the bootstrap administrator signs in, the City
# Manager's quotas of tenant 'system' are lifted and a policy allows the administrator test.* intents (the secure
# default allows platform.* only). The itest handler bundle (test.greet) is the deployed solution.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
mode=${1:?mode: drop, admin or update}
dist=${2:-$here/../../distribution/target/symphainy}
handler=$(ls "$here"/../handler-bundle/target/symphainy-itest-handler-[0-9]*.jar 2>/dev/null | head -1)
[ -x "$dist/bin/symphainy" ] || { echo "no distribution at $dist: run mvn -B verify first" >&2; exit 2; }
[ -n "$handler" ] || { echo "no itest handler bundle: run mvn -B install -pl itest/handler-bundle first" >&2; exit 2; }

work=$(mktemp -d)
trap 'kill -TERM "${pid:-0}" 2>/dev/null || true; wait "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$dist" "$work/home"
port=$(( 20000 + RANDOM % 20000 ))
export SYMPHAINY_HTTP_PORT=$port SYMPHAINY_DATA=$work/data SYMPHAINY_CDS=off
printf 'quotas = system=unlimited\ninFlightQuotas = system=unlimited\n' > "$work/home/etc/org.symphainy.citymanager.cfg"
mkdir -p "$SYMPHAINY_DATA/city-manager"
cat > "$SYMPHAINY_DATA/city-manager/policies.json" <<'JSON'
{"rules": [
  {"id": "admin-platform", "effect": "allow", "intent": "platform.*", "tenant": "system",
   "when": "'admin' in principal.roles && principal.tenant == 'system'", "reason": "the administrator runs platform intents"},
  {"id": "admin-test", "effect": "allow", "intent": "test.*", "tenant": "system",
   "when": "'admin' in principal.roles && principal.tenant == 'system'", "reason": "the benchmark's test.greet"}
]}
JSON

: > "$work/out.log"
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
sleep 2   # let the container settle (JIT, first requests) before measuring

case "$mode" in
    drop)   java "$here/DeployBench.java" drop "$base" "$token" "$work/home/deploy" "$handler" "$work/out.log" "${3:-10}" ;;
    admin)  java "$here/DeployBench.java" admin "$base" "$token" "$handler" "$work/out.log" "${3:-10}" ;;
    update) java "$here/DeployBench.java" update "$base" "$token" "$handler" "${3:-1000}" "${4:-30}"
            grep -E 'drain|drained|updated org.symphainy.itest.handler' "$work/out.log" | sed 's/^/container: /' ;;
    *) echo "mode: drop, admin or update" >&2; exit 2 ;;
esac
echo "cores: $(nproc), fileinstall poll: $(sed -n 's/^felix.fileinstall.poll *= *//p' "$work/home/etc/org.apache.felix.fileinstall-deploy.cfg") ms"
