#!/usr/bin/env bash
# Makes sure PostgreSQL 15 serves 127.0.0.1:5432 with trust auth and a `test` database, as the test suite
# expects. On the usual CI machine the server is already there and this only starts it if needed; on a bare
# Debian 12 machine it installs postgresql-15 and opens trust auth on loopback only.
set -euo pipefail

PG_MAJOR="${PG_MAJOR:-15}"
log() { printf '[ci-postgres] %s\n' "$*"; }

if [[ ! -x "/usr/lib/postgresql/${PG_MAJOR}/bin/postgres" ]]; then
  log "postgresql-${PG_MAJOR} missing; installing from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "postgresql-${PG_MAJOR}" postgresql-client >/dev/null
fi

if ! pg_lsclusters -h 2>/dev/null | awk -v v="$PG_MAJOR" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
  log "creating cluster ${PG_MAJOR}/main"
  pg_createcluster "$PG_MAJOR" main --port 5432 >/dev/null
fi

HBA="/etc/postgresql/${PG_MAJOR}/main/pg_hba.conf"
if ! grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$HBA"; then
  # Tests connect as postgres@127.0.0.1 without a password; loopback only.
  log "enabling trust auth for 127.0.0.1 in $HBA"
  sed -i '1i host all all 127.0.0.1/32 trust' "$HBA"
  pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" main reload 2>/dev/null || true
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  log "starting cluster ${PG_MAJOR}/main"
  pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432

if [[ "$(psql -X -h 127.0.0.1 -U postgres -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'test'")" != 1 ]]; then
  log "creating database test"
  psql -X -h 127.0.0.1 -U postgres -d postgres -qc 'CREATE DATABASE test'
fi
log "ready: postgresql://postgres@127.0.0.1:5432/test"
