#!/usr/bin/env bash
# Installs the pgvector extension into the local PostgreSQL 15 server.
#
# Debian 12 does not package pgvector for PostgreSQL 15, so we build it from Debian trixie's source
# package. The deb-src entry is derived from the mirror this machine already uses (no mirror host is
# hard-coded here, because machines differ in which mirror they may reach) and removed afterwards.
# Idempotent: exits early when vector.control is already installed.
set -euo pipefail

PG_MAJOR="${PG_MAJOR:-15}"
PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config"
CONTROL="/usr/share/postgresql/${PG_MAJOR}/extension/vector.control"
SRC_SUITE="${PGVECTOR_SRC_SUITE:-trixie}"
APT_ETC="${APT_ETC:-/etc/apt}" # overridable only to test find_mirror
SRC_LIST="/etc/apt/sources.list.d/frontdesk-${SRC_SUITE}-src.list"

log() { printf '[install-pgvector] %s\n' "$*"; }

verify() {
  if command -v psql >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 2>/dev/null; then
    log "verifying CREATE EXTENSION vector on 127.0.0.1"
    PGOPTIONS="-c client_min_messages=warning" psql -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "${PGVECTOR_VERIFY_DB:-test}" -Atc \
      'CREATE EXTENSION IF NOT EXISTS vector; SELECT extversion FROM pg_extension WHERE extname=$$vector$$' \
      || { log "WARNING: could not verify the extension (database missing?)"; return 0; }
  else
    log "PostgreSQL not reachable on 127.0.0.1; skipping verification"
  fi
}

# Prints http(s) URIs of release entries (not security/updates/backports suites) from the machine's apt
# sources, one-line (.list) and deb822 (.sources) formats, in file order.
candidate_uris() {
  local f
  shopt -s nullglob
  for f in "$APT_ETC"/sources.list "$APT_ETC"/sources.list.d/*.list; do
    [[ -f "$f" && "$f" != "$SRC_LIST" ]] || continue
    awk '
      /^[[:space:]]*#/ { next }
      $1 == "deb" || $1 == "deb-src" {
        i = 2
        if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
        if ($(i) ~ /^https?:\/\// && $(i + 1) !~ /-(security|updates|backports)$/) print $(i)
      }' "$f"
  done
  for f in "$APT_ETC"/sources.list.d/*.sources; do
    [[ -f "$f" ]] || continue
    # deb822: blank-line separated stanzas; a stanza counts if enabled and one of its Suites is a release.
    awk '
      function flush(   n, k, u) {
        if (uris != "" && plain && enabled) { n = split(uris, u, /[[:space:]]+/); for (k = 1; k <= n; k++) if (u[k] ~ /^https?:\/\//) print u[k] }
        uris = ""; plain = 0; enabled = 1
      }
      BEGIN { enabled = 1 }
      /^[[:space:]]*$/ { flush(); next }
      /^[[:space:]]*#/ { next }
      tolower($1) == "uris:" { $1 = ""; uris = $0 }
      tolower($1) == "suites:" { for (j = 2; j <= NF; j++) if ($j !~ /-(security|updates|backports)$/) plain = 1 }
      tolower($1) == "enabled:" && tolower($2) == "no" { enabled = 0 }
      END { flush() }' "$f"
  done
}

# The Debian archive mirror: prefer a URI ending in /debian, else any Debian-looking non-security URI.
find_mirror() {
  local uris
  uris="$(candidate_uris)"
  { grep -E '/debian/?$' <<<"$uris" || grep -i 'debian' <<<"$uris" | grep -vi 'security' || true; } | head -n1 | sed 's:/*$::'
}

if [[ "${1:-}" == --print-mirror ]]; then find_mirror; exit 0; fi

if [[ -f "$CONTROL" && "${PGVECTOR_FORCE:-0}" != 1 ]]; then
  log "pgvector already installed ($CONTROL)"
  verify
  exit 0
fi

if [[ "$(id -u)" != 0 ]]; then
  log "must run as root (apt-get, make install)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)

MIRROR="$(find_mirror)"
if [[ -z "$MIRROR" ]]; then
  log "could not find a Debian mirror in the machine's apt sources" >&2
  exit 1
fi
log "using the machine's Debian mirror: $MIRROR"

tmp="$(mktemp -d)"
chown _apt "$tmp" 2>/dev/null || chmod 755 "$tmp" # apt downloads as the unprivileged _apt user
cleanup() {
  local rc=$?
  if [[ -f "$SRC_LIST" ]]; then
    rm -f "$SRC_LIST"
    # Drop the trixie source index again so later apt operations never see it.
    log "removed temporary $SRC_LIST; refreshing apt lists"
    apt-get update -qq >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT

echo "deb-src ${MIRROR} ${SRC_SUITE} main" > "$SRC_LIST"
log "wrote $SRC_LIST: $(cat "$SRC_LIST")"

log "apt-get update"
apt-get update -qq
log "installing build dependencies"
apt-get install -y -qq --no-install-recommends \
  "postgresql-server-dev-${PG_MAJOR}" build-essential dpkg-dev ca-certificates >/dev/null

log "downloading pgvector source from ${SRC_SUITE}"
(
  cd "$tmp"
  # Download and unpack only; build-deps are resolved against bookworm above, not trixie.
  apt-get source -qq --download-only pgvector
  dpkg-source --no-check -x ./pgvector_*.dsc src >/dev/null
)

log "building"
make -s -C "$tmp/src" USE_PGXS=1 PG_CONFIG="$PG_CONFIG" OPTFLAGS="" -j"$(nproc)"
make -s -C "$tmp/src" USE_PGXS=1 PG_CONFIG="$PG_CONFIG" OPTFLAGS="" install

[[ -f "$CONTROL" ]] || { log "install finished but $CONTROL is missing" >&2; exit 1; }
log "installed pgvector $(sed -n "s/^default_version = '\(.*\)'/\1/p" "$CONTROL") in $(( $(date +%s) - start ))s"
verify
