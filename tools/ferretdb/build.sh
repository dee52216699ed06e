#!/usr/bin/env bash
# Build FerretDB (SQLite backend included) from the Go module proxy and cache
# the binary under .cache/ferretdb/<version>/ferretdb in the repository.
#
# Usage: tools/ferretdb/build.sh [OUTPUT_BINARY]
#   Prints the path of the binary on stdout (last line); progress goes to stderr.
#   Idempotent: exits at once when the binary already exists and runs.
#
# Why not `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`?
# The module zip lacks the gitignored build/version/version.txt, and a binary
# built without it panics at start (FerretDB issue #2982). So we copy the
# module source to a temp dir, write version.txt, and build from there.
set -euo pipefail

VERSION="${FERRETDB_VERSION:-v1.24.2}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# TEST_DB_CACHE_DIR: where built tools are cached (default: the gitignored .cache/).
OUT="${1:-${TEST_DB_CACHE_DIR:-$ROOT/.cache}/ferretdb/$VERSION/ferretdb}"

log() { echo "ferretdb/build.sh: $*" >&2; }

if [[ -x "$OUT" ]] && "$OUT" --version >/dev/null 2>&1; then
  echo "$OUT"
  exit 0
fi

# GO may name the go binary; else PATH, else the usual /usr/local/go install.
if [[ -z "${GO:-}" ]]; then
  GO="$(command -v go || true)"
  if [[ -z "$GO" && -x /usr/local/go/bin/go ]]; then GO=/usr/local/go/bin/go; fi
fi
if [[ -z "$GO" || ! -x "$GO" ]]; then
  log "Go not found${GO:+ at $GO}. Building FerretDB $VERSION needs Go >= 1.24 (the official release; Debian's golang-go is too old)."
  exit 2
fi
# Go >= 1.21 is required for go.mod toolchain lines; FerretDB's go.mod asks for 1.24.
GO_MINOR="$("$GO" env GOVERSION | sed -n 's/^go1\.\([0-9]*\).*/\1/p')"
if [[ -z "$GO_MINOR" || "$GO_MINOR" -lt 21 ]]; then
  log "$("$GO" version) is too old: FerretDB $VERSION needs Go >= 1.24."
  exit 2
fi

log "building FerretDB $VERSION with $("$GO" version) -> $OUT"
start=$SECONDS

# -json prints {"Dir": ".../github.com/!ferret!d!b/!ferret!d!b@v1.24.2", ...}
MODDIR="$("$GO" mod download -json "github.com/FerretDB/FerretDB@$VERSION" \
  | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
if [[ -z "$MODDIR" || ! -d "$MODDIR" ]]; then
  log "go mod download did not return a module directory for FerretDB $VERSION"
  exit 1
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ferretdb-build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cp -R "$MODDIR/." "$WORK/src"
chmod -R u+w "$WORK/src"          # the module cache is read-only
printf '%s\n' "$VERSION" >"$WORK/src/build/version/version.txt"
mkdir -p "$(dirname "$OUT")"
TMP_OUT="$WORK/ferretdb"

# -buildvcs=false: the copy is not a VCS checkout; CGO off: SQLite is pure Go here.
build() {
  (cd "$WORK/src" && env CGO_ENABLED=0 GOFLAGS=-buildvcs=false "$@" \
    "$GO" build -trimpath -o "$TMP_OUT" ./cmd/ferretdb)
}
if build; then :
elif log "retrying with GOTOOLCHAIN=go1.24.3 (the toolchain pinned in FerretDB's go.mod)" \
  && build GOTOOLCHAIN=go1.24.3; then :
elif log "retrying with -ldflags=-checklinkname=0" \
  && (cd "$WORK/src" && CGO_ENABLED=0 GOFLAGS=-buildvcs=false \
      "$GO" build -trimpath -ldflags=-checklinkname=0 -o "$TMP_OUT" ./cmd/ferretdb); then :
else
  log "FerretDB $VERSION failed to build"
  exit 1
fi

"$TMP_OUT" --version >/dev/null   # fail here, not in the tests, if it panics
# Copy beside the target, then rename: a half-written binary is never seen.
cp "$TMP_OUT" "$OUT.tmp.$$"
mv -f "$OUT.tmp.$$" "$OUT"
log "built in $((SECONDS - start)) s"
echo "$OUT"
