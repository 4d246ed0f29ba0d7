#!/usr/bin/env bash
# Makes sure Redis serves 127.0.0.1:6379, which the rate-limit and replica tests use (REDIS_URL). On the usual
# machine it is already running and this only checks; on a bare Debian machine it installs redis-server from apt
# and starts it on loopback, without persistence.
set -euo pipefail

log() { printf '[ci-redis] %s\n' "$*"; }
ping() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

if command -v redis-cli >/dev/null && ping; then
  log "ready: redis://127.0.0.1:6379"
  exit 0
fi

if ! command -v redis-server >/dev/null; then
  log "redis-server missing; installing from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends redis-server >/dev/null
fi

log "starting redis-server on 127.0.0.1:6379"
redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save "" --appendonly no >/dev/null
for _ in $(seq 1 30); do ping && break; sleep 1; done
ping || { log "Redis did not answer on 127.0.0.1:6379"; exit 1; }
log "ready: redis://127.0.0.1:6379"
