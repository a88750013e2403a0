#!/usr/bin/env bash
# Smoke-tests scripts/server.sh, the production way to run IRSP: a first start (which makes the
# class-data archive by a training start), a user registered, logged in, bound and heartbeating over
# REST and WebSocket with the CLI, a stop by SIGTERM, and a second start that maps the archive and still
# has the user; the first run also lints its /metrics (scripts/monitoring-check.sh). Ports 18080 (HTTP), 13880 (AddrProbe), 16161 (broker) on 127.0.0.1; a scratch data
# directory, removed after (KEEP_WORK=1 keeps it). Needs the CLI of `mvn verify` (irsp-cli/target/irsp.jar).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/irsp-server.XXXXXX)
HTTP=18080; PROBE=13880
CLI="$ROOT/irsp-cli/target/irsp.jar"
export IRSP_DATA="$WORK/data" IRSP_HTTP_PORT=$HTTP IRSP_PROBE_PORT=$PROBE IRSP_BROKER_PORT=16161 IRSP_TLS_ALLOWPLAINHTTP=true
server=""
fail() { echo "SERVER SCRIPT SMOKE TEST FAILED: $*"; tail -n 40 "$WORK/server.log" 2>/dev/null || true; exit 1; }
stop() {
  [ -n "$server" ] || return 0
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" || true
  server=""
}
cleanup() { stop; [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT
# shellcheck source=smoke-lib.sh
. "$ROOT/scripts/smoke-lib.sh"
[ -f "$CLI" ] || fail "missing the CLI ($CLI): run 'mvn verify' first"
start() { # bound-seconds
  bash "$ROOT/scripts/server.sh" > "$WORK/server.log" 2>&1 &
  server=$!
  smoke_ready "http://127.0.0.1:$HTTP" "$1" kill -0 "$server"
  # the readiness gate opens with the deployment; Payara logs its start time right after
  for _ in $(seq 1 120); do grep -q 'ready in' "$WORK/server.log" && return 0; sleep 0.5; done
  fail "ready, but no 'ready in' in the log within 60 s"
}
java_pid() { pgrep -f "^java .*$IRSP_DATA/payara/launch-micro.jar" | head -n1; }

echo "first start (makes the class-data archive)"
start 900
[ -f "$IRSP_DATA/payara/irsp.jsa" ] || fail "no class-data archive after the first start"
grep -q 'irsp.jsa' "/proc/$(java_pid)/maps" || fail "the server does not map the archive"
smoke_round_trip "http://127.0.0.1:$HTTP" smoke-user "$WORK/smoke.log"
bash "$ROOT/scripts/monitoring-check.sh" "http://127.0.0.1:$HTTP" > "$WORK/monitoring.log" 2>&1 \
  || fail "the monitoring check: $(cat "$WORK/monitoring.log")"
echo "  $(grep 'promtool check metrics' "$WORK/monitoring.log")"
stop
echo "second start (from the archive, on the same data)"
start 300
grep -q 'making the class-data archive' "$WORK/server.log" && fail "the second start made the archive again"
grep -q 'irsp.jsa' "/proc/$(java_pid)/maps" || fail "the second start does not map the archive"
smoke_cli "http://127.0.0.1:$HTTP" check --user smoke-user > "$WORK/smoke.log" || fail "the user did not survive the restart: $(cat "$WORK/smoke.log")"
echo "  $(grep -o 'ready in [0-9,]* (ms)' "$WORK/server.log"), RSS $(awk '/VmRSS/ {print $2, $3}' "/proc/$(java_pid)/status")"
stop
echo "SERVER SCRIPT SMOKE TEST PASSED"
