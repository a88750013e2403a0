#!/usr/bin/env bash
# An external ActiveMQ Artemis broker for IRSP (docs/JMS.md, docs/OPERATIONS.md):
#
#   scripts/external-broker.sh start DIR [PORT]   fetch the distribution through Maven, create a broker in
#                                                 DIR/broker (once), start it, wait until it is active
#   scripts/external-broker.sh stop DIR           stop it
#
# The broker listens on 127.0.0.1:PORT (61616 by default) with one CORE acceptor and nothing else (no
# web console, no AMQP/MQTT/STOMP ports: other services on this machine use 5672 and 1883), accepts
# anonymous connections from there, and carries the address settings IRSP relies on: dead letters to
# irsp.dead, expiry to irsp.expired, bounded redelivery, offline queues never auto-deleted.
set -euo pipefail
ARTEMIS_VERSION=${ARTEMIS_VERSION:-2.56.0}
cmd=${1:?usage: external-broker.sh start DIR [PORT] | stop DIR}
dir=$(mkdir -p "${2:?the broker directory}" && cd "$2" && pwd)
port=${3:-61616}

case "$cmd" in
  start)
    home="$dir/apache-artemis-$ARTEMIS_VERSION"
    if [ ! -x "$home/bin/artemis" ]; then
      mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        "-Dartifact=org.apache.artemis:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" "-DoutputDirectory=$dir"
      tar xzf "$dir/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" -C "$dir"
    fi
    if [ ! -d "$dir/broker" ]; then
      "$home/bin/artemis" create "$dir/broker" --user irsp --password irsp --allow-anonymous \
        --host 127.0.0.1 --http-host 127.0.0.1 --default-port "$port" --no-web --no-autotune --silent \
        --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor > "$dir/create.log"
      # IRSP's address settings, before the distribution's catch-all "#"
      python3 - "$dir/broker/etc/broker.xml" <<'PY'
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
    sed -i -E "s#(<acceptor name=\"artemis\">tcp://127\.0\.0\.1:)[0-9]+#\1$port#" "$dir/broker/etc/broker.xml"
    "$dir/broker/bin/artemis" run > "$dir/broker.log" 2>&1 &
    echo $! > "$dir/broker.pid"
    for _ in $(seq 1 120); do
      grep -q AMQ221007 "$dir/broker.log" && { echo "Artemis $ARTEMIS_VERSION active on 127.0.0.1:$port ($dir/broker)"; exit 0; }
      kill -0 "$(cat "$dir/broker.pid")" 2>/dev/null || { echo "the broker exited, see $dir/broker.log" >&2; exit 1; }
      sleep 0.5
    done
    echo "the broker is not active after 60 s, see $dir/broker.log" >&2
    kill "$(cat "$dir/broker.pid")" 2>/dev/null || true
    exit 1
    ;;
  stop)
    [ -f "$dir/broker.pid" ] || exit 0
    pid=$(cat "$dir/broker.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || { rm -f "$dir/broker.pid"; exit 0; }; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/broker.pid"
    ;;
  *) echo "usage: external-broker.sh start DIR [PORT] | stop DIR" >&2; exit 2 ;;
esac
