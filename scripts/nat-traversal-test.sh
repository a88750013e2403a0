#!/usr/bin/env bash
# NAT traversal over a real (namespaced) network, PROTOCOL §12:
#
#   hostA 10.0.1.2 ── natA ──┐                       ┌── natB ── hostB 10.0.2.2
#          (10.0.1.1) 198.51.100.2 ── wan bridge ── 198.51.100.3 (10.0.2.1)
#                                       │
#                               IRSP 198.51.100.1 (HTTP 8080, UDP AddrProbe 3880)
#
# natA and natB masquerade their LAN (nftables) and drop unsolicited inbound traffic, like home
# routers. Scenario 1: both NATs map endpoint-independently (Linux masquerade keeps the port), so the
# SDK's simultaneous probing opens a direct UDP path between alice (hostA) and bob (hostB). Scenario 2:
# natA turns symmetric (fully random ports per destination), no direct path can exist, and both sides
# fall back to relay through the IRSP after the P2P timeout. Each scenario checks that a message
# goes to bob and back over the channel.
#
# Needs root, iproute2 and nftables (installed from Debian's packages if missing), and the artifacts of
# `mvn verify`. Creates only namespaces and links named irspnat-*, with the documentation addresses
# above, and removes them on exit. Skips (exit 0, saying why) where namespaces are not allowed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
P=irspnat
WORK=$(mktemp -d /tmp/irspnat.XXXXXX)
SERVER=http://198.51.100.1:8080
CLI="$ROOT/irsp-cli/target/irsp.jar"
WAR=$ROOT/irsp-web/target/irsp.war
RAR=$ROOT/irsp-jms/target/irsp-ra.rar
MICRO=$ROOT/arquillian-tests/target/it/payara-micro.jar

skip() { echo "NAT TRAVERSAL TEST SKIPPED: $*"; exit 0; }
fail() { echo "NAT TRAVERSAL TEST FAILED: $*"; for f in "$WORK"/*.log; do [ -f "$f" ] && { echo "---- $f (tail)"; tail -n 40 "$f"; }; done; exit 1; }
in_ns() { local ns=$1; shift; ip netns exec "$P-$ns" "$@"; }

cleanup() {
  for ns in hosta hostb nata natb wan; do
    if ip netns list 2>/dev/null | grep -qw "$P-$ns"; then
      ip netns pids "$P-$ns" 2>/dev/null | xargs -r kill 2>/dev/null || true
    fi
  done
  sleep 1
  for ns in hosta hostb nata natb wan; do
    ip netns pids "$P-$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
    ip netns del "$P-$ns" 2>/dev/null || true
  done
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}

[ "$(id -u)" = 0 ] || skip "network namespaces need root (running as uid $(id -u))"
command -v ip >/dev/null || skip "iproute2 ('ip') is not installed"
if ! ip netns add "$P-probe" 2>/dev/null; then skip "this machine does not allow 'ip netns add'"; fi
ip netns del "$P-probe"
if ! command -v nft >/dev/null; then
  echo "installing nftables from Debian's packages"
  timeout 300 apt-get install -y -q nftables >/dev/null 2>&1 || skip "nftables is missing and could not be installed"
fi
for f in "$WAR" "$RAR" "$MICRO" "$CLI"; do
  [ -f "$f" ] || fail "missing $f: run 'mvn verify' first"
done
trap cleanup EXIT

# --- the network -------------------------------------------------------------------------------
for ns in wan nata natb hosta hostb; do ip netns add "$P-$ns"; in_ns "$ns" ip link set lo up; done
in_ns wan ip link add br0 type bridge
in_ns wan ip addr add 198.51.100.1/24 dev br0
in_ns wan ip link set br0 up
link() { # link NS_A IF_A NS_B IF_B: a veth pair between two namespaces
  ip link add "$P-x" type veth peer name "$P-y"
  ip link set "$P-x" netns "$P-$1"; in_ns "$1" ip link set "$P-x" name "$2"
  ip link set "$P-y" netns "$P-$3"; in_ns "$3" ip link set "$P-y" name "$4"
  in_ns "$1" ip link set "$2" up; in_ns "$3" ip link set "$4" up
}
router() { # router NAT LETTER WAN_IP LAN_NET
  local nat=$1 side=$2 wanip=$3 lan=$4
  link "$nat" wan wan "port$side"
  in_ns wan ip link set "port$side" master br0
  in_ns "$nat" ip addr add "$wanip/24" dev wan
  link "$nat" lan "host$side" eth0
  in_ns "$nat" ip addr add "$lan.1/24" dev lan
  in_ns "host$side" ip addr add "$lan.2/24" dev eth0
  in_ns "host$side" ip route add default via "$lan.1"
  in_ns "$nat" sysctl -qw net.ipv4.ip_forward=1
  in_ns "$nat" nft -f - <<NFT
table ip nat {
  chain post {
    type nat hook postrouting priority srcnat;
    oifname "wan" masquerade
  }
}
table inet fw {
  chain input {
    type filter hook input priority filter;
    iifname "wan" ct state established,related accept
    iifname "wan" drop
  }
  chain forward {
    type filter hook forward priority filter;
    iifname "wan" ct state established,related accept
    iifname "wan" drop
  }
}
NFT
}
router nata a 198.51.100.2 10.0.1
router natb b 198.51.100.3 10.0.2

# --- the IRSP, on the wan side -----------------------------------------------------------------
cat > "$WORK/preboot.asadmin" <<PRE
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=198.51.100.1
set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:$WORK/db/irsp
PRE
cat > "$WORK/postboot.asadmin" <<POST
create-jdbc-resource --connectionpoolid H2Pool jdbc/irsp
create-resource-adapter-config --property ConnectionParameters=host\=127.0.0.1\;port\=61616 irsp-ra
deploy $RAR
POST
(cd "$WORK" && in_ns wan java -Xmx640m -Dirsp.tls.allowPlainHttp=true -Dirsp.nat.probeAddress=198.51.100.1 \
  -Dirsp.nat.probePort=3880 -Dirsp.artemis.dataDir="$WORK/artemis" \
  "-Dirsp.artemis.acceptor=tcp://127.0.0.1:61616?protocols=CORE" \
  -jar "$MICRO" --nohazelcast --port 8080 --prebootcommandfile "$WORK/preboot.asadmin" \
  --postbootcommandfile "$WORK/postboot.asadmin" --deploy "$WAR" --contextroot irsp > "$WORK/server.log" 2>&1 &)
echo "waiting for the IRSP on $SERVER"
for _ in $(seq 1 240); do
  code=$(in_ns wan curl -s -o /dev/null -w '%{http_code} %{content_type}' "$SERVER/irsp/api/v1/ready-probe" || true)
  [[ "$code" == "404 application/json"* ]] && break
  grep -q "Exception while deploying" "$WORK/server.log" 2>/dev/null && fail "the IRSP did not deploy"
  sleep 1
done
[[ "$code" == "404 application/json"* ]] || fail "the IRSP did not come up within 240 s"

cli() { local ns=$1; shift; in_ns "$ns" env IRSP_PASSWORD='Tr0ub4dor&3' timeout 120 java -jar "$CLI" --server "$SERVER" "$@"; }
cli hosta register-user alice > "$WORK/setup.log" || fail "registering alice"
cli hostb register-user bobby --accept-policy acceptAll >> "$WORK/setup.log" || fail "registering bob"
cli hosta befriend --user alice bobby >> "$WORK/setup.log" || fail "alice befriending bob"

stop_processes() { # every process in one namespace, so no listener outlives its scenario
  ip netns pids "$P-$1" | xargs -r kill 2>/dev/null || true
  for _ in $(seq 1 20); do [ -z "$(ip netns pids "$P-$1")" ] && return; sleep 0.5; done
  ip netns pids "$P-$1" | xargs -r kill -9 2>/dev/null || true
}

scenario() { # scenario NAME EXPECTED_PATH
  local name=$1 expected=$2
  cli hostb p2p-listen --user bobby --p2p-timeout 8 --seconds 60 > "$WORK/bob-$name.log" 2>&1 &
  local listener=$!
  for _ in $(seq 1 60); do grep -q LISTENING "$WORK/bob-$name.log" && break; sleep 0.5; done
  grep -q LISTENING "$WORK/bob-$name.log" || fail "$name: bob is not listening"
  local connected=0
  cli hosta p2p-connect --user alice --p2p-timeout 8 user:bobby --expect "$expected" > "$WORK/alice-$name.log" 2>&1 || connected=$?
  stop_processes hostb
  wait "$listener" 2>/dev/null || true
  [ "$connected" = 0 ] || fail "$name: alice did not get an echo over a $expected path"
  echo "$name: alice: $(grep -E '^(PATH|ECHO)' "$WORK/alice-$name.log" | tr '\n' ' ')"
  echo "$name: bob:   $(grep -E '^(ACCEPTED|ECHOED)' "$WORK/bob-$name.log" | head -2 | tr '\n' ' ')"
}

echo "scenario 1: endpoint-independent NATs on both sides"
scenario eim direct
grep -q "PATH direct /198.51.100.3:" "$WORK/alice-eim.log" || fail "eim: the direct path is not through natB's public address"

echo "scenario 2: natA made symmetric (a random port per destination)"
in_ns nata nft flush table ip nat
in_ns nata nft add rule ip nat post oifname wan masquerade fully-random
scenario symmetric relay

echo "NAT TRAVERSAL TEST PASSED: direct path through endpoint-independent NATs, relay fallback behind a symmetric NAT"
