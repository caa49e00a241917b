#!/usr/bin/env bash
# Lints the Dockerfile with dockerfilelint (npm, installed on first use into a cache folder), and checks what the
# linter does not: every base image is pinned to a version, the image runs as a non-root user, and modctl is in it.
# Shows every run that the linter refuses a broken Dockerfile, so a pass means something.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[check-dockerfile] %s\n' "$*" >&2; }
fail() { log "Dockerfile: $*"; exit 1; }

if ! command -v npm >/dev/null; then
  if [[ $(id -u) -ne 0 ]]; then log "npm is missing and installing it needs root"; exit 1; fi
  log "installing Debian's npm through apt"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
fi

version=1.8.0
tool_dir="${XDG_CACHE_HOME:-$HOME/.cache}/moderationworkers/dockerfilelint-$version"
lint="$tool_dir/node_modules/.bin/dockerfilelint"
if [[ ! -x "$lint" ]]; then
  log "installing dockerfilelint@$version"
  mkdir -p "$tool_dir"
  npm install --prefix "$tool_dir" --silent --no-audit --no-fund "dockerfilelint@$version" >/dev/null
fi

# .dockerfilelintrc beside the Dockerfile turns off only the tag rule, which misreads FROM --platform=...
"$lint" Dockerfile >/dev/null || { "$lint" Dockerfile >&2 || true; fail "dockerfilelint found problems"; }

while read -r image; do
  [[ "$image" =~ :[0-9][^[:space:]]*$ ]] || fail "base image $image is not pinned to a version"
done < <(awk 'toupper($1) == "FROM" { for (i = 2; i <= NF; i++) if ($i !~ /^--/) { print $i; break } }' Dockerfile)
grep -Eq '^USER +\$APP_UID' Dockerfile || fail "the runtime stage does not switch to the non-root APP_UID user"
grep -q '/usr/local/bin/modctl' Dockerfile || fail "modctl is not installed in the image"
grep -q 'TARGETARCH' Dockerfile || fail "the build does not take the target architecture (multi-arch)"

broken_dir=$(mktemp -d)
cp .dockerfilelintrc "$broken_dir/"
{ cat Dockerfile; printf 'RUN apt-get install curl\n'; } > "$broken_dir/Dockerfile"
if (cd "$broken_dir" && "$lint" Dockerfile >/dev/null 2>&1); then
  rm -rf "$broken_dir"; fail "dockerfilelint accepted an apt-get install without -y: it checks nothing"
fi
rm -rf "$broken_dir"
log "Dockerfile: lint clean, base images pinned, non-root, modctl included; a broken Dockerfile is refused"
