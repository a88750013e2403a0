#!/usr/bin/env bash
# Runs IRSP on Payara Micro the production way: no Maven beside it, the JVM sized for an idle footprint,
# and the classes of the start kept in a class-data archive so the next start skips loading them.
#
#   scripts/server.sh            # in the foreground; Ctrl-C or SIGTERM stops it
#
# It runs what `mvn -Pserve package` builds (and builds it, without starting it, when it is missing).
# Settings, from the environment:
#   IRSP_DATA          database, broker journal and the Payara root with the archive (./data)
#   IRSP_HTTP_ADDRESS  HTTP/WebSocket and AddrProbe address (127.0.0.1)
#   IRSP_HTTP_PORT     HTTP/WebSocket port (8080); IRSP_PROBE_PORT, the UDP AddrProbe port (3880)
#   IRSP_BROKER_PORT   the embedded broker's CORE acceptor on 127.0.0.1 (61616)
#   IRSP_EXTERNAL_BROKER  HOST:PORT of an external Artemis (scripts/external-broker.sh) instead of the embedded
#                      one; HOST:PORT,HOST:PORT for a primary/backup pair (whichever is active is used)
#   IRSP_POSTGRES      HOST:PORT/DATABASE of a PostgreSQL database instead of the embedded H2, with
#                      IRSP_DB_USER (postgres) and IRSP_DB_PASSWORD (postgres)
#   IRSP_NODE_NAME     this node's name (local); every node of a cluster needs its own
#   IRSP_CLUSTER_MEMBERS  HOST:PORT,... of the data grid's members: switches the grid on (cluster mode,
#                      docs/CLUSTERING.md), this node's member listening on IRSP_GRID_PORT (6900) of
#                      IRSP_HTTP_ADDRESS; without it the grid is off (--nohazelcast), as a single node wants
#   IRSP_CLASS_ARCHIVE off: no class-data archive (no training start; a slower start)
#   JAVA_OPTS          JVM options, replacing the defaults below
#   irsp.* settings as environment variables (MicroProfile Config), e.g. IRSP_TLS_ALLOWPLAINHTTP=true
# The first start, and the first after a rebuild, a JDK change or a move of IRSP_DATA, makes the archive:
# it starts IRSP once on a scratch data directory (on loopback and ports of its own, between 20000 and
# 40002), waits until it is ready and stops it (about half a minute), then starts.
set -euo pipefail
SRC="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="$SRC/irsp-web/target"
DATA="$(mkdir -p "${IRSP_DATA:-$PWD/data}" && cd "${IRSP_DATA:-$PWD/data}" && pwd)"
ADDRESS="${IRSP_HTTP_ADDRESS:-127.0.0.1}"
PORT="${IRSP_HTTP_PORT:-8080}"
PROBE_PORT="${IRSP_PROBE_PORT:-3880}"
BROKER_PORT="${IRSP_BROKER_PORT:-61616}"
# G1 (the live path routes a third more on it than on the serial collector), starting small and giving
# memory back when idle; 2 GB hold about 40,000 bound connections (docs/OPERATIONS.md).
JAVA_OPTS="${JAVA_OPTS:--XX:+UseG1GC -Xms64m -Xmx2g -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30}"
ROOT="$DATA/payara"
ARCHIVE="$ROOT/irsp.jsa"

if [ ! -f "$TARGET/payara/payara-micro.jar" ] || [ ! -f "$TARGET/irsp.war" ] || [ ! -f "$TARGET/payara/postgresql.jar" ]; then
  echo "building IRSP (mvn -Pserve package -Dirsp.serve.skip=true)"
  (cd "$SRC" && mvn -B -q -Pserve package -Dirsp.serve.skip=true -DskipTests -Dirsp.fuzz.skip=true)
fi
# the launcher's class path has the PostgreSQL driver (a launcher cannot take --addlibs when it runs)
if [ ! -f "$ROOT/launch-micro.jar" ] || [ "$TARGET/payara/payara-micro.jar" -nt "$ROOT/launch-micro.jar" ] \
    || ! grep -q postgresql "$ROOT/.env"; then
  rm -rf "$ROOT"
  java -jar "$TARGET/payara/payara-micro.jar" --nohazelcast --rootdir "$ROOT" \
    --addlibs "$TARGET/payara/postgresql.jar" --outputlauncher > /dev/null
  cp -a "$ROOT/config" "$ROOT/config.initial"
fi

# preboot/postboot commands: the serve profile's, with this run's places and ports (and database, broker)
commands() { # template data-dir address broker-port external-broker
  sed -e "s#\${project.build.directory}#$TARGET#g" -e "s#\${irsp.http.address}#$3#g" \
      -e "s#\${irsp.broker.port}#$4#g" -e "s#\${irsp.dataDir}#$2#g" "$SRC/irsp-web/src/main/payara/$1" | postgres | broker "$5"
}

# with an external broker (or pair), the resource adapter connects to it (to whichever of the pair is active)
broker() { # HOST:PORT[,HOST:PORT] or empty
  if [ -z "$1" ]; then cat; return; fi
  local endpoint classes="" params="" endpoints
  IFS=, read -ra endpoints <<< "$1"
  for endpoint in "${endpoints[@]}"; do
    classes="$classes,org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory"
    params="$params,host\\\\=${endpoint%:*}\\\\;port\\\\=${endpoint##*:}"
  done
  sed -e "s#^create-resource-adapter-config .*#create-resource-adapter-config --property ConnectorClassName=${classes#,}:ConnectionParameters=${params#,} irsp-ra#"
}

# with IRSP_POSTGRES, jdbc/irsp is a PostgreSQL pool instead of the embedded H2 one
postgres() {
  if [ -z "${IRSP_POSTGRES:-}" ]; then cat; return; fi
  local hostport="${IRSP_POSTGRES%%/*}" db="${IRSP_POSTGRES#*/}" props
  props="serverName=${hostport%:*}:portNumber=${hostport##*:}:databaseName=$db:user=${IRSP_DB_USER:-postgres}"
  props="$props:password=${IRSP_DB_PASSWORD:-postgres}" # the pool wants one, even where the server trusts loopback
  sed -e "s#^create-jdbc-resource --connectionpoolid H2Pool jdbc/irsp\$#create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --property $props IrspPostgresPool\ncreate-jdbc-resource --connectionpoolid IrspPostgresPool jdbc/irsp#"
}

# the data grid: off for a single node, on (TCP discovery of the listed members) for a cluster
grid=(--nohazelcast)
if [ -n "${IRSP_CLUSTER_MEMBERS:-}" ]; then
  grid=(--clustermode "tcpip:$IRSP_CLUSTER_MEMBERS" --interfaces "$ADDRESS" --startport "${IRSP_GRID_PORT:-6900}"
        --clustername "${IRSP_CLUSTER_NAME:-irsp}")
fi
[ -n "${IRSP_NODE_NAME:-}" ] && grid+=(--name "$IRSP_NODE_NAME")

# the training start (below) runs on the embedded broker of its scratch directory; IRSP on the external one
run() { # data-dir address http-port probe-port broker-port grid(nohazelcast|on) extra-jvm-option...
  local data="$1" address="$2" port="$3" probe="$4" broker="$5" flags=(--nohazelcast) external="" embedded=()
  shift 5
  if [ "$1" = on ]; then
    flags=("${grid[@]}")
    external="${IRSP_EXTERNAL_BROKER:-}"
    [ -n "$external" ] && embedded=(-Dirsp.artemis.embedded=false)
  fi
  shift
  mkdir -p "$data"
  commands preboot.asadmin "$data" "$address" "$broker" "$external" > "$data/preboot.asadmin"
  commands postboot.asadmin "$data" "$address" "$broker" "$external" > "$data/postboot.asadmin"
  # every start as from the distribution: a kept root would redeploy what the last run deployed first
  rm -rf "$ROOT/config" "$ROOT/applications" "$ROOT/generated"
  cp -a "$ROOT/config.initial" "$ROOT/config"
  # shellcheck disable=SC2086
  exec java $JAVA_OPTS "$@" "-Dirsp.nat.probeAddress=$address" "-Dirsp.nat.probePort=$probe" \
    "-Dirsp.artemis.dataDir=$data/artemis" "-Dirsp.artemis.acceptor=tcp://127.0.0.1:$broker?protocols=CORE" \
    "${embedded[@]}" -Dhazelcast.socket.bind.any=false -jar "$ROOT/launch-micro.jar" "${flags[@]}" --port "$port" \
    --prebootcommandfile "$data/preboot.asadmin" --postbootcommandfile "$data/postboot.asadmin" \
    --deploy "$TARGET/irsp.war" --contextroot irsp
}

# what the archive was made for: the JDK and the place of the launcher (an archive records its class path,
# so it cannot be mapped from another root)
stamp() { java -version 2>&1; echo "root $ROOT"; }

stale() {
  [ ! -f "$ARCHIVE.stamp" ] || [ "$TARGET/irsp.war" -nt "$ARCHIVE.stamp" ] \
    || [ "$TARGET/payara/irsp-ra.rar" -nt "$ARCHIVE.stamp" ] || [ "$ROOT/launch-micro.jar" -nt "$ARCHIVE.stamp" ] \
    || [ "$(stamp)" != "$(cat "$ARCHIVE.stamp")" ]
}

if [ "${IRSP_CLASS_ARCHIVE:-on}" != off ] && stale; then
  echo "making the class-data archive $ARCHIVE (a training start on a scratch data directory)"
  rm -f "$ARCHIVE" "$ARCHIVE.stamp" "$ARCHIVE.jdk"
  scratch="$DATA/training"
  rm -rf "$scratch"
  # on loopback and ports of its own, so no client reaches the scratch server
  base=$(( 20000 + RANDOM % 20000 ))
  run "$scratch" 127.0.0.1 "$base" "$((base + 1))" "$((base + 2))" nohazelcast "-XX:ArchiveClassesAtExit=$ARCHIVE" \
    -Xlog:cds=off -Xlog:cds+dynamic=off > "$DATA/training.log" 2>&1 &
  pid=$!
  ready=""
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$base/health/ready")" = 200 ]; then ready=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" || true
  rm -rf "$scratch"
  [ -n "$ready" ] || rm -f "$ARCHIVE"
  # stamped also when it failed: the next starts do not pay for another attempt until something changes
  stamp > "$ARCHIVE.stamp"
fi
if [ "${IRSP_CLASS_ARCHIVE:-on}" != off ] && [ ! -f "$ARCHIVE" ]; then
  echo "starting without the class-data archive: the last training start failed (see $DATA/training.log)" \
    "or the archive was deleted; delete $ARCHIVE.stamp to make it again" >&2
fi

share=()
# the JVM warns if it cannot map the archive (the start is then only slower); quiet only while dumping
[ "${IRSP_CLASS_ARCHIVE:-on}" != off ] && [ -f "$ARCHIVE" ] && share=("-XX:SharedArchiveFile=$ARCHIVE")
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"' INT TERM
run "$DATA" "$ADDRESS" "$PORT" "$PROBE_PORT" "$BROKER_PORT" on "${share[@]}" &
child=$!
wait "$child"
