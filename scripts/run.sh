#!/usr/bin/env bash
# Runs the main job: makes sure a RabbitMQ broker is reachable (installing and starting Debian's
# rabbitmq-server on loopback when none is configured or running), then starts every worker role in one
# process on the embedded SQLite store. Extra arguments go to the host, e.g. --roles case-saga.
#   scripts/run.sh --demo   also runs `modctl simulate --reviewer auto` against it and prints the summary, then stops.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-broker.sh
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"

if [[ "${1:-}" != "--demo" ]]; then
  exec dotnet run --project src/ModerationWorkers.Host --configuration Release -- "$@"
fi

dotnet build ModerationWorkers.sln --configuration Release --nologo -v quiet
log=$(mktemp)
dotnet src/ModerationWorkers.Host/bin/Release/net10.0/ModerationWorkers.Host.dll > "$log" 2>&1 &
host=$!
trap 'kill -TERM "$host" 2>/dev/null; wait "$host" 2>/dev/null || true; rm -f "$log"' EXIT
for attempt in $(seq 1 61); do
  grep -q "Workers started" "$log" && break
  kill -0 "$host" 2>/dev/null || { cat "$log" >&2; exit 1; }
  [[ $attempt -lt 61 ]] || { echo "[demo] the workers did not start in 60 s:" >&2; cat "$log" >&2; exit 1; }
  sleep 1
done
echo "[demo] workers are up (log: $log); simulating platform traffic with an automatic reviewer"
from=$(date -u +%Y-%m-%dT%H:%M:%SZ)
status=0
dotnet src/ModerationWorkers.Cli/bin/Release/net10.0/modctl.dll simulate --uploads "${DEMO_UPLOADS:-2000}" --notices "${DEMO_NOTICES:-200}" --reviewer auto || status=$?
# The transparency report of just this demo's traffic.
dotnet src/ModerationWorkers.Cli/bin/Release/net10.0/modctl.dll report --from "$from" --to "$(date -u -d '1 minute' +%Y-%m-%dT%H:%M:%SZ)"
exit "$status"
