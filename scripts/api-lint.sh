#!/usr/bin/env bash
# Lints the API descriptions in docs/api: the REST binding and the console's API with Redocly CLI
# (recommended rules, no warnings allowed), the WebSocket binding and JMS destinations with the AsyncAPI CLI
# (warnings fail). The tools come from npm at pinned versions into a cache directory (IRSP_TOOLS), once.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="${IRSP_TOOLS:-$HOME/.cache/irsp-api-lint}"
REDOCLY=2.77.0
ASYNCAPI=6.2.0
if [ ! -x "$TOOLS/node_modules/.bin/redocly" ] || [ ! -x "$TOOLS/node_modules/.bin/asyncapi" ] \
    || ! grep -q "\"version\": \"$REDOCLY\"" "$TOOLS/node_modules/@redocly/cli/package.json" \
    || ! grep -q "\"version\": \"$ASYNCAPI\"" "$TOOLS/node_modules/@asyncapi/cli/package.json"; then
  mkdir -p "$TOOLS"
  (cd "$TOOLS" && timeout 900 npm install --no-audit --no-fund --loglevel=error "@redocly/cli@$REDOCLY" "@asyncapi/cli@$ASYNCAPI")
fi
export SUPPRESS_NO_CONFIG_WARNING=1 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
for doc in docs/api/openapi.yaml docs/api/admin-openapi.yaml; do
  "$TOOLS/node_modules/.bin/redocly" lint --config docs/api/redocly.yaml --max-problems 50 "$doc"
  # no warnings either: the output lists none when there are none
  if "$TOOLS/node_modules/.bin/redocly" lint --config docs/api/redocly.yaml --format=summary "$doc" 2>&1 | grep -qE "^warning |[0-9]+ warnings?"; then
    echo "$doc: Redocly warnings" >&2
    "$TOOLS/node_modules/.bin/redocly" lint --config docs/api/redocly.yaml "$doc" >&2 || true
    exit 1
  fi
done
"$TOOLS/node_modules/.bin/asyncapi" validate docs/api/asyncapi.yaml --fail-severity=warn
echo "API descriptions: lint passed"
