#!/usr/bin/env bash
# The scale benchmark (docs/BENCHMARKS.md, "A cluster on one machine"): request/response through the
# nodes of a running cluster (scripts/cluster.sh start N), each user bound through one node and its device
# through the next, so that with two nodes or more every request and every response crosses nodes.
#
#   scripts/cluster-benchmark.sh N [PAIRS] [WINDOW] [SECONDS] [WARMUP]   (10 pairs, 8 outstanding, 20 s, 10 s)
#
# It runs the SDK benchmark twice (the first, WARMUP seconds, warms the JIT and is not counted), and around the
# second reads the CPU time the nodes, the broker and PostgreSQL used (from /proc), printing it per
# request/response exchange. Needs the benchmark built (mvn verify, or mvn -pl irsp-client,irsp-bench package).
set -euo pipefail
SRC="$(cd "$(dirname "$0")/.." && pwd)"
DIR="$(cd "${IRSP_CLUSTER_DIR:-$PWD/cluster}" && pwd)"
n=${1:?usage: cluster-benchmark.sh N [PAIRS] [WINDOW] [SECONDS]}
pairs=${2:-10}; window=${3:-8}; seconds=${4:-20}; warmup=${5:-10}
CP="$SRC/irsp-bench/target/irsp-bench.jar:$SRC/irsp-bench/target/lib/*"
servers=$(for i in $(seq 1 "$n"); do printf 'http://127.0.0.1:%d,' $((8080 + i)); done)
servers=${servers%,}

jvm_of() { pgrep -P "$1" -f java | head -n1 || true; } # the java child of a script
ticks() { # pid... : user+system clock ticks
  local t=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
  done
  echo "$t"
}
nodes=(); for i in $(seq 1 "$n"); do nodes+=("$(jvm_of "$(cat "$DIR/node$i/server.pid")")"); done
broker=$(pgrep -f "$DIR/broker/primary" | while read -r p; do [ "$(cat /proc/"$p"/comm)" = java ] && echo "$p"; done | head -n1)
db=$(pgrep -u postgres -x postgres | tr '\n' ' ')
bench() { java -cp "$CP" org.irsp.bench.Benchmark --server "$servers" --pairs "$pairs" --window "$window" --phases rr --seconds "$1"; }

echo "warm-up run (not counted)"
bench "$warmup" > /dev/null
t0=("$(ticks "${nodes[@]}")" "$(ticks "$broker")" "$(ticks $db)")
out=$(bench "$seconds")
t1=("$(ticks "${nodes[@]}")" "$(ticks "$broker")" "$(ticks $db)")
echo "$out"
exchanges=$(echo "$out" | sed -n 's/^request\/response ([^)]*): \([0-9]*\) in .*/\1/p')
hz=$(getconf CLK_TCK)
awk -v n="$n" -v x="$exchanges" -v s="$seconds" -v hz="$hz" -v a="$((t1[0] - t0[0]))" -v b="$((t1[1] - t0[1]))" -v c="$((t1[2] - t0[2]))" 'BEGIN {
  printf "%d node(s): %d exchanges in %d s = %.0f/s; CPU per exchange: nodes %.3f ms, broker %.3f ms, PostgreSQL %.3f ms (whole run: nodes %.1f s, broker %.1f s, PostgreSQL %.1f s)\n",
    n, x, s, x / s, a * 1000 / hz / x, b * 1000 / hz / x, c * 1000 / hz / x, a / hz, b / hz, c / hz }'
