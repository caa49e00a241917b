#!/usr/bin/env bash
# Validates compose/docker-compose.yml without a Docker engine, with Debian's docker-compose (1.29), whose
# `config` command only reads files. Installs that package through apt when `docker-compose` is missing.
#
# Checks:
# - the file is valid Compose, with compose/.env.example as its .env, with and without `--profile monitoring`;
# - each of the eight worker roles is a service that runs only that role (`--roles <role>`), connects as that
#   role's broker user, and sets deploy.replicas;
# - the files it mounts and builds from exist, and compose/prometheus.yml scrapes every role and RabbitMQ;
# - since issue 19: every image is pinned, every worker has a health check of /health/ready, MongoDB runs with
#   authentication and a least-privilege user for the workers, and the broker's admin password comes from .env.
# Prints one line when all is well; exits non-zero naming the problem otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

compose_file=compose/docker-compose.yml
roles=(content-intake notice-intake verdicts case-saga account-strikes timers redress notifier-standing)

log() { printf '[check-compose] %s\n' "$*" >&2; }
fail() { log "$compose_file: $*"; exit 1; }

install_packages() {
  if [[ $(id -u) -ne 0 ]]; then log "$* missing and installing it needs root"; exit 1; fi
  log "installing Debian's $* through apt"
  export DEBIAN_FRONTEND=noninteractive
  local apt_log
  apt_log=$(mktemp)
  # Quiet unless it fails. No recommends: docker-compose recommends the Docker engine, which `config` does not need.
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@"; } >"$apt_log" 2>&1; then
    cat "$apt_log" >&2; rm -f "$apt_log"; log "could not install $*"; exit 1
  fi
  rm -f "$apt_log"
}

command -v docker-compose >/dev/null || install_packages docker-compose
command -v docker-compose >/dev/null || { log "docker-compose is still missing after the install"; exit 1; }
# The checks below read the rendered file with PyYAML, which Debian's docker-compose depends on.
python3 -c 'import yaml' 2>/dev/null || install_packages python3 python3-yaml

# A copy of the example env file, so a real compose/.env is never read (nor needed).
env_file=$(mktemp)
rendered=$(mktemp)
trap 'rm -f "$env_file" "$rendered"' EXIT
cp compose/.env.example "$env_file"
dc() { docker-compose --env-file "$env_file" -f "$compose_file" "$@"; }

dc config -q || fail "docker-compose config rejected it"
help=$(docker-compose --help 2>&1 || true)   # read whole: `| grep -q` could end it early, a SIGPIPE under pipefail
if grep -q -- '--profile' <<<"$help"; then
  dc --profile monitoring config -q || fail "docker-compose config rejected it with --profile monitoring"
  dc --profile monitoring config >"$rendered"
else
  log "this docker-compose has no --profile option: the monitoring profile is not checked on its own"
  dc config >"$rendered"
fi

services=$(dc config --services)
for role in "${roles[@]}"; do
  grep -qx -- "$role" <<<"$services" || fail "no service for the worker role $role"
done

python3 - "$rendered" "${roles[@]}" <<'PY' || exit 1
import os, sys, yaml

rendered, roles = sys.argv[1], sys.argv[2:]
config = yaml.safe_load(open(rendered))
services = config.get("services", {})
problems = []

for role in roles:
    service = services.get(role, {})
    command = service.get("command")
    if isinstance(command, str):
        command = command.split()
    if command != ["--roles", role]:
        problems.append(f"service {role}: command should be [\"--roles\", \"{role}\"], not {command}")
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        environment = dict(item.split("=", 1) for item in environment)
    uri = str(environment.get("RabbitMq__Uri", ""))
    if not uri.startswith(f"amqp://{role}:") and not uri.startswith(f"amqps://{role}:"):
        problems.append(f"service {role}: RabbitMq__Uri should connect as the broker user {role}")
    replicas = (service.get("deploy") or {}).get("replicas")
    if not isinstance(replicas, int) or replicas < 1:
        problems.append(f"service {role}: deploy.replicas should be 1 or more, not {replicas}")
    build = service.get("build") or {}
    dockerfile = os.path.join(build.get("context", ""), build.get("dockerfile", "Dockerfile"))
    if not build or not os.path.isfile(dockerfile):
        problems.append(f"service {role}: builds from {dockerfile}, which does not exist")

def mounts(service):
    """(source, target) of each volume, in the short ("src:dst:mode") or the long (mapping) syntax."""
    for volume in service.get("volumes") or []:
        if isinstance(volume, dict):
            yield volume.get("source"), volume.get("target")
        else:
            parts = volume.split(":")
            yield (parts[0], parts[1]) if len(parts) > 1 else (None, parts[0])

for name, service in services.items():
    for source, _ in mounts(service):
        if source and source.startswith("/") and not os.path.exists(source):
            problems.append(f"service {name}: mounts {source}, which does not exist")

prometheus = services.get("prometheus")
if prometheus is None:
    problems.append("no prometheus service (profile monitoring)")
else:
    scrape_file = next((source for source, target in mounts(prometheus)
                        if target == "/etc/prometheus/prometheus.yml"), None)
    if scrape_file is None or not os.path.isfile(scrape_file):
        problems.append("prometheus: no /etc/prometheus/prometheus.yml mounted from an existing file")
    else:
        scrape = yaml.safe_load(open(scrape_file)) or {}
        names = {n for job in scrape.get("scrape_configs") or [] for sd in job.get("dns_sd_configs") or []
                 for n in sd.get("names") or [] if sd.get("port") == 9090}
        for role in roles:
            if role not in names:
                problems.append(f"{scrape_file}: no dns_sd_configs target for {role} on port 9090")

# Since issue 19: a hardened stack.
import re
for name, service in services.items():
    image = service.get("image", "")
    if image and not re.search(r":v?[0-9][^:]*$", image) and not image.endswith(":local"):
        problems.append(f"service {name}: image {image} is not pinned to a version")
for role in roles:
    test = " ".join((services.get(role, {}).get("healthcheck") or {}).get("test") or [])
    if "/dev/tcp/127.0.0.1/9090" not in test or "/health/ready" not in test:
        problems.append(f"service {role}: no health check of /health/ready")
mongo = services.get("mongodb", {})
mongo_text = yaml.safe_dump(mongo)
if "--keyFile" not in mongo_text or "MONGO_INITDB_ROOT_PASSWORD" not in mongo_text:
    problems.append("service mongodb: authentication (a keyFile and a root user) is not on")
mongo_check = " ".join((mongo.get("healthcheck") or {}).get("test") or [])
if "isWritablePrimary" not in mongo_check:
    problems.append("service mongodb: its health check does not wait for a writable primary")
if "roles:[{role:'readWrite', db:'moderation'}]" not in mongo_check:
    problems.append("service mongodb: the workers' user is not limited to readWrite on the moderation database")
for role in roles:
    connection = str(((services.get(role, {}).get("environment")) or {}).get("Storage__MongoDb__ConnectionString", ""))
    if not connection.startswith("mongodb://moderation:"):
        problems.append(f"service {role}: does not connect to MongoDB as the workers' user")
rabbit_env = services.get("rabbitmq", {}).get("environment") or {}
if not rabbit_env.get("RABBITMQ_DEFAULT_PASS") or rabbit_env.get("RABBITMQ_DEFAULT_PASS") == "guest":
    problems.append("service rabbitmq: the admin password does not come from .env")
if prometheus is not None and scrape_file and os.path.isfile(scrape_file):
    targets = {t for job in scrape.get("scrape_configs") or [] for sc in job.get("static_configs") or [] for t in sc.get("targets") or []}
    if "rabbitmq:15692" not in targets:
        problems.append(f"{scrape_file}: RabbitMQ's own endpoint (rabbitmq:15692) is not scraped")

for problem in problems:
    print(f"[check-compose] compose/docker-compose.yml: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY

echo "[check-compose] $compose_file is valid"
