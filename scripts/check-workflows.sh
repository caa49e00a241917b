#!/usr/bin/env bash
# Validates .github/workflows/*.yml against GitHub's workflow schema with @action-validator/cli (npm, installed on
# first use into a cache folder), and checks that the validator does refuse a misspelt key, so a pass means something.
set -euo pipefail
cd "$(dirname "$0")/.."

version=0.6.0
tool_dir="${XDG_CACHE_HOME:-$HOME/.cache}/moderationworkers/action-validator-$version"
validator="$tool_dir/node_modules/.bin/action-validator"
if [[ ! -x "$validator" ]]; then
  command -v npm >/dev/null || { echo "[check-workflows] npm is needed to validate the workflows" >&2; exit 1; }
  echo "[check-workflows] installing @action-validator/cli@$version" >&2
  mkdir -p "$tool_dir"
  npm install --prefix "$tool_dir" --silent --no-audit --no-fund "@action-validator/cli@$version" >/dev/null
fi

for workflow in .github/workflows/*.yml; do
  "$validator" "$workflow" >/dev/null || { "$validator" "$workflow" >&2 || true; echo "[check-workflows] $workflow is not a valid workflow" >&2; exit 1; }
  broken=$(mktemp --suffix .yml)
  sed '0,/runs-on:/s//runs_on:/' "$workflow" > "$broken"
  if "$validator" "$broken" >/dev/null 2>&1; then
    rm -f "$broken"; echo "[check-workflows] the validator accepted a misspelt key in $workflow: it checks nothing" >&2; exit 1
  fi
  rm -f "$broken"
  echo "[check-workflows] $workflow: valid"
done
