#!/usr/bin/env bash
# Deploys IRSP the way an operator runs it on a full Payara Server 6 and smoke-tests it:
#
#   1. fetches fish.payara.distributions:payara (zip) through Maven and unpacks it into WORK;
#   2. creates a domain "irsp" whose listeners (HTTP, HTTPS, admin, IIOP, JMX, data grid) are all on
#      127.0.0.1, at port base PORTBASE (default 28000: admin 28048, HTTP 28080);
#   3. defines jdbc/irsp (the domain's H2 pool, AUTO_SERVER off), points the resource adapter at the
#      embedded broker's port, deploys irsp-ra.rar and then irsp-ear/target/irsp.ear with asadmin;
#   4. registers a user over REST, logs in, binds a WebSocket, heartbeats and logs out with the CLI,
#      and checks that the admin console answers and lists the application;
#   5. stops the domain and removes WORK (KEEP_WORK=1 keeps it, with the server log).
#
# Needs the artifacts of `mvn verify` (or `mvn package`). Usage: scripts/payara-server-smoke.sh [PORTBASE]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=${PAYARA_VERSION:-6.2025.10}
BASE=${1:-28000}
ADMIN=$((BASE + 48)); HTTP=$((BASE + 80)); BROKER=$((BASE + 16)); PROBE=$((BASE + 17))
WORK=$(mktemp -d /tmp/irsp-payara.XXXXXX)
A="$WORK/payara6/bin/asadmin"
EAR=$ROOT/irsp-ear/target/irsp.ear
RAR=$ROOT/irsp-jms/target/irsp-ra.rar
GATE=$ROOT/irsp-web/target/irsp-readiness.war
CLI="$ROOT/irsp-cli/target/irsp.jar"

fail() { echo "PAYARA SERVER SMOKE TEST FAILED: $*"; [ -f "$WORK/server.log" ] || cp "$WORK"/payara6/glassfish/domains/irsp/logs/server.log "$WORK/server.log" 2>/dev/null || true; tail -n 60 "$WORK/server.log" 2>/dev/null || true; exit 1; }
cleanup() {
  [ -x "$A" ] && "$A" stop-domain irsp >/dev/null 2>&1 || true
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
# shellcheck source=smoke-lib.sh
. "$ROOT/scripts/smoke-lib.sh"
for f in "$EAR" "$RAR" "$CLI"; do [ -f "$f" ] || fail "missing $f: run 'mvn verify' first"; done

echo "fetching Payara Server $VERSION through Maven"
mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
  "-Dartifact=fish.payara.distributions:payara:$VERSION:zip" "-DoutputDirectory=$WORK"
unzip -q "$WORK/payara-$VERSION.zip" -d "$WORK"

echo "creating domain irsp on 127.0.0.1, port base $BASE"
"$A" create-domain --nopassword --portbase "$BASE" irsp > "$WORK/create-domain.log" || fail "create-domain"
XML="$WORK/payara6/glassfish/domains/irsp/config/domain.xml"
# every listener of the server config on loopback, before the first start
python3 - "$XML" <<'PY'
import re, sys
path = sys.argv[1]
xml = open(path).read()
def loopback(m):
    element = re.sub(r'\s+address="[^"]*"', '', m.group(0))
    return element.replace(m.group(1), m.group(1) + ' address="127.0.0.1"', 1)
xml = re.sub(r'(<(?:network-listener|iiop-listener|jmx-connector))\b[^>]*>', loopback, xml)
open(path, "w").write(xml)
PY
"$A" start-domain irsp > "$WORK/start.log" || fail "start-domain"
"$A" -p "$ADMIN" set-hazelcast-configuration --interfaces=127.0.0.1 >/dev/null
for option in -Dhazelcast.socket.bind.any=false -Dirsp.tls.allowPlainHttp=true -Dirsp.nat.probeAddress=127.0.0.1 \
    "-Dirsp.nat.probePort=$PROBE" "-Dirsp.artemis.dataDir=$WORK/artemis" \
    "-Dirsp.artemis.acceptor=tcp\\://127.0.0.1\\:$BROKER?protocols=CORE"; do
  "$A" -p "$ADMIN" create-jvm-options -- "$option" >/dev/null
done
"$A" -p "$ADMIN" set configs.config.server-config.jms-service.type=DISABLED >/dev/null
"$A" -p "$ADMIN" set 'resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:${com.sun.aas.instanceRoot}/lib/databases/irsp' >/dev/null
"$A" -p "$ADMIN" restart-domain irsp > "$WORK/restart.log" || fail "restart-domain"

echo "deploying the readiness gate, the resource adapter and the EAR"
"$A" -p "$ADMIN" deploy --deploymentorder 10 "$GATE" > "$WORK/deploy.log" 2>&1 || fail "deploy $GATE: $(tail -5 "$WORK/deploy.log")"
"$A" -p "$ADMIN" create-jdbc-resource --connectionpoolid H2Pool jdbc/irsp >/dev/null || fail "create-jdbc-resource"
"$A" -p "$ADMIN" create-resource-adapter-config --property "ConnectionParameters=host\\=127.0.0.1\\;port\\=$BROKER" irsp-ra >/dev/null \
  || fail "create-resource-adapter-config"
"$A" -p "$ADMIN" deploy "$RAR" >> "$WORK/deploy.log" 2>&1 || fail "deploy $RAR: $(tail -5 "$WORK/deploy.log")"
early=$(curl -s -w ' (HTTP %{http_code})' "http://127.0.0.1:$HTTP/health/ready")
[[ "$early" == *"(HTTP 503)" && "$early" == *'"application"'* ]] \
  || fail "readiness before IRSP is deployed should be DOWN by the gate's check, got: $early"
echo "  readiness with the adapter but not IRSP deployed: $early"
"$A" -p "$ADMIN" deploy "$EAR" >> "$WORK/deploy.log" 2>&1 || fail "deploy $EAR: $(tail -5 "$WORK/deploy.log")"

smoke_ready "http://127.0.0.1:$HTTP" 120
listeners=$(ss -ltnH | awk '{print $4}' | grep -E ":($ADMIN|$HTTP|$((BASE + 81)))$" || true)
! echo "$listeners" | grep -qvE '^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]):' || fail "a listener is not on loopback: $listeners"

echo "smoke test over REST and WebSocket"
smoke_round_trip "http://127.0.0.1:$HTTP" smoke-user "$WORK/smoke.log"
https=$(curl -sk -o /dev/null -w '%{http_code} %{content_type}' "https://127.0.0.1:$((BASE + 81))/irsp/api/v1/ready-probe")
[[ "$https" == "404 application/json"* ]] || fail "HTTPS on $((BASE + 81)) does not reach IRSP: $https"
echo "  HTTPS listener $((BASE + 81)) answers with IRSP's JSON (the domain's certificate)"

echo "admin console"
# The console is deployed lazily on its first request and answers 200 with a "loading" page until
# it is ready, so wait (bounded) for its login form rather than for the first 200.
console=""
for _ in $(seq 1 120); do
  console=$(curl -s -m 10 "http://127.0.0.1:$ADMIN/" || true)
  [ -n "${SMOKE_DEBUG:-}" ] && echo "    console: $(head -c 200 <<<"$console" | tr "\n" " ")"
  grep -qi 'j_security_check' <<<"$console" && break
  sleep 1
done
grep -qi 'j_security_check' <<<"$console" \
  || fail "the admin console on $ADMIN shows no login form after 120 s: $(head -c 300 <<<"$console")"
curl -s -H 'Accept: application/json' "http://127.0.0.1:$ADMIN/management/domain/applications/application" \
  | grep -q '"irsp"' || fail "the console's REST interface does not list the application irsp"
echo "  console on http://127.0.0.1:$ADMIN lists: $("$A" -p "$ADMIN" list-applications | grep -E '^irsp' | tr '\n' ' ')"
echo "PAYARA SERVER SMOKE TEST PASSED: irsp.ear on Payara Server $VERSION, REST and WebSocket answered"
