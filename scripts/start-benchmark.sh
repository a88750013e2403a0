#!/usr/bin/env bash
# The start benchmark (docs/BENCHMARKS.md): starts IRSP the production way (scripts/server.sh) N times,
# one after the other, on one data directory (kept between starts, as in production), and prints for each
# the time from the launch to /health/ready answering 200, the server's CPU at that moment, and its
# resident memory after it has been idle for 30 s.
#
#   scripts/start-benchmark.sh [N]     # N starts (5); IRSP_DATA, IRSP_HTTP_PORT and JAVA_OPTS as for server.sh
#
# The first start after a build makes the class-data archive (a training start, not counted).
set -euo pipefail
SRC="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-5}"
PORT="${IRSP_HTTP_PORT:-8080}"
export IRSP_DATA="${IRSP_DATA:-$SRC/target/start-benchmark}"
export IRSP_TLS_ALLOWPLAINHTTP=true
mkdir -p "$IRSP_DATA"
LOG="$IRSP_DATA/start-benchmark.log"
TICKS=$(getconf CLK_TCK)

server_pid() { # the java process under the script's process
  pgrep -f "launch-micro.jar.*--port $PORT" | head -n1
}

cpu_seconds() { # utime + stime of a process, in seconds
  awk -v t="$TICKS" '{ sub(/.*\) /, ""); printf "%.1f", ($12 + $13) / t }' "/proc/$1/stat"
}

wait_ready() { # seconds to wait
  local until=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$until" ]; do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready"; then return 0; fi
    sleep 0.1
  done
  return 1
}

stop() {
  local pid; pid=$(server_pid || true)
  if [ -n "$pid" ]; then kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; fi
}
trap stop EXIT

if curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready"; then
  echo "something already answers on port $PORT: stop it first" >&2
  exit 1
fi
echo "| start | ready after | CPU at ready | idle RSS |"
echo "|---|---|---|---|"
for i in $(seq 0 "$N"); do
  t0=$(date +%s%N)
  "$SRC/scripts/server.sh" >> "$LOG" 2>&1 &
  if ! wait_ready 600; then echo "start $i: not ready within 600 s (see $LOG)" >&2; exit 1; fi
  ready=$(( ($(date +%s%N) - t0) / 1000000 ))
  pid=$(server_pid)
  cpu=$(cpu_seconds "$pid")
  sleep 30 # idle on purpose: the resident memory of a server that has been idle for 30 s is the measure
  rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  if [ "$i" -eq 0 ]; then
    echo "(a first start, which makes the class-data archive after a build, is not counted: ${ready} ms)" >&2
  else
    printf "| %d | %s s | %s s | %s MB |\n" "$i" "$(awk -v r="$ready" 'BEGIN { printf "%.1f", r / 1000 }')" "$cpu" "$rss"
  fi
  stop
done
