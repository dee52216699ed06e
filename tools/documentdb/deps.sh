#!/usr/bin/env bash
# Installs the Debian packages that building and running DocumentDB needs
# (see ../shared/vendor/README.md). Idempotent: does nothing when every
# package is there. Needs root (apt-get) only when something is missing.
#
# PostgreSQL's server, its -dev package, libpq-dev and postgresql-15-rum are
# installed together at the same candidate version: the security build of
# rum needs a server at least as new as itself.
set -euo pipefail

PACKAGES=(
  postgresql-15 postgresql-server-dev-15 libpq-dev postgresql-15-rum
  postgresql-15-cron postgresql-15-postgis-3
  libkrb5-dev libbson-dev libintelrdfpmath-dev libpcre2-dev
  pkg-config openssl make gcc
)

log() { echo "documentdb/deps.sh: $*" >&2; }

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# The server and its dev headers must agree (an extension built against
# 15.20 headers loads into a 15.18 server only by luck).
server_v="$(dpkg-query -W -f='${Version}' postgresql-15 2>/dev/null || true)"
dev_v="$(dpkg-query -W -f='${Version}' postgresql-server-dev-15 2>/dev/null || true)"
if [[ -n "$server_v" && -n "$dev_v" && "$server_v" != "$dev_v" ]]; then
  missing+=(postgresql-15 postgresql-server-dev-15 libpq-dev postgresql-15-rum)
fi
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]]; then
  log "missing Debian packages: ${missing[*]}"
  log "install them as root: apt-get install ${PACKAGES[*]}"
  exit 2
fi
log "installing: ${missing[*]}"
apt-get update -qq
# Always name the four version-locked packages together.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "${PACKAGES[@]}" >&2
