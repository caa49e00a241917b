#!/usr/bin/env bash
# Renders compose/kubernetes/overlays/example with `kubectl kustomize`, and validates every object against the
# Kubernetes, KEDA and Prometheus Operator schemas (scripts/kubernetes/validate.mjs), refusing unknown fields. It
# also shows, every run, that the check does refuse a misspelt field, so a pass means something. No cluster is needed.
# Installs what it needs: Debian's kubernetes-client (kubectl) and npm, and the validator's npm packages.
#   scripts/check-kubernetes.sh [rendered.yaml]    also writes the rendered manifests there
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[check-kubernetes] %s\n' "$*" >&2; }

apt_install() {
  if [[ $(id -u) -ne 0 ]]; then log "$1 is missing and installing it needs root"; exit 1; fi
  log "installing Debian's $1 through apt"
  local apt_log; apt_log=$(mktemp)
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1"; } >"$apt_log" 2>&1; then
    cat "$apt_log" >&2; rm -f "$apt_log"; log "could not install $1"; exit 1
  fi
  rm -f "$apt_log"
}

command -v kubectl >/dev/null || apt_install kubernetes-client
command -v npm >/dev/null || apt_install npm

tool=scripts/kubernetes
if [[ ! -d "$tool/node_modules/kubernetes-models" || "$tool/package.json" -nt "$tool/node_modules/.installed" ]]; then
  log "installing the validator's npm packages (scripts/kubernetes/package.json)"
  npm install --prefix "$tool" --silent --no-audit --no-fund --no-package-lock >/dev/null
  touch "$tool/node_modules/.installed"
fi

rendered=${1:-$(mktemp --suffix .yaml)}
kubectl kustomize compose/kubernetes/overlays/example > "$rendered"
node "$tool/validate.mjs" --self-test >/dev/null || { node "$tool/validate.mjs" --self-test >&2 || true; log "the validator's self-test failed"; exit 1; }
node "$tool/validate.mjs" "$rendered" >&2 || { log "compose/kubernetes/overlays/example does not validate"; exit 1; }

broken=$(mktemp --suffix .yaml)
sed '0,/terminationGracePeriodSeconds:/s//terminationGracePeriodSecond:/' "$rendered" > "$broken"
if node "$tool/validate.mjs" "$broken" >/dev/null 2>&1; then
  rm -f "$broken"; log "the validator accepted a misspelt field (terminationGracePeriodSecond): it checks nothing"; exit 1
fi
rm -f "$broken"
log "compose/kubernetes/overlays/example: $(grep -c '^kind:' "$rendered") objects valid; a misspelt field is refused"
