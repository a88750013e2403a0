#!/usr/bin/env bash
# An IRSP cluster on this machine (docs/CLUSTERING.md):
#
#   scripts/cluster.sh start N   start N nodes and return when every node's readiness is UP
#   scripts/cluster.sh stop      stop the nodes and the broker
#
# Node i (1..N) runs scripts/server.sh on 127.0.0.1 with HTTP/WebSocket port 8080+i, AddrProbe port 3880+i,
# data-grid port 6900+i and the name node<i>; the nodes find each other by an explicit member list (TCP
# discovery on loopback). They share PostgreSQL on 127.0.0.1:5432 (database irsp_cluster, created when
# missing; IRSP_DB_USER / IRSP_DB_PASSWORD, user postgres by default) and an external Artemis primary/backup
# pair (scripts/external-broker.sh start-pair: the primary on 127.0.0.1:61616, its backup on 61617, one
# shared journal; the nodes use whichever is active). Everything lives under IRSP_CLUSTER_DIR (./cluster):
# node<i>/ (data, node.log, server.pid) and broker/ (primary.pid, backup.pid, their logs). Other irsp.* settings pass as environment variables,
# as for scripts/server.sh (IRSP_TLS_ALLOWPLAINHTTP=true is set: loopback).
set -euo pipefail
SRC="$(cd "$(dirname "$0")/.." && pwd)"
DIR="$(mkdir -p "${IRSP_CLUSTER_DIR:-$PWD/cluster}" && cd "${IRSP_CLUSTER_DIR:-$PWD/cluster}" && pwd)"
BROKER_PORT=${IRSP_CLUSTER_BROKER_PORT:-61616}
DB=irsp_cluster
cmd=${1:?usage: cluster.sh start N | stop}

ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health/ready")" = 200 ]; }

stop_node() { # node directory
  local pidfile="$1/server.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    pkill -KILL -P "$pid" 2>/dev/null || true
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

case "$cmd" in
  start)
    n=${2:?usage: cluster.sh start N}
    [ "$n" -ge 1 ] && [ "$n" -le 9 ] || { echo "N must be 1 to 9" >&2; exit 1; }
    export PGPASSWORD="${IRSP_DB_PASSWORD:-postgres}"
    psql -h 127.0.0.1 -U "${IRSP_DB_USER:-postgres}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" \
      | grep -q 1 || psql -h 127.0.0.1 -U "${IRSP_DB_USER:-postgres}" -d postgres -qc "CREATE DATABASE $DB"
    bash "$SRC/scripts/external-broker.sh" start-pair "$DIR/broker" "$BROKER_PORT"
    # built once here, not by N nodes at once
    if [ ! -f "$SRC/irsp-web/target/irsp.war" ] || [ ! -f "$SRC/irsp-web/target/payara/postgresql.jar" ]; then
      (cd "$SRC" && mvn -B -q -Pserve package -Dirsp.serve.skip=true -DskipTests -Dirsp.fuzz.skip=true)
    fi
    members=$(for i in $(seq 1 "$n"); do printf '127.0.0.1:%d,' $((6900 + i)); done)
    for i in $(seq 1 "$n"); do
      node="$DIR/node$i"
      mkdir -p "$node"
      stop_node "$node"
      IRSP_DATA="$node/data" IRSP_HTTP_ADDRESS=127.0.0.1 IRSP_HTTP_PORT=$((8080 + i)) IRSP_PROBE_PORT=$((3880 + i)) \
        IRSP_NODE_NAME="node$i" IRSP_CLUSTER_MEMBERS="${members%,}" IRSP_GRID_PORT=$((6900 + i)) \
        IRSP_POSTGRES="127.0.0.1:5432/$DB" IRSP_EXTERNAL_BROKER="127.0.0.1:$BROKER_PORT,127.0.0.1:$((BROKER_PORT + 1))" IRSP_CLASS_ARCHIVE=off \
        IRSP_TLS_ALLOWPLAINHTTP="${IRSP_TLS_ALLOWPLAINHTTP:-true}" \
        nohup bash "$SRC/scripts/server.sh" > "$node/node.log" 2>&1 &
      echo $! > "$node/server.pid"
    done
    for i in $(seq 1 "$n"); do
      up=""
      for _ in $(seq 1 600); do
        if ready $((8080 + i)); then up=1; break; fi
        kill -0 "$(cat "$DIR/node$i/server.pid")" 2>/dev/null || break
        sleep 0.5
      done
      [ -n "$up" ] || { echo "node$i is not ready, see $DIR/node$i/node.log" >&2; exit 1; }
      echo "node$i ready: http://127.0.0.1:$((8080 + i)) (AddrProbe udp 127.0.0.1:$((3880 + i)))"
    done
    ;;
  stop)
    for node in "$DIR"/node*; do
      [ -d "$node" ] && stop_node "$node"
    done
    [ -d "$DIR/broker" ] && bash "$SRC/scripts/external-broker.sh" stop "$DIR/broker"
    ;;
  *)
    echo "usage: cluster.sh start N | stop" >&2; exit 1 ;;
esac
