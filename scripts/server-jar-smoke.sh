#!/usr/bin/env bash
# Smoke-tests irsp-web/target/irsp-server.jar, the runnable artefact `mvn package` builds, twice: with its
# embedded defaults (H2 and the embedded broker under a data directory), then on PostgreSQL (127.0.0.1:5432,
# a scratch database) and an external Artemis (scripts/external-broker.sh), each chosen by its settings file as
# docs/OPERATIONS.md shows. Each run: java -jar, ready, a user registered, logged in, bound, heartbeating and
# logged out with the CLI, stopped by SIGTERM within two minutes. Ports 18180 (HTTP), 13890 (AddrProbe),
# 16171 and 16181 (brokers) on 127.0.0.1; a scratch directory, removed after (KEEP_WORK=1 keeps it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR="$ROOT/irsp-web/target/irsp-server.jar"
WORK=$(mktemp -d /tmp/irsp-jar.XXXXXX)
HTTP=18180; PROBE=13890; BROKER=16171; EXTERNAL=16181; DB=irsp_jar_smoke
URL="http://127.0.0.1:$HTTP"
server=""
log="$WORK/server.log"
fail() { echo "SERVER JAR SMOKE TEST FAILED: $*"; tail -n 40 "$log" 2>/dev/null || true; exit 1; }
# shellcheck source=smoke-lib.sh
. "$ROOT/scripts/smoke-lib.sh"
psql_admin() { psql -q -U postgres -h 127.0.0.1 -d postgres "$@"; }
cleanup() {
  if [ -n "$server" ]; then kill -KILL "$server" 2>/dev/null || true; fi
  bash "$ROOT/scripts/external-broker.sh" stop "$WORK/broker" >/dev/null 2>&1 || true
  psql_admin -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
for f in "$JAR" "$ROOT/irsp-cli/target/irsp.jar"; do [ -f "$f" ] || fail "missing $f: run 'mvn verify' first"; done

run() { # NAME SETTINGS-FILE USER
  log="$WORK/$1.log"
  echo "starting java -jar irsp-server.jar ($1)"
  (cd "$WORK" && exec java -Xmx1g -jar "$JAR" --port "$HTTP" --systemproperties "$2" > "$log" 2>&1) &
  server=$!
  smoke_ready "$URL" 300 kill -0 "$server"
  smoke_checks_up "$URL" application database broker
  smoke_round_trip "$URL" "$3" "$WORK/smoke.log"
  echo "stopping (SIGTERM)"
  kill -TERM "$server"
  for _ in $(seq 1 240); do kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$server" 2>/dev/null && fail "still running 120 s after SIGTERM"
  server=""
}

cat > "$WORK/embedded.properties" <<PROPS
irsp.dataDir=$WORK/data
irsp.broker.port=$BROKER
irsp.artemis.dataDir=$WORK/data/artemis
irsp.artemis.acceptor=tcp://127.0.0.1:$BROKER?protocols=CORE
irsp.nat.probePort=$PROBE
irsp.tls.allowPlainHttp=true
PROPS
run embedded "$WORK/embedded.properties" jar-user
[ -d "$WORK/data/db" ] || fail "the database is not under irsp.dataDir"

echo "an external broker and PostgreSQL"
bash "$ROOT/scripts/external-broker.sh" start "$WORK/broker" "$EXTERNAL" > "$WORK/broker.log" 2>&1 || fail "external broker: $(tail -5 "$WORK/broker.log")"
psql_admin -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" || fail "cannot make the database $DB"
cat > "$WORK/external.properties" <<PROPS
irsp.dataDir=$WORK/data2
irsp.artemis.embedded=false
irsp.broker.host=127.0.0.1
irsp.broker.port=$EXTERNAL
irsp.db.pool=PostgresPool
irsp.db.host=127.0.0.1
irsp.db.port=5432
irsp.db.name=$DB
irsp.db.user=postgres
irsp.db.password=postgres
irsp.nat.probePort=$PROBE
irsp.tls.allowPlainHttp=true
PROPS
run external "$WORK/external.properties" jar-user2
[ -d "$WORK/data2/artemis" ] && fail "an embedded broker journal was made although irsp.artemis.embedded=false"
[ "$(psql -tA -U postgres -h 127.0.0.1 -d "$DB" -c "select count(*) from irsp_account where id = 'jar-user2'")" = 1 ] \
  || fail "the user is not in PostgreSQL"
echo "SERVER JAR SMOKE TEST PASSED"
