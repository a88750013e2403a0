# Shared pieces of the smoke scripts (sourced, not run): wait for readiness, check named readiness checks,
# a CLI round trip. The sourcing script defines fail() (its message and log) and sets ROOT.
# shellcheck shell=bash

# smoke_ready URL SECONDS [COMMAND...]: waits until URL/health/ready answers 200; fails as soon as COMMAND
# (e.g. kill -0 PID) says the server is gone.
smoke_ready() {
  local url=$1 seconds=$2
  shift 2
  for _ in $(seq 1 $(( seconds * 2 ))); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = 200 ]; then return 0; fi
    if [ $# -gt 0 ] && ! "$@" > /dev/null 2>&1; then fail "the server ended before it was ready"; fi
    sleep 0.5
  done
  fail "not ready within $seconds s: $(curl -s -w ' (HTTP %{http_code})' "$url/health/ready")"
}

# smoke_checks_up URL NAME...: each named readiness check of URL/health/ready is UP.
smoke_checks_up() {
  local url=$1 health
  shift
  health=$(curl -s "$url/health/ready")
  for check in "$@"; do
    echo "$health" | grep -q "\"name\":\"$check\",\"status\":\"UP\"" || fail "readiness has no $check UP: $health"
  done
}

# smoke_round_trip URL USER LOG: registers USER with the CLI, then logs in, binds, heartbeats and logs out.
smoke_round_trip() {
  local url=$1 user=$2 log=$3
  smoke_cli "$url" register-user "$user" > "$log" || fail "registration: $(cat "$log")"
  smoke_cli "$url" check --user "$user" >> "$log" || fail "login/bind/heartbeat/logout: $(cat "$log")"
  sed 's/^/  /' "$log"
}

smoke_cli() {
  local url=$1
  shift
  IRSP_PASSWORD='Tr0ub4dor&3' timeout 60 java -jar "$ROOT/irsp-cli/target/irsp.jar" --server "$url" "$@"
}
