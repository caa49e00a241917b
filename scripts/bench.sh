#!/usr/bin/env bash
# Benchmark: builds in Release, makes sure the loopback broker runs (as scripts/test.sh does), then runs
# tests/ModerationWorkers.Benchmarks, which prints a markdown table and writes bench-results.json.
#   scripts/bench.sh            the full benchmark (several minutes)
#   scripts/bench.sh --smoke    a run of a few seconds that checks the benchmark still works (CI)
#   scripts/bench.sh --runs 5   more runs per figure
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-broker.sh
dotnet build ModerationWorkers.sln --configuration Release --nologo -v quiet
dotnet tests/ModerationWorkers.Benchmarks/bin/Release/net10.0/ModerationWorkers.Benchmarks.dll "$@"
