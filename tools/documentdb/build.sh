#!/usr/bin/env bash
# Builds DocumentDB (the PostgreSQL extension and its Rust wire gateway) and
# pgvector from vendored sources, caches the result by source hash, and
# installs the extension files into the system's PostgreSQL 15.
#
# Usage: tools/documentdb/build.sh
#   Prints the gateway binary's path as the last line of stdout; progress
#   goes to stderr. Idempotent: with a warm cache it only checks the install.
#
# Environment:
#   DOCUMENTDB_VENDOR_DIR  folder with documentdb-*.tar.gz, pgvector-*.tar.gz
#                          and *.patch (default: ../shared/vendor beside the repo)
#   DOCUMENTDB_CACHE_DIR   build cache, outside the clone so that fresh clones
#                          on one machine share it
#                          (default: ${XDG_CACHE_HOME:-~/.cache}/profile-gateway/documentdb)
#   PG_CONFIG              pg_config of the target server
#                          (default: /usr/lib/postgresql/15/bin/pg_config)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tools/documentdb"
VENDOR="${DOCUMENTDB_VENDOR_DIR:-$ROOT/../shared/vendor}"
CACHE_ROOT="${DOCUMENTDB_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/profile-gateway/documentdb}"
PG_CONFIG="${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}"

log() { echo "documentdb/build.sh: $*" >&2; }
die() { log "$*"; exit 2; }

"$HERE/deps.sh" >&2
[[ -x "$PG_CONFIG" ]] || die "no pg_config at $PG_CONFIG (set PG_CONFIG)"

shopt -s nullglob
ddb_tar=("$VENDOR"/documentdb-*.tar.gz)
vec_tar=("$VENDOR"/pgvector-*.tar.gz)
# The vendor's patches, then the project's own (tools/documentdb/patches).
patches=("$VENDOR"/*.patch "$HERE"/patches/*.patch)
shopt -u nullglob
[[ ${#ddb_tar[@]} -eq 1 ]] || die "expected one documentdb-*.tar.gz in $VENDOR (set DOCUMENTDB_VENDOR_DIR)"
[[ ${#vec_tar[@]} -eq 1 ]] || die "expected one pgvector-*.tar.gz in $VENDOR (set DOCUMENTDB_VENDOR_DIR)"

# The key covers every input that changes the output: sources, patches, this
# recipe and the server the extension is compiled against.
key="$(
  {
    sha256sum "${ddb_tar[0]}" "${vec_tar[0]}" ${patches[@]+"${patches[@]}"} "$HERE/build.sh" | awk '{print $1}'
    "$PG_CONFIG" --version
    dpkg-query -W -f='${Version}\n' postgresql-server-dev-15 2>/dev/null || true
  } | sha256sum | cut -c1-16
)"
CACHE="$CACHE_ROOT/$key"
GATEWAY="$CACHE/bin/documentdb_gateway"

# One build or install at a time per cache (jest, `npm run testdb` and CI may
# start this at once): a second caller waits, then finds the cache complete.
mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.lock"
if ! flock -n 9; then
  log "another build.sh is building or installing in $CACHE_ROOT; waiting for it"
  flock 9
fi

if [[ ! -f "$CACHE/complete" ]]; then
  # Rust toolchain: rustup's (Debian's rustc 1.63 is too old for the gateway).
  if ! command -v cargo >/dev/null 2>&1 && [[ -x "$HOME/.cargo/bin/cargo" ]]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  command -v cargo >/dev/null 2>&1 || die "cargo not found: the gateway needs a Rust toolchain >= 1.75 (rustup)"

  log "building $(basename "${ddb_tar[0]}") + $(basename "${vec_tar[0]}") (cache key $key) into $CACHE"
  start=$SECONDS
  rm -rf "$CACHE.tmp" # left by an interrupted build
  # Always the same directory (under the lock): the gateway's proc macro
  # crate (documentdb_macros) reads ../../pg_documentdb_core/include/utils/
  # external_error_mapping.csv relative to its CARGO_MANIFEST_DIR, which is
  # compiled into it, and the cargo target dir below is shared between builds;
  # from a fresh temp dir per build, a reused macro would look into a deleted
  # earlier one ("Could not read external_error_mapping.csv").
  WORK="$CACHE_ROOT/work"
  rm -rf "$WORK"
  mkdir -p "$WORK"
  trap 'rm -rf "$WORK"' EXIT
  # -m: files get the extraction time, not the tarball's, so that cargo
  # rebuilds the workspace crates from these sources rather than taking the
  # previous build's as fresh.
  tar -xzmf "${ddb_tar[0]}" -C "$WORK"
  tar -xzmf "${vec_tar[0]}" -C "$WORK"
  src="$(find "$WORK" -mindepth 1 -maxdepth 1 -type d -name 'documentdb-*' | head -n 1)"
  vec="$(find "$WORK" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)"
  for p in ${patches[@]+"${patches[@]}"}; do
    log "applying $(basename "$p")"
    patch -s -d "$src" -p1 <"$p"
  done
  stage="$WORK/stage"
  jobs="$(nproc)"

  # Debian's static Intel decimal library under the pkg-config name the build asks for.
  mkdir -p "$WORK/pkgconfig"
  cat >"$WORK/pkgconfig/intelmathlib.pc" <<PC
Name: intelmathlib
Description: Intel decimal floating-point math library (Debian libintelrdfpmath-dev)
Version: 2.0
Cflags: -I/usr/include
Libs: -L/usr/lib/x86_64-linux-gnu -l:libbidgcc000.a
PC
  export PKG_CONFIG_PATH="$WORK/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"

  log "pgvector"
  make -s -C "$vec" -j"$jobs" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" with_llvm=no >&2
  make -s -C "$vec" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" with_llvm=no DESTDIR="$stage" install >&2

  for part in pg_documentdb_core pg_documentdb; do
    log "$part"
    make -s -C "$src/$part" -j"$jobs" PG_CONFIG="$PG_CONFIG" with_llvm=no >&2
    make -s -C "$src/$part" PG_CONFIG="$PG_CONFIG" with_llvm=no DESTDIR="$stage" install >&2
  done

  # The gateway reads ../../pg_documentdb_core/include/... at build time, so it
  # is built inside the unpacked tree. Its target dir is kept in the cache root:
  # a rebuild after a patch change recompiles only what changed.
  log "pg_documentdb_gw (cargo build --release; several minutes when cold)"
  (cd "$src/pg_documentdb_gw" && CARGO_TARGET_DIR="$CACHE_ROOT/cargo-target" cargo build --release --quiet >&2)

  mkdir -p "$CACHE.tmp/bin"
  cp "$CACHE_ROOT/cargo-target/release/documentdb_gateway" "$CACHE.tmp/bin/"
  cp -a "$stage" "$CACHE.tmp/stage"
  version="$(basename "${ddb_tar[0]}" .tar.gz)"
  echo "${version#documentdb-}" >"$CACHE.tmp/version"
  touch "$CACHE.tmp/complete"
  rm -rf "$CACHE"
  mv "$CACHE.tmp" "$CACHE"
  log "built in $((SECONDS - start)) s"
fi

# Install the extension files into the server (its directories are fixed at
# PostgreSQL's own build time). A stamp says which build is installed.
stamp="$("$PG_CONFIG" --pkglibdir)/profile-gateway-documentdb.stamp"
if [[ "$(cat "$stamp" 2>/dev/null || true)" != "$key" ]]; then
  if [[ ! -w "$("$PG_CONFIG" --pkglibdir)" ]]; then
    die "cannot install into $("$PG_CONFIG" --pkglibdir): run this once as root"
  fi
  log "installing the extension files into PostgreSQL ($("$PG_CONFIG" --version))"
  # --remove-destination: each file gets a new inode, so a running server
  # keeps the libraries it has mapped (overwriting them in place can crash it).
  cp -a --remove-destination "$CACHE/stage/." /
  echo "$key" >"$stamp"
fi

echo "$GATEWAY"
