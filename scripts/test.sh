#!/usr/bin/env bash
# Runs every test: makes sure a RabbitMQ broker is reachable (installing and starting Debian's rabbitmq-server
# on loopback when none is), then `dotnet test` on the solution.
# MongoDB tests run against MODERATION_TEST_MONGODB when it holds a connection string, else against a replica set they
# start in Docker (Testcontainers) when an engine is reachable; otherwise they are reported skipped, with the reason.
set -euo pipefail
cd "$(dirname "$0")/.."

# The compose file is for users with Docker; it is validated here without an engine. So is the CI workflow. So are
# the Kubernetes manifests (rendered and checked against the schemas, no cluster), the Dockerfile, and the alerts.
scripts/check-compose.sh
scripts/check-workflows.sh
scripts/check-kubernetes.sh
scripts/check-dockerfile.sh
scripts/check-monitoring.sh
scripts/ensure-broker.sh

if [[ -z "${MODERATION_TEST_MONGODB:-}" && -z "${DOCKER_HOST:-}" && ! -S /var/run/docker.sock ]]; then
  echo "[test] MODERATION_TEST_MONGODB is not set and no Docker engine is reachable: the MongoDB provider tests will be reported as skipped." >&2
fi

log=$(mktemp)
set +e
dotnet test ModerationWorkers.sln --configuration Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole solution: skipped tests are counted as skipped, never as passed.
awk '/^ *Passed: *[0-9]+$/ {p+=$2} /^ *Failed: *[0-9]+$/ {f+=$2} /^ *Skipped: *[0-9]+$/ {s+=$2}
     END {printf "%d passed, %d failed, %d skipped\n", p, f, s}' "$log"
rm -f "$log"
exit "$status"
