#!/usr/bin/env bash
# `npm run testdb -- start|stop|status|uri [cluster.sh start options]`:
# one long-lived DocumentDB for development and benchmarks, in TESTDB_DIR
# (default: .cache/testdb in the repository, gitignored).
#
#   start   builds if needed (tools/documentdb/build.sh), starts the cluster and
#           prints MONGODB_URI=... as the last line of stdout; when it already
#           runs, says so and prints the URI again; when it was stopped (e.g. by
#           a reboot), starts it again on the same data and ports.
#           Options go to cluster.sh start, e.g. --durable (fsync on).
#   stop    stops it and removes its data
#   status  says whether it runs (exit 0 with the URI; 3 stopped; 4 none)
#   uri     prints MONGODB_URI=... from the state, without a check
#
# Use it: export "$(npm run -s testdb -- start | tail -n 1)"
# Progress goes to stderr.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tools/documentdb"
DIR="${TESTDB_DIR:-$ROOT/.cache/testdb}"

log() { echo "testdb: $*" >&2; }

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  start)
    rc=0
    said="$("$HERE/cluster.sh" status "$DIR" 2>&1 >/dev/null)" || rc=$?
    if [[ $rc -eq 0 ]]; then
      echo "$said" >&2
      log "already running in $DIR ('npm run testdb -- stop' stops it and removes its data)"
      [[ $# -eq 0 ]] || log "options ignored for a running cluster: $*"
      "$HERE/cluster.sh" uri "$DIR"
      exit 0
    fi
    gateway="$("$HERE/build.sh" | tail -n 1)"
    if [[ $rc -eq 3 ]]; then
      log "found a stopped cluster in $DIR: starting it again on its data"
      [[ $# -eq 0 ]] || log "options ignored for an existing cluster: $*"
      if ! "$HERE/cluster.sh" resume "$DIR"; then
        log "could not start it again; 'npm run testdb -- stop' removes it, then start a new one"
        exit 1
      fi
      exit 0
    fi
    mkdir -p "$(dirname "$DIR")"
    exec "$HERE/cluster.sh" start "$DIR" --gateway "$gateway" "$@"
    ;;
  stop) exec "$HERE/cluster.sh" stop "$DIR" ;;
  status) exec "$HERE/cluster.sh" status "$DIR" ;;
  uri) exec "$HERE/cluster.sh" uri "$DIR" ;;
  *)
    sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
