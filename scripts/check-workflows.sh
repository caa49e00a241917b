#!/usr/bin/env bash
# Validates .github/workflows/*.yml against GitHub's workflow schema with @action-validator/cli (npm, installed on
# first use into a cache folder), and checks that the validator does refuse a misspelt key, so a pass means something.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[check-workflows] %s\n' "$*" >&2; }

# A fresh machine may lack npm: Debian's package brings it, with Node.js.
if ! command -v npm >/dev/null; then
  if [[ $(id -u) -ne 0 ]]; then log "npm is missing and installing it needs root"; exit 1; fi
  log "installing Debian's npm through apt"
  apt_log=$(mktemp)
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm; } >"$apt_log" 2>&1; then
    cat "$apt_log" >&2; rm -f "$apt_log"; log "could not install npm"; exit 1
  fi
  rm -f "$apt_log"
fi

version=0.6.0
tool_dir="${XDG_CACHE_HOME:-$HOME/.cache}/moderationworkers/action-validator-$version"
validator="$tool_dir/node_modules/.bin/action-validator"
if [[ ! -x "$validator" ]]; then
  log "installing @action-validator/cli@$version"
  mkdir -p "$tool_dir"
  npm install --prefix "$tool_dir" --silent --no-audit --no-fund "@action-validator/cli@$version" >/dev/null
fi

for workflow in .github/workflows/*.yml; do
  "$validator" "$workflow" >/dev/null || { "$validator" "$workflow" >&2 || true; log "$workflow is not a valid workflow"; exit 1; }
  broken=$(mktemp --suffix .yml)
  sed '0,/runs-on:/s//runs_on:/' "$workflow" > "$broken"
  if "$validator" "$broken" >/dev/null 2>&1; then
    rm -f "$broken"; log "the validator accepted a misspelt key in $workflow: it checks nothing"; exit 1
  fi
  rm -f "$broken"
  echo "[check-workflows] $workflow: valid"
done
