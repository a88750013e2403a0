#!/usr/bin/env bash
# Smoke-tests irsp-web/target/irsp-server.jar, the runnable artefact `mvn package` builds: started with java -jar
# (its settings from a --systemproperties file, as docs/OPERATIONS.md shows), ready, a user registered, logged
# in, bound, heartbeating and logged out with the CLI, then stopped by SIGTERM within two minutes. Ports 18180
# (HTTP), 13890 (AddrProbe), 16171 (broker) on 127.0.0.1; a scratch directory, removed after (KEEP_WORK=1 keeps it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR="$ROOT/irsp-web/target/irsp-server.jar"
CLI="$ROOT/irsp-cli/target/irsp.jar"
WORK=$(mktemp -d /tmp/irsp-jar.XXXXXX)
HTTP=18180; PROBE=13890; BROKER=16171
server=""
fail() { echo "SERVER JAR SMOKE TEST FAILED: $*"; tail -n 40 "$WORK/server.log" 2>/dev/null || true; exit 1; }
cleanup() {
  if [ -n "$server" ]; then kill -KILL "$server" 2>/dev/null || true; fi
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
for f in "$JAR" "$CLI"; do [ -f "$f" ] || fail "missing $f: run 'mvn verify' first"; done

cat > "$WORK/irsp.properties" <<PROPS
irsp.dataDir=$WORK/data
irsp.broker.port=$BROKER
irsp.artemis.dataDir=$WORK/data/artemis
irsp.artemis.acceptor=tcp://127.0.0.1:$BROKER?protocols=CORE
irsp.nat.probePort=$PROBE
irsp.tls.allowPlainHttp=true
PROPS
echo "starting java -jar irsp-server.jar"
(cd "$WORK" && exec java -Xmx1g -jar "$JAR" --port "$HTTP" --systemproperties "$WORK/irsp.properties" > "$WORK/server.log" 2>&1) &
server=$!
ready=""
for _ in $(seq 1 600); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP/health/ready")" = 200 ]; then ready=1; break; fi
  kill -0 "$server" 2>/dev/null || fail "the server ended"
  sleep 0.5
done
[ -n "$ready" ] || fail "not ready within 300 s"
health=$(curl -s "http://127.0.0.1:$HTTP/health/ready")
for check in application database broker; do
  echo "$health" | grep -q "\"name\":\"$check\",\"status\":\"UP\"" || fail "readiness has no $check UP: $health"
done
[ -d "$WORK/data/db" ] || fail "the database is not under irsp.dataDir"

cli() { IRSP_PASSWORD='Tr0ub4dor&3' timeout 60 java -jar "$CLI" --server "http://127.0.0.1:$HTTP" "$@"; }
cli register-user jar-user > "$WORK/smoke.log" || fail "registration: $(cat "$WORK/smoke.log")"
cli check --user jar-user >> "$WORK/smoke.log" || fail "login/bind/heartbeat/logout: $(cat "$WORK/smoke.log")"
sed 's/^/  /' "$WORK/smoke.log"

echo "stopping (SIGTERM)"
kill -TERM "$server"
for _ in $(seq 1 240); do kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
kill -0 "$server" 2>/dev/null && fail "still running 120 s after SIGTERM"
server=""
echo "SERVER JAR SMOKE TEST PASSED"
