#!/usr/bin/env bash
# Makes sure a RabbitMQ broker is reachable for the workers and the tests.
# - If RabbitMq__Uri points somewhere other than loopback, that broker is trusted and left alone.
# - Otherwise, if nothing listens on 127.0.0.1:5672, Debian's rabbitmq-server is installed (apt) and
#   started on loopback with the management plugin (the tests use its HTTP API to make a vhost each).
# Idempotent: safe to run before every run or test.
set -euo pipefail

uri="${RabbitMq__Uri:-amqp://guest:guest@127.0.0.1:5672/}"
hostport="${uri#*://}"; hostport="${hostport#*@}"; hostport="${hostport%%/*}"
host="${hostport%%:*}"

log() { printf '[ensure-broker] %s\n' "$*" >&2; }

listening() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

if [[ "$host" != "127.0.0.1" && "$host" != "localhost" ]]; then
  log "RabbitMq__Uri names $host: using that broker as configured"
  exit 0
fi

wait_for_management() {
  for _ in $(seq 1 60); do listening 127.0.0.1 15672 && return 0; sleep 1; done
  log "the management API (127.0.0.1:15672) did not come up; the integration tests need it"
  return 1
}

if listening 127.0.0.1 5672; then
  log "a broker already listens on 127.0.0.1:5672"
  if ! listening 127.0.0.1 15672 && command -v rabbitmq-plugins >/dev/null; then
    rabbitmq-plugins enable --quiet rabbitmq_management >/dev/null 2>&1 || true
    wait_for_management
  fi
  # The monitoring tests read queue metrics from rabbitmq_prometheus (port 15692), as Prometheus does.
  if ! listening 127.0.0.1 15692 && command -v rabbitmq-plugins >/dev/null; then
    rabbitmq-plugins enable --quiet rabbitmq_prometheus >/dev/null 2>&1 || true
  fi
  exit 0
fi

if ! command -v rabbitmq-server >/dev/null; then
  if [[ $(id -u) -ne 0 ]]; then log "rabbitmq-server is missing and installing it needs root"; exit 1; fi
  log "installing Debian's rabbitmq-server through apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # policy-rc.d stops the package from trying to start a service manager that a container may lack.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d
  apt-get install -y -qq --no-install-recommends rabbitmq-server >/dev/null
  rm -f /usr/sbin/policy-rc.d
fi

# Loopback only: the broker is for this machine's workers and tests.
mkdir -p /etc/rabbitmq
cat > /etc/rabbitmq/rabbitmq-env.conf <<'CONF'
NODE_IP_ADDRESS=127.0.0.1
NODENAME=rabbit@localhost
CONF
cat > /etc/rabbitmq/rabbitmq.conf <<'CONF'
listeners.tcp.default = 127.0.0.1:5672
management.tcp.ip = 127.0.0.1
management.tcp.port = 15672
prometheus.tcp.ip = 127.0.0.1
prometheus.tcp.port = 15692
loopback_users.guest = true
CONF
echo '[rabbitmq_management,rabbitmq_prometheus].' > /etc/rabbitmq/enabled_plugins

# The node is rabbit@localhost: a minimal root may lack the hosts entry that Erlang's name lookup needs.
grep -qE '^[[:space:]]*127\.0\.0\.1[[:space:]].*\blocalhost\b' /etc/hosts 2>/dev/null || echo '127.0.0.1 localhost' >> /etc/hosts

log "starting rabbitmq-server on 127.0.0.1:5672"
# epmd and the data directory must be usable by root in a fresh root as well as in a service account.
export HOME="${HOME:-/root}"
RABBITMQ_LOG_BASE=/var/log/rabbitmq nohup rabbitmq-server > /var/log/rabbitmq-server.out 2>&1 &
server=$!

for _ in $(seq 1 120); do
  if listening 127.0.0.1 5672 && listening 127.0.0.1 15672; then
    # Tests that restart the broker may only restart one that these scripts started.
    echo "$server" > "${TMPDIR:-/tmp}/moderationworkers-broker.pid"
    log "broker is up"
    exit 0
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    log "rabbitmq-server exited during start-up"
    break
  fi
  sleep 1
done
log "the broker did not come up in 120 s; its output:"
tail -n 50 /var/log/rabbitmq-server.out >&2 || true
grep -h Slogan /var/lib/rabbitmq/erl_crash.dump >&2 2>/dev/null || true
exit 1
