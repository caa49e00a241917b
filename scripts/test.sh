#!/usr/bin/env bash
# Runs every test: makes sure a RabbitMQ broker is reachable (installing and starting Debian's rabbitmq-server
# on loopback when none is), then `dotnet test` on the solution.
# MongoDB tests run only when MODERATION_TEST_MONGODB holds a connection string; otherwise they are reported skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-broker.sh

if [[ -z "${MODERATION_TEST_MONGODB:-}" ]]; then
  echo "[test] MODERATION_TEST_MONGODB is not set: the MongoDB provider tests will be reported as skipped." >&2
fi

dotnet test ModerationWorkers.sln --configuration Release --logger "console;verbosity=normal" "$@"
