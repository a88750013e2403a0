#!/usr/bin/env bash
# An external ActiveMQ Artemis broker for IRSP (docs/JMS.md, docs/OPERATIONS.md, docs/CLUSTERING.md):
#
#   scripts/external-broker.sh start DIR [PORT]        fetch the distribution through Maven, create a broker in
#                                                      DIR/broker (once), start it, wait until it is active
#   scripts/external-broker.sh start-pair DIR [PORT]   the same for a primary/backup pair sharing one journal
#                                                      (shared store, DIR/shared): the primary in DIR/primary on
#                                                      PORT, the backup in DIR/backup on PORT+1; returns once the
#                                                      primary is active and the backup waits to take over
#   scripts/external-broker.sh stop DIR                stop what runs in DIR (one broker or both of a pair)
#
# A broker listens on 127.0.0.1:PORT with one CORE acceptor and nothing else (no web console, no
# AMQP/MQTT/STOMP ports: other services on this machine use 5672 and 1883), accepts anonymous
# connections from there, and carries the address settings IRSP relies on: dead letters to irsp.dead,
# expiry to irsp.expired, bounded redelivery, offline queues never auto-deleted. The pair's backup takes
# over when the primary dies (also kill -9) or stops; clients given both addresses
# (IRSP_EXTERNAL_BROKER=127.0.0.1:PORT,127.0.0.1:PORT+1) connect to whichever is active.
set -euo pipefail
ARTEMIS_VERSION=${ARTEMIS_VERSION:-2.56.0}
cmd=${1:?usage: external-broker.sh start DIR [PORT] | start-pair DIR [PORT] | stop DIR}
dir=$(mkdir -p "${2:?the broker directory}" && cd "$2" && pwd)
port=${3:-61616}
home="$dir/apache-artemis-$ARTEMIS_VERSION"

fetch() {
  if [ ! -x "$home/bin/artemis" ]; then
    mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      "-Dartifact=org.apache.artemis:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" "-DoutputDirectory=$dir"
    tar xzf "$dir/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" -C "$dir"
  fi
}

create() { # name port create-option...
  local name="$1" at="$2"; shift 2
  if [ ! -d "$dir/$name" ]; then
    "$home/bin/artemis" create "$dir/$name" --user irsp --password irsp --allow-anonymous \
      --host 127.0.0.1 --http-host 127.0.0.1 --default-port "$at" --no-web --no-autotune --silent \
      --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor "$@" > "$dir/$name-create.log"
    # IRSP's address settings, before the distribution's catch-all "#"
  python3 - "$dir/$name/etc/broker.xml" <<'PY'
import sys
path = sys.argv[1]
xml = open(path).read()
irsp = """
     <address-setting match="irsp.offline.#">
        <dead-letter-address>irsp.dead</dead-letter-address>
        <expiry-address>irsp.expired</expiry-address>
        <max-delivery-attempts>10</max-delivery-attempts>
        <redelivery-delay>1000</redelivery-delay>
        <auto-delete-queues>false</auto-delete-queues>
        <auto-delete-addresses>false</auto-delete-addresses>
        <send-to-dla-on-no-route>true</send-to-dla-on-no-route>
     </address-setting>
     <address-setting match="irsp.push.inbound">
        <dead-letter-address>irsp.dead</dead-letter-address>
        <max-delivery-attempts>5</max-delivery-attempts>
        <redelivery-delay>1000</redelivery-delay>
     </address-setting>
     <address-setting match="irsp.#">
        <dead-letter-address>irsp.dead</dead-letter-address>
        <auto-delete-queues>false</auto-delete-queues>
     </address-setting>"""
marker = "<address-settings>"
assert marker in xml, "no <address-settings> in broker.xml"
xml = xml.replace(marker, marker + irsp, 1)
# expired offline items reach irsp.expired within seconds (PROTOCOL 11.5 allows 60 s; the default scan is 30 s)
xml = xml.replace(marker, "<message-expiry-scan-period>5000</message-expiry-scan-period>\n      " + marker, 1)
# IRSP speaks CORE only (the resource adapter and enterprise JMS clients)
xml = xml.replace("protocols=CORE,AMQP,STOMP,HORNETQ,MQTT,OPENWIRE", "protocols=CORE")
open(path, "w").write(xml)
PY
  fi
  # an existing broker keeps its journal but listens where it is asked to this time
  sed -i -E "s#(<acceptor name=\"artemis\">tcp://127\.0\.0\.1:)[0-9]+#\1$at#" "$dir/$name/etc/broker.xml"
}

launch() { # name
  "$dir/$1/bin/artemis" run > "$dir/$1.log" 2>&1 &
  echo $! > "$dir/$1.pid"
}

await() { # name log-code what
  for _ in $(seq 1 120); do
    grep -q "$2" "$dir/$1.log" && return 0
    kill -0 "$(cat "$dir/$1.pid")" 2>/dev/null || { echo "the broker exited, see $dir/$1.log" >&2; return 1; }
    sleep 0.5
  done
  echo "the broker is not $3 after 60 s, see $dir/$1.log" >&2
  return 1
}

halt() { # name
  [ -f "$dir/$1.pid" ] || return 0
  local pid
  pid=$(cat "$dir/$1.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || { rm -f "$dir/$1.pid"; return 0; }; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/$1.pid"
}

case "$cmd" in
  start)
    fetch
    create broker "$port"
    launch broker
    await broker AMQ221007 active || { halt broker; exit 1; }
    echo "Artemis $ARTEMIS_VERSION active on 127.0.0.1:$port ($dir/broker)"
    ;;
  start-pair)
    fetch
    backup=$((port + 1))
    pair=(--clustered --shared-store --data "$dir/shared" --cluster-user irsp --cluster-password irsp)
    create primary "$port" "${pair[@]}" --failover-on-shutdown --staticCluster "tcp://127.0.0.1:$backup"
    create backup "$backup" "${pair[@]}" --backup --failover-on-shutdown --staticCluster "tcp://127.0.0.1:$port"
    # the pair comes back as a pair: whichever held the journal last, the primary takes it now
    launch primary
    await primary AMQ221007 active || { halt primary; exit 1; }
    launch backup
    await backup AMQ221031 "announced as the backup" || { halt backup; halt primary; exit 1; }
    echo "Artemis $ARTEMIS_VERSION pair: primary active on 127.0.0.1:$port, backup on 127.0.0.1:$backup ($dir)"
    ;;
  stop)
    halt backup
    halt primary
    halt broker
    ;;
  *) echo "usage: external-broker.sh start DIR [PORT] | start-pair DIR [PORT] | stop DIR" >&2; exit 2 ;;
esac
