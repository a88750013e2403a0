#!/usr/bin/env bash
# Smoke-tests the container image: makes its base (scripts/image-base.sh, once), builds the image tarball with
# Jib (mvn -Pimage package: irsp-web/target/irsp-image.tar, no Docker daemon), loads it into podman, runs it on
# the host's network with a settings file mounted (HTTP 127.0.0.1:18380, broker 16371, AddrProbe 13990), waits
# until it is ready, registers, logs in, binds, heartbeats and logs out with the CLI, and stops it (SIGTERM).
# Needs root, debootstrap, podman and runc (Debian's packages; .ci/run installs them) and the CLI of mvn verify.
# podman runs it with runc and lowered ulimits: on this kind of machine crun may not set rlimits or cgroups.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLI="$ROOT/irsp-cli/target/irsp.jar"
BASE="$ROOT/irsp-web/target/image-base.tar"
IMAGE=localhost/irsp:smoke
NAME=irsp-smoke-$$
HTTP=18380
WORK=$(mktemp -d /tmp/irsp-image.XXXXXX)
fail() { echo "IMAGE SMOKE TEST FAILED: $*"; podman logs "$NAME" 2>&1 | tail -n 40 || true; exit 1; }
cleanup() {
  podman rm -f -v "$NAME" > /dev/null 2>&1 || true
  podman rmi -f "$IMAGE" > /dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
# shellcheck source=smoke-lib.sh
. "$ROOT/scripts/smoke-lib.sh"
[ -f "$CLI" ] || fail "missing $CLI: run 'mvn verify' first"

bash "$ROOT/scripts/image-base.sh" "$BASE"
echo "building the image with Jib"
(cd "$ROOT" && mvn -B -q -pl irsp-web -am -Pimage package -DskipTests -Dirsp.fuzz.skip=true "-Dirsp.image.base=$BASE" \
  -Djib.to.image="$IMAGE" > "$WORK/build.log" 2>&1) || { tail -n 40 "$WORK/build.log"; fail "mvn -Pimage package"; }
podman load -q -i "$ROOT/irsp-web/target/irsp-image.tar" > /dev/null

cat > "$WORK/smoke.properties" <<PROPS
irsp.http.address=127.0.0.1
irsp.nat.probeAddress=127.0.0.1
irsp.nat.probePort=13990
irsp.broker.port=16371
irsp.artemis.acceptor=tcp://127.0.0.1:16371?protocols=CORE
irsp.tls.allowPlainHttp=true
PROPS
chmod 644 "$WORK/smoke.properties"
echo "running it"
podman --runtime runc run -d --name "$NAME" --network host --ulimit nofile=10000:10000 --ulimit nproc=4000:4000 \
  -v "$WORK/smoke.properties:/etc/irsp/smoke.properties:ro" "$IMAGE" \
  --port "$HTTP" --systemproperties /etc/irsp/smoke.properties > /dev/null
running() { [ "$(podman inspect "$NAME" --format '{{.State.Running}}')" = true ]; }
smoke_ready "http://127.0.0.1:$HTTP" 300 running
smoke_checks_up "http://127.0.0.1:$HTTP" application database broker
[ "$(podman inspect "$NAME" --format '{{.Config.User}}')" = 10001 ] || fail "the container does not run as user 10001"

smoke_round_trip "http://127.0.0.1:$HTTP" image-user "$WORK/smoke.log"
echo "stopping (SIGTERM)"
timeout 150 podman stop -t 120 "$NAME" > /dev/null || fail "podman stop"
echo "IMAGE SMOKE TEST PASSED"
