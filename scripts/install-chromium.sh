#!/usr/bin/env bash
# Installs Debian's chromium for the end-to-end tests (playwright-core drives /usr/bin/chromium; its own
# browser download cannot be used because only Debian apt and npm are reachable). Idempotent.
set -euo pipefail

log() { printf '[install-chromium] %s\n' "$*"; }

if [[ -x /usr/bin/chromium ]]; then
  log "already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi

if [[ "$(id -u)" != 0 ]]; then
  log "must run as root (apt-get)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
log "apt-get update"
apt-get update -qq
# Fonts give pages real glyphs in screenshots; no web fonts can be fetched.
log "apt-get install chromium fonts-liberation fonts-dejavu-core"
apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core >/dev/null
log "installed $(/usr/bin/chromium --version 2>/dev/null) in $(( $(date +%s) - start ))s"
