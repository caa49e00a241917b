#!/usr/bin/env bash
# Runs the main job: makes sure a RabbitMQ broker is reachable (installing and starting Debian's
# rabbitmq-server on loopback when none is configured or running), then starts every worker role in one
# process on the embedded SQLite store. Extra arguments go to the host, e.g. --roles case-saga.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-broker.sh

export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
exec dotnet run --project src/ModerationWorkers.Host --configuration Release -- "$@"
