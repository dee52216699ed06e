#!/usr/bin/env bash
# A throw-away DocumentDB cluster (PostgreSQL 15 + the documentdb extension +
# its wire gateway) in one directory, on free loopback ports.
#
# Usage:
#   tools/documentdb/cluster.sh start DIR [options]
#       initdb, start PostgreSQL and the gateway, create a login role with a
#       generated password; the last line of stdout is
#       MONGODB_URI=mongodb://USER:PASS@127.0.0.1:PORT/?authMechanism=SCRAM-SHA-256&directConnection=true
#       DIR must not exist or be empty. Progress goes to stderr.
#   tools/documentdb/cluster.sh stop DIR      stop gateway and PostgreSQL, remove DIR
#   tools/documentdb/cluster.sh status DIR    exit 0 and print the URI when it answers;
#                                             3 when stopped (data kept), 4 when there is no cluster
#   tools/documentdb/cluster.sh uri DIR       print the URI from the state (no check)
#   For reliability tests (data and ports are kept):
#   tools/documentdb/cluster.sh halt DIR      stop both as an operator would (SIGTERM, pg_ctl -m fast)
#   tools/documentdb/cluster.sh kill DIR      SIGKILL the gateway and every PostgreSQL process (a crash)
#   tools/documentdb/cluster.sh resume DIR    start both again on the same ports and data
#
# Options of `start`:
#   --durable             fsync, synchronous_commit and full_page_writes ON
#                         (DOCUMENTDB_DURABLE=1 is the same). Default OFF: fast,
#                         for throw-away data. Off, a machine crash may lose
#                         anything, and even a crash of PostgreSQL alone (`kill`)
#                         loses the commits of the last ~0.5 s (synchronous_commit
#                         off acknowledges before the WAL is written).
#   --gateway BIN         the gateway binary (default: $DOCUMENTDB_GATEWAY, else
#                         what tools/documentdb/build.sh prints, building if needed)
#   --shared-buffers SIZE PostgreSQL shared_buffers (default 1GB)
#   --max-connections N   PostgreSQL max_connections (default 300)
#   --owner-pid PID       stop and remove the cluster when process PID is gone
#                         (a test run killed before its teardown leaves nothing)
#
# State: DIR/cluster.env (read back by this script) and DIR/cluster.json (for
# other tools: ports, URI, durable, versions). Logs: DIR/postgresql.log,
# DIR/gateway.log. PostgreSQL refuses to run as root: as root, initdb and
# pg_ctl run as the `postgres` OS user and DIR is owned by it.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SELF="$HERE/cluster.sh"
PG_CONFIG="${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}"
DB_USER=testadmin   # not a prefix the gateway blocks (documentdb, citus, pg, internal_role)

log() { echo "documentdb/cluster.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }
# die with the tail of a log file
die_log() {
  log "error: $1"
  if [[ -f "$2" ]]; then
    echo "--- $2 (last 40 lines) ---" >&2
    tail -n 40 "$2" >&2
    echo "---" >&2
  fi
  exit 1
}

usage() { sed -n '2,34p' "$SELF" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[[ -x "$PG_CONFIG" ]] || die "no pg_config at $PG_CONFIG (set PG_CONFIG; tools/documentdb/build.sh installs PostgreSQL 15)"
PGBIN="$("$PG_CONFIG" --bindir)"

is_root() { [[ "$(id -u)" -eq 0 ]]; }
# PostgreSQL's own programs: as the postgres OS user when we are root.
as_pg() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# True while process $1 runs (a zombie, e.g. a gateway that died while this
# script, its parent, still runs, does not count).
alive() {
  [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null || return 1
  local state
  state="$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null || true)"
  [[ "$state" != Z ]]
}

# A free TCP port on 127.0.0.1 from the OS (listen on port 0, read, close).
# Someone may take it before we bind it: callers retry on "address in use".
free_port() {
  node -e '
    const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => console.log(p)); });
  '
}

# ----------------------------------------------------------------- state ---

load_state() {
  DIR="$1"
  [[ -f "$DIR/cluster.env" ]] || return 1
  # shellcheck disable=SC1091
  source "$DIR/cluster.env"
  PGDATA="$DIR/pgdata"
  URI="mongodb://$DB_USER:$DB_PASSWORD@127.0.0.1:$GW_PORT/?authMechanism=SCRAM-SHA-256&directConnection=true"
}

save_env() {
  umask 077
  cat >"$DIR/cluster.env.tmp" <<ENV
PG_PORT=$PG_PORT
GW_PORT=$GW_PORT
DB_USER=$DB_USER
DB_PASSWORD=$DB_PASSWORD
DURABLE=$DURABLE
GATEWAY_BIN='$GATEWAY_BIN'
OWNER_PID=${OWNER_PID:-}
ENV
  mv -f "$DIR/cluster.env.tmp" "$DIR/cluster.env"
}

json_str() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }

save_json() {
  local durable_bool=false
  [[ "$DURABLE" == 1 ]] && durable_bool=true
  umask 077
  cat >"$DIR/cluster.json.tmp" <<JSON
{
  "uri": $(json_str "$URI"),
  "user": $(json_str "$DB_USER"),
  "postgresPort": $PG_PORT,
  "gatewayPort": $GW_PORT,
  "durable": $durable_bool,
  "settings": $(json_str "$(durability_text)"),
  "documentdbVersion": $(json_str "$DOCUMENTDB_VERSION"),
  "postgresVersion": $(json_str "$POSTGRES_VERSION"),
  "reportedMongoVersion": $(json_str "$REPORTED_VERSION"),
  "gateway": $(json_str "$GATEWAY_BIN"),
  "postgresLog": $(json_str "$DIR/postgresql.log"),
  "gatewayLog": $(json_str "$DIR/gateway.log")
}
JSON
  mv -f "$DIR/cluster.json.tmp" "$DIR/cluster.json"
}

durability_text() {
  if [[ "$DURABLE" == 1 ]]; then
    echo "fsync on"
  else
    echo "fsync off"
  fi
}

pg_pid() { sed -n 1p "$PGDATA/postmaster.pid" 2>/dev/null || true; }
gw_pid() { cat "$DIR/gateway.pid" 2>/dev/null || true; }

psql_admin() {
  "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR/run" -p "$PG_PORT" -U postgres -d postgres "$@"
}

# -------------------------------------------------------------- postgres ---

write_pg_conf() {
  local onoff=off
  [[ "$DURABLE" == 1 ]] && onoff=on
  cat >>"$PGDATA/postgresql.conf" <<CONF

# ---- tools/documentdb/cluster.sh ----
shared_preload_libraries = 'pg_cron, pg_documentdb_core, pg_documentdb'
cron.database_name = 'postgres'
documentdb.enableBackgroundWorker = true
documentdb.enableBackgroundWorkerJobs = true
# Debian's pg_cron 1.4 refuses sub-minute schedules (the default is 2 s).
documentdb.indexBuildScheduleInSec = 60
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$DIR/run'
ssl = off
shared_buffers = $SHARED_BUFFERS
max_connections = $MAX_CONNECTIONS
# Durability: $(durability_text) (cluster.sh --durable turns all three on).
fsync = $onoff
synchronous_commit = $onoff
full_page_writes = $onoff
CONF
}

# Starts PostgreSQL; with $1 = retry, a port clash picks a new port (start only).
start_pg() {
  local mode="${1:-}" attempt
  for attempt in 1 2 3; do
    : >>"$DIR/postgresql.log"
    is_root && chown postgres: "$DIR/postgresql.log"
    if as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$DIR/postgresql.log" -w -t 120 start >/dev/null 2>>"$DIR/pg_ctl.err"; then
      return 0
    fi
    if [[ "$mode" == retry && $attempt -lt 3 ]] && tail -n 20 "$DIR/postgresql.log" | grep -qi 'address already in use'; then
      local old="$PG_PORT"
      PG_PORT="$(free_port)"
      log "PostgreSQL port $old was taken meanwhile; retrying on $PG_PORT"
      sed -i "s/^port = .*/port = $PG_PORT/" "$PGDATA/postgresql.conf"
      continue
    fi
    cat "$DIR/pg_ctl.err" >>"$DIR/postgresql.log" 2>/dev/null || true
    die_log "PostgreSQL did not start (pg_ctl start failed, port $PG_PORT)" "$DIR/postgresql.log"
  done
}

stop_pg() {
  local pid
  pid="$(pg_pid)"
  alive "$pid" || return 0
  if ! as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w -t 60 stop >/dev/null 2>&1; then
    log "pg_ctl stop failed; killing PostgreSQL (pid $pid) and its processes"
    cmd_kill "$DIR" || true
  fi
}

wait_gone() { # pid seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    alive "$1" || return 0
    sleep 0.1
  done
  return 1
}

# --------------------------------------------------------------- gateway ---

write_gateway_conf() {
  cat >"$DIR/gateway.json" <<JSON
{
  "NodeHostName": "localhost",
  "BlockedRolePrefixes": ["documentdb", "citus", "pg", "internal_role"],
  "PostgresSystemUser": "postgres",
  "PostgresHostName": "127.0.0.1",
  "PostgresPort": $PG_PORT,
  "GatewayListenPort": $GW_PORT,
  "UseLocalHost": true,
  "EnforceSslTcp": false,
  "PostgresCommandTimeoutSecs": 600,
  "CursorTimeoutSecs": 600,
  "TransactionTimeoutSecs": 60,
  "CertificateOptions": {
    "CertType": "pem_file",
    "FilePath": "$DIR/gateway-cert.pem",
    "KeyFilePath": "$DIR/gateway-key.pem"
  }
}
JSON
}

# Starts the gateway detached (own session, log in DIR) and waits for an
# authenticated ping; with $1 = retry, a port clash picks a new port.
start_gateway() {
  local mode="${1:-}" attempt pid out rc
  for attempt in 1 2 3; do
    rm -f "$DIR/gateway.pid"
    # sh writes its own pid, then execs the gateway: the pid file names the gateway itself.
    setsid sh -c 'echo $$ >"$1"; exec "$2" "$3"' sh "$DIR/gateway.pid" "$GATEWAY_BIN" "$DIR/gateway.json" \
      </dev/null >>"$DIR/gateway.log" 2>&1 &
    local i
    for ((i = 0; i < 50; i++)); do
      [[ -s "$DIR/gateway.pid" ]] && break
      sleep 0.1
    done
    pid="$(gw_pid)"
    [[ -n "$pid" ]] || die_log "the gateway did not start ($GATEWAY_BIN)" "$DIR/gateway.log"
    rc=0
    out="$(DOCUMENTDB_URI="$URI" node "$HERE/ping.cjs" --timeout-ms 60000 --pid "$pid" 2>>"$DIR/ping.err")" || rc=$?
    if [[ $rc -eq 0 ]]; then
      REPORTED_VERSION="$(printf '%s' "$out" | sed -n 's/.*"version":"\([^"]*\)".*/\1/p')"
      return 0
    fi
    if [[ $rc -eq 3 && "$mode" == retry && $attempt -lt 3 ]] \
      && tail -n 30 "$DIR/gateway.log" | grep -qiE 'address already in use|AddrInUse'; then
      local old="$GW_PORT"
      GW_PORT="$(free_port)"
      URI="mongodb://$DB_USER:$DB_PASSWORD@127.0.0.1:$GW_PORT/?authMechanism=SCRAM-SHA-256&directConnection=true"
      log "gateway port $old was taken meanwhile; retrying on $GW_PORT"
      write_gateway_conf
      continue
    fi
    stop_gateway
    cat "$DIR/ping.err" >>"$DIR/gateway.log" 2>/dev/null || true
    die_log "the gateway did not answer an authenticated ping on 127.0.0.1:$GW_PORT (ping.cjs exit $rc)" "$DIR/gateway.log"
  done
}

stop_gateway() {
  local pid
  pid="$(gw_pid)"
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" 10; then
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 5 || true
  fi
}

# ------------------------------------------------------------- commands ---

cmd_start() {
  DIR=""
  DURABLE=0
  [[ "${DOCUMENTDB_DURABLE:-}" =~ ^(1|true|yes|on)$ ]] && DURABLE=1
  GATEWAY_BIN="${DOCUMENTDB_GATEWAY:-}"
  SHARED_BUFFERS=1GB
  MAX_CONNECTIONS=300
  OWNER_PID=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --durable) DURABLE=1 ;;
      --gateway) GATEWAY_BIN="${2:?--gateway needs a path}"; shift ;;
      --shared-buffers) SHARED_BUFFERS="${2:?--shared-buffers needs a size}"; shift ;;
      --max-connections) MAX_CONNECTIONS="${2:?--max-connections needs a number}"; shift ;;
      --owner-pid) OWNER_PID="${2:?--owner-pid needs a pid}"; shift ;;
      -*) die "unknown option $1" ;;
      *) [[ -z "$DIR" ]] || die "one DIR only"; DIR="$1" ;;
    esac
    shift
  done
  [[ -n "$DIR" ]] || usage
  local started=$SECONDS
  mkdir -p "$DIR"
  DIR="$(cd "$DIR" && pwd)"
  if [[ -n "$(ls -A "$DIR")" ]]; then
    if [[ -f "$DIR/cluster.env" ]]; then
      die "$DIR already holds a cluster: use '$SELF status|resume|stop $DIR'"
    fi
    die "$DIR is not empty: give a new or empty directory"
  fi
  # The socket path (DIR/run/.s.PGSQL.PORT) must fit in sun_path (107 bytes).
  [[ ${#DIR} -le 80 ]] || die "$DIR is too long for PostgreSQL's unix socket path (max 80 characters here)"

  if [[ -z "$GATEWAY_BIN" ]]; then
    log "no --gateway given: running tools/documentdb/build.sh"
    GATEWAY_BIN="$("$HERE/build.sh" | tail -n 1)"
  fi
  [[ -x "$GATEWAY_BIN" ]] || die "gateway binary $GATEWAY_BIN is missing or not executable (run tools/documentdb/build.sh)"
  command -v node >/dev/null || die "node is needed (free ports, ping)"

  PGDATA="$DIR/pgdata"
  mkdir -p "$DIR/run"
  if is_root; then
    chown -R postgres: "$DIR"
    chmod 700 "$DIR"
    if ! runuser -u postgres -- test -w "$DIR"; then
      rm -rf "$DIR" # it was empty (checked above)
      PGDATA=""
      die "the postgres OS user cannot write $DIR (a parent directory is not searchable?): choose a DIR under /tmp"
    fi
  fi
  cd "$DIR" # initdb and pg_ctl complain about a cwd the postgres user cannot read

  PG_PORT="$(free_port)"
  GW_PORT="$(free_port)"
  while [[ "$GW_PORT" == "$PG_PORT" ]]; do GW_PORT="$(free_port)"; done
  DB_PASSWORD="$(openssl rand -hex 16)"
  URI="mongodb://$DB_USER:$DB_PASSWORD@127.0.0.1:$GW_PORT/?authMechanism=SCRAM-SHA-256&directConnection=true"
  save_env

  local onoff=off
  [[ "$DURABLE" == 1 ]] && onoff=on
  log "initdb in $PGDATA; fsync, synchronous_commit and full_page_writes: $onoff$([[ $onoff == off ]] && echo ' (throw-away data; --durable turns them on)')"
  local nosync=(--no-sync)
  [[ "$DURABLE" == 1 ]] && nosync=()
  if ! as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    ${nosync[@]+"${nosync[@]}"} >"$DIR/initdb.log" 2>&1; then
    die_log "initdb failed" "$DIR/initdb.log"
  fi
  write_pg_conf
  start_pg retry
  save_env

  log "PostgreSQL on 127.0.0.1:$PG_PORT; creating the documentdb extension and role $DB_USER"
  if ! psql_admin >>"$DIR/setup.log" 2>&1 <<SQL; then
CREATE EXTENSION IF NOT EXISTS documentdb CASCADE;
CREATE ROLE "$DB_USER" WITH LOGIN INHERIT PASSWORD '$DB_PASSWORD' IN ROLE documentdb_admin_role;
ALTER ROLE "$DB_USER" CREATEROLE;
GRANT "$DB_USER" TO postgres WITH ADMIN OPTION;
SQL
    stop_pg
    die_log "creating the documentdb extension or role failed" "$DIR/setup.log"
  fi
  POSTGRES_VERSION="$(psql_admin -At -c "SELECT split_part(current_setting('server_version'), ' ', 1)")"
  DOCUMENTDB_VERSION="$(psql_admin -At -c "SELECT extversion FROM pg_extension WHERE extname = 'documentdb'")"

  # A release gateway panics without a certificate, even with TLS not enforced.
  if ! openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj /CN=localhost -keyout "$DIR/gateway-key.pem" -out "$DIR/gateway-cert.pem" >"$DIR/openssl.log" 2>&1; then
    stop_pg
    die_log "openssl could not make the gateway's self-signed certificate" "$DIR/openssl.log"
  fi
  write_gateway_conf
  start_gateway retry || { stop_pg; exit 1; }
  save_env
  save_json

  if [[ -n "$OWNER_PID" ]]; then
    setsid bash "$SELF" _watch "$DIR" "$OWNER_PID" </dev/null >>"$DIR/watch.log" 2>&1 &
    echo $! >"$DIR/watch.pid"
  fi
  log "DocumentDB $DOCUMENTDB_VERSION (PostgreSQL $POSTGRES_VERSION, $(durability_text); reports MongoDB $REPORTED_VERSION)"
  log "gateway on 127.0.0.1:$GW_PORT (pid $(gw_pid)), PostgreSQL on 127.0.0.1:$PG_PORT (pid $(pg_pid)), data in $DIR; started in $((SECONDS - started)) s"
  echo "MONGODB_URI=$URI"
}

# EXIT trap of `start`: when it fails half-way (die exits at once), stop
# whatever it started and keep the files for the reader of the error.
start_cleanup() {
  local rc=$?
  if [[ $rc -ne 0 && -n "${PGDATA:-}" ]]; then
    stop_gateway 2>/dev/null || true
    stop_pg 2>/dev/null || true
    log "the failed cluster's files are kept in $DIR ('$SELF stop $DIR' removes them)"
  fi
}

cmd_stop() { # DIR [--keep] [--from-watcher]
  local keep=0 from_watcher=0
  DIR="$1"; shift
  for a in "$@"; do
    case "$a" in --keep) keep=1 ;; --from-watcher) from_watcher=1 ;; esac
  done
  if [[ ! -d "$DIR" ]]; then
    log "no cluster in $DIR (nothing to stop)"
    return 0
  fi
  DIR="$(cd "$DIR" && pwd)"
  if ! load_state "$DIR"; then
    # Never remove a directory this script did not make.
    [[ -z "$(ls -A "$DIR")" ]] || die "$DIR has no cluster.env: not a cluster directory, not touching it"
    [[ $keep == 1 ]] || rmdir "$DIR"
    return 0
  fi
  if [[ $from_watcher == 0 && $keep == 0 ]]; then
    local wpid
    wpid="$(cat "$DIR/watch.pid" 2>/dev/null || true)"
    if alive "$wpid" && grep -qa _watch "/proc/$wpid/cmdline" 2>/dev/null; then
      kill -TERM "$wpid" 2>/dev/null || true
    fi
  fi
  stop_gateway
  stop_pg
  if [[ $keep == 0 ]]; then
    rm -rf "$DIR"
    log "stopped; removed $DIR"
  else
    log "stopped (gateway and PostgreSQL); data and ports kept in $DIR"
  fi
}

cmd_kill() {
  DIR="$1"
  load_state "$DIR" || die "no cluster in $DIR"
  local gp pp kids p
  gp="$(gw_pid)"
  pp="$(pg_pid)"
  if alive "$gp"; then kill -KILL "$gp" 2>/dev/null || true; fi
  kids=()
  if alive "$pp"; then
    # Every PostgreSQL child calls setsid(), so there is no process group to
    # signal: freeze the postmaster (it must not fork or restart anything),
    # then SIGKILL it and each of its children at once.
    kill -STOP "$pp" 2>/dev/null || true
    mapfile -t kids < <(pgrep -P "$pp" || true)
    kill -KILL "$pp" ${kids[@]+"${kids[@]}"} 2>/dev/null || true
  fi
  for p in "$gp" "$pp" ${kids[@]+"${kids[@]}"}; do
    [[ -z "$p" ]] || wait_gone "$p" 10 || die "process $p survived SIGKILL"
  done
  # Orphans are reaped by PID 1, and not always at once: while the dead
  # postmaster is a zombie, kill(pid, 0) succeeds and a new postmaster takes
  # the stale postmaster.pid for a live one ("lock file already exists").
  # Every process of the old server is dead (checked above), so after a
  # grace period the stale lock file may go.
  local i
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pp" 2>/dev/null || break
    sleep 0.1
  done
  if [[ -n "$pp" ]] && kill -0 "$pp" 2>/dev/null; then
    log "postmaster $pp is dead but not yet reaped; removing its stale postmaster.pid"
    rm -f "$PGDATA/postmaster.pid"
  fi
  log "killed (SIGKILL) the gateway ($gp), the postmaster ($pp) and its ${#kids[@]} processes; data kept in $DIR"
}

cmd_resume() {
  DIR="$1"
  load_state "$DIR" || die "no cluster in $DIR"
  DIR="$(cd "$DIR" && pwd)"
  PGDATA="$DIR/pgdata"
  cd "$DIR"
  local started=$SECONDS
  if ! alive "$(pg_pid)"; then
    start_pg
  fi
  if ! alive "$(gw_pid)"; then
    start_gateway
  fi
  log "running again on the same ports ($(durability_text)) in $((SECONDS - started)) s"
  echo "MONGODB_URI=$URI"
}

cmd_status() {
  DIR="$1"
  if ! load_state "$DIR" 2>/dev/null; then
    log "no cluster in $DIR"
    return 4
  fi
  local gp pp
  gp="$(gw_pid)"
  pp="$(pg_pid)"
  if alive "$gp" && alive "$pp" \
    && DOCUMENTDB_URI="$URI" node "$HERE/ping.cjs" --timeout-ms 5000 --pid "$gp" >/dev/null 2>&1; then
    local desc=""
    if [[ -f "$DIR/cluster.json" ]]; then
      desc="$(node -e 'const j = require(process.argv[1]); console.log(`DocumentDB ${j.documentdbVersion} (PostgreSQL ${j.postgresVersion}, ${j.settings}; reports MongoDB ${j.reportedMongoVersion})`)' "$DIR/cluster.json")"
    fi
    log "running: ${desc:-DocumentDB} in $DIR; gateway 127.0.0.1:$GW_PORT (pid $gp), PostgreSQL 127.0.0.1:$PG_PORT (pid $pp)"
    echo "MONGODB_URI=$URI"
    return 0
  fi
  log "not running (gateway pid ${gp:-none}: $(alive "$gp" && echo up || echo down), PostgreSQL pid ${pp:-none}: $(alive "$pp" && echo up || echo down)); data kept in $DIR"
  return 3
}

# Background watcher of --owner-pid: removes the cluster when the owner is gone.
cmd_watch() {
  local dir="$1" owner="$2"
  while alive "$owner" && [[ -f "$dir/cluster.env" ]]; do sleep 2; done
  [[ -f "$dir/cluster.env" ]] || exit 0
  log "owner process $owner is gone: stopping the cluster in $dir"
  cmd_stop "$dir" --from-watcher
}

cmd="${1:-}"
[[ $# -ge 2 ]] || usage
shift
case "$cmd" in
  start)
    trap start_cleanup EXIT
    cmd_start "$@"
    trap - EXIT
    ;;
  stop) cmd_stop "$1" ;;
  halt) cmd_stop "$1" --keep ;;
  kill) cmd_kill "$1" ;;
  resume) cmd_resume "$1" ;;
  status) cmd_status "$1" ;;
  uri) load_state "$1" || die "no cluster in $1"; echo "MONGODB_URI=$URI" ;;
  _watch) cmd_watch "$1" "$2" ;;
  *) usage ;;
esac
