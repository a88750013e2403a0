#!/usr/bin/env bash
# Checks docs/monitoring with Prometheus's promtool (Debian package prometheus): the alerting rules load, their
# unit tests pass (prometheus-alerts.test.yml feeds made-up series and states which alerts fire), the Grafana
# dashboard is valid JSON (OperationsIT checks that it names only exported metrics). With a server's URL it
# also lints the irsp_* series of that server's /metrics (promtool check metrics). The response-latency
# histogram is left out of that lint: Payara 6's MicroProfile Metrics cannot declare a histogram with fixed
# cumulative buckets, so IRSP exports its buckets, _sum and _count as gauges (docs/OPERATIONS.md); PromQL's
# histogram_quantile works on them as on any histogram, which the rules' tests show.
#   scripts/monitoring-check.sh [http://127.0.0.1:8080]
set -euo pipefail
cd "$(dirname "$0")/../docs/monitoring"
command -v promtool >/dev/null || { echo "promtool is missing (apt-get install prometheus)" >&2; exit 1; }
promtool check rules prometheus-alerts.yml
promtool test rules prometheus-alerts.test.yml
python3 -c 'import json,sys; d=json.load(open("grafana-dashboard.json")); print("grafana-dashboard.json:", len(d["panels"]), "panels")'
if [ $# -gt 0 ]; then
  metrics=$(curl -sf -H 'Accept: text/plain' "$1/metrics")
  irsp=$(printf '%s\n' "$metrics" | grep -E '^(# (HELP|TYPE) )?irsp_' | grep -v 'irsp_response_latency_seconds')
  [ "$(printf '%s\n' "$irsp" | grep -c '^irsp_')" -gt 20 ] || { echo "too few irsp_ series in $1/metrics" >&2; exit 1; }
  printf '%s\n' "$irsp" | promtool check metrics
  echo "$1/metrics: the irsp_ series pass promtool check metrics"
fi
echo "MONITORING CHECK PASSED"
