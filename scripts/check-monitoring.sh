#!/usr/bin/env bash
# Checks the monitoring files with promtool (from Debian's prometheus package, installed through apt when missing):
# compose/monitoring/alerts.yml with `promtool check rules`, its unit tests compose/monitoring/alerts.test.yml with
# `promtool test rules`, and compose/prometheus.yml with `promtool check config`. Shows every run that a broken
# expectation fails the unit tests, so a pass means something.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[check-monitoring] %s\n' "$*" >&2; }

if ! command -v promtool >/dev/null; then
  if [[ $(id -u) -ne 0 ]]; then log "promtool is missing and installing it needs root"; exit 1; fi
  log "installing Debian's prometheus (for promtool) through apt"
  apt_log=$(mktemp)
  # Only promtool is wanted: policy-rc.d stops the package from starting a Prometheus server, which would take
  # port 9090, the workers' default metrics port.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus; } >"$apt_log" 2>&1; then
    rm -f /usr/sbin/policy-rc.d; cat "$apt_log" >&2; rm -f "$apt_log"; log "could not install prometheus"; exit 1
  fi
  rm -f /usr/sbin/policy-rc.d "$apt_log"
  pkill -x prometheus 2>/dev/null || true
fi

promtool check rules compose/monitoring/alerts.yml >/dev/null || { promtool check rules compose/monitoring/alerts.yml >&2 || true; log "alerts.yml is not valid"; exit 1; }
(cd compose/monitoring && promtool test rules alerts.test.yml >/dev/null) || { (cd compose/monitoring && promtool test rules alerts.test.yml >&2) || true; log "the alert unit tests fail"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp compose/monitoring/alerts.yml "$work/"
sed 's#/etc/prometheus/alerts.yml#alerts.yml#' compose/prometheus.yml > "$work/prometheus.yml"
(cd "$work" && promtool check config prometheus.yml >/dev/null) || { (cd "$work" && promtool check config prometheus.yml >&2) || true; log "compose/prometheus.yml is not valid"; exit 1; }

sed '0,/exp_alerts: \[\]/s//exp_alerts: [{ exp_labels: { severity: page } }]/' compose/monitoring/alerts.test.yml > "$work/alerts.test.yml"
if (cd "$work" && promtool test rules alerts.test.yml >/dev/null 2>&1); then
  log "promtool passed a unit test whose expectation was broken: the tests check nothing"; exit 1
fi
log "alerts.yml: $(grep -c -- '- alert:' compose/monitoring/alerts.yml) rules valid, unit tests pass, a broken expectation fails; prometheus.yml valid"
