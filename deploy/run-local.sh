#!/usr/bin/env bash
# The kenniskaart for more users than one process serves, on one Debian/Ubuntu machine:
#   - N app processes (`streamlit run app.py`) on 127.0.0.1, one per core by default;
#   - PostgreSQL for the werksessie, shared by all processes (KENNISKAART_DATABASE_URL);
#   - nginx in front: sticky by cookie, websocket headers, deep paths to their first segment
#     (deploy/nginx/kenniskaart.conf, rendered with the ports below).
#
#   bash deploy/run-local.sh            # start (or bring up what is missing; idempotent)
#   bash deploy/run-local.sh status
#   bash deploy/run-local.sh stop       # nginx and the app processes; PostgreSQL keeps running
#
# Settings (environment):
#   KENNISKAART_PROCESSES   app processes (default: the number of cores, at least 2)
#   KENNISKAART_PORT        where nginx listens, e.g. 8080 or 127.0.0.1:8080 (default 8080)
#   KENNISKAART_APP_PORT    port of the first app process; the others follow (default 8501)
#   KENNISKAART_DATABASE_URL  an existing database (SQLAlchemy URL); without it this script
#                           sets up database `kenniskaart` in Debian's own PostgreSQL cluster
#                           and keeps its URL in $KENNISKAART_DEPLOY_DIR/database.url (mode 600)
#   KENNISKAART_DEPLOY_DIR  state: pid files, logs, rendered nginx configuration (default deploy/.local)
#   KENNISKAART_PYTHON      an interpreter that already has the app installed (no .venv, no pip)
#
# Installs, only when missing: the app's Python packages into .venv (no root), Debian's
# nginx-light and postgresql (root: apt-get, through sudo when you are not root).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
. scripts/_env.sh
. scripts/_apt.sh

ACTION="${1:-start}"
STATE="${KENNISKAART_DEPLOY_DIR:-deploy/.local}"
mkdir -p "$STATE"
STATE="$(cd "$STATE" && pwd)"
CORES="$(nproc 2>/dev/null || echo 2)"
N="${KENNISKAART_PROCESSES:-$(( CORES < 2 ? 2 : CORES ))}"
LISTEN="${KENNISKAART_PORT:-8080}"
FIRST_PORT="${KENNISKAART_APP_PORT:-8501}"
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"

app_ports() { local i; for ((i = 0; i < N; i++)); do echo $((FIRST_PORT + i)); done; }

# alive_pid PID WORD: that process runs and its command line contains WORD (a pid that was
# reused by another program does not count).
alive_pid() {
  [ -n "$1" ] && [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q -- "$2"
}
alive() { alive_pid "$(cat "$1" 2>/dev/null)" "$2"; }

# stop_pid PIDFILE WORD: stop that one process (TERM, then KILL after 10 s) and remove the file.
# nginx's TERM is its fast shutdown: a graceful QUIT would wait for every open websocket.
stop_pid() {
  local pid i
  pid="$(cat "$1" 2>/dev/null || true)"
  if alive_pid "$pid" "$2"; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do alive_pid "$pid" "$2" || break; sleep 0.1; done
    if alive_pid "$pid" "$2"; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$1"
}

# wait_healthy URL SECONDS: until URL/_stcore/health answers 200.
wait_healthy() {
  "$PY_APP" - "$1" "$2" <<'PYEOF'
import sys, time, urllib.request
url, limit = sys.argv[1], float(sys.argv[2])
deadline = time.monotonic() + limit
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
            if r.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.2)
sys.exit(1)
PYEOF
}

listen_port() { echo "${LISTEN##*:}"; }

python_for_app() { use_python "[postgres]"; PY_APP="$PY_RUN"; }

# --- PostgreSQL ------------------------------------------------------------------------------

psql_admin() {  # psql as the cluster's superuser, on the cluster's port
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- psql -p "$PG_PORT" -X -q -t -A -v ON_ERROR_STOP=1 "$@"
  else as_root -u postgres psql -p "$PG_PORT" -X -q -t -A -v ON_ERROR_STOP=1 "$@"; fi
}

setup_postgres() {
  local url_file="$STATE/database.url" line ver name status password
  if ! command -v pg_lsclusters >/dev/null 2>&1 || ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
    say "Debian-pakket postgresql installeren (de gedeelde database van de werksessie) ..."
    apt_install postgresql
  fi
  line="$(pg_lsclusters -h | head -n 1)"
  if [ -z "$line" ]; then
    ver="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    say "PostgreSQL-cluster $ver/main aanmaken ..."
    if [ "$(id -u)" = "0" ]; then pg_createcluster "$ver" main --start >/dev/null; else as_root pg_createcluster "$ver" main --start >/dev/null; fi
    line="$(pg_lsclusters -h | head -n 1)"
  fi
  read -r ver name PG_PORT status _ <<<"$line"
  if [ "$status" != "online" ]; then
    say "PostgreSQL-cluster $ver/$name starten (poort $PG_PORT) ..."
    if [ "$(id -u)" = "0" ]; then pg_ctlcluster "$ver" "$name" start; else as_root pg_ctlcluster "$ver" "$name" start; fi
  fi
  if [ -f "$url_file" ]; then
    password="$(sed -n 's#^postgresql+psycopg://kenniskaart:\([^@]*\)@.*#\1#p' "$url_file")"
  fi
  if [ -z "${password:-}" ]; then
    password="$("$PY_APP" -c 'import secrets; print(secrets.token_urlsafe(24))')"
  fi
  # Role and database: created when missing; the password is set to the one kept in the URL file.
  if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'kenniskaart'")" != "1" ]; then
    say "Databasegebruiker kenniskaart aanmaken ..."
    psql_admin -c "CREATE ROLE kenniskaart LOGIN"
  fi
  # through stdin, not the command line: other users of the machine can read command lines
  printf "ALTER ROLE kenniskaart PASSWORD '%s';\n" "$password" | psql_admin
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'kenniskaart'")" != "1" ]; then
    say "Database kenniskaart aanmaken ..."
    psql_admin -c "CREATE DATABASE kenniskaart OWNER kenniskaart"
  fi
  (umask 077; echo "postgresql+psycopg://kenniskaart:${password}@127.0.0.1:${PG_PORT}/kenniskaart" >"$url_file")
  KENNISKAART_DATABASE_URL="$(cat "$url_file")"
  DB_SAYS="PostgreSQL $ver/$name op poort $PG_PORT, database kenniskaart"
}

# --- nginx -----------------------------------------------------------------------------------

render_nginx() {
  local servers="" port
  for port in $(app_ports); do servers+="    server 127.0.0.1:${port};"$'\n'; done
  awk -v servers="$servers" -v listen="$LISTEN" -v logfile="$STATE/access.log" '
    /^[[:space:]]*server 127\.0\.0\.1:[0-9]+;/ { if (!done) { printf "%s", servers; done = 1 } next }
    /^[[:space:]]*listen / { print "    listen " listen ";"; next }
    /^[[:space:]]*access_log / { print "    access_log " logfile " kenniskaart;"; next }
    { print }' deploy/nginx/kenniskaart.conf >"$STATE/kenniskaart.conf"
  mkdir -p "$STATE/nginx-tmp"
  {
    echo "# Rendered by deploy/run-local.sh; edit deploy/nginx/kenniskaart.conf instead."
    [ "$(id -u)" = "0" ] && echo "user www-data;"
    echo "worker_processes auto;"
    echo "pid $STATE/nginx.pid;"
    echo "error_log $STATE/nginx-error.log warn;"
    echo "events { worker_connections 4096; }"
    echo "http {"
    for t in client_body proxy fastcgi uwsgi scgi; do echo "    ${t}_temp_path $STATE/nginx-tmp/$t;"; done
    echo "    include $STATE/kenniskaart.conf;"
    echo "}"
  } >"$STATE/nginx.conf"
  if [ "$(id -u)" = "0" ]; then chown -R www-data "$STATE/nginx-tmp"; fi
}

nginx_cmd() { "$NGINX_BIN" -c "$STATE/nginx.conf" -p "$STATE" "$@"; }

# --- actions ---------------------------------------------------------------------------------

start() {
  local port pidfile f started=0
  python_for_app
  if [ ! -x "$NGINX_BIN" ]; then
    say "Debian-pakket nginx-light installeren (de proxy voor de app-processen) ..."
    apt_install nginx-light
    NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"
  fi
  DB_SAYS="de database uit KENNISKAART_DATABASE_URL"
  if [ -z "${KENNISKAART_DATABASE_URL:-}" ]; then setup_postgres; fi
  export KENNISKAART_DATABASE_URL

  # Processes of an earlier start with more processes or other ports: stop them.
  for f in "$STATE"/app-*.pid; do
    [ -e "$f" ] || continue
    port="${f##*/app-}"; port="${port%.pid}"
    if ! app_ports | grep -qx "$port"; then say "App-proces op poort $port stoppen (niet meer nodig)"; stop_pid "$f" streamlit; fi
  done
  for port in $(app_ports); do
    pidfile="$STATE/app-$port.pid"
    if alive "$pidfile" streamlit; then continue; fi
    setsid "$PY_APP" -m streamlit run app.py \
      --server.port "$port" --server.address 127.0.0.1 --server.headless true \
      --server.fileWatcherType none --server.runOnSave false --browser.gatherUsageStats false \
      >"$STATE/app-$port.log" 2>&1 </dev/null &
    echo $! >"$pidfile"
    started=$((started + 1))
  done
  for port in $(app_ports); do
    if ! wait_healthy "http://127.0.0.1:$port" 90; then
      say "App-proces op poort $port start niet; het einde van $STATE/app-$port.log:"
      tail -n 20 "$STATE/app-$port.log" >&2
      exit 1
    fi
  done

  render_nginx
  if ! nginx_cmd -t -q 2>"$STATE/nginx-test.log"; then
    say "De nginx-configuratie is ongeldig:"; cat "$STATE/nginx-test.log" >&2; exit 1
  fi
  if alive "$STATE/nginx.pid" nginx; then
    nginx_cmd -s reload 2>>"$STATE/nginx-error.log"
  else
    nginx_cmd
  fi
  if ! wait_healthy "http://127.0.0.1:$(listen_port)" 30; then
    say "nginx antwoordt niet op poort $(listen_port); zie $STATE/nginx-error.log"
    exit 1
  fi
  say "De kenniskaart draait op http://localhost:$(listen_port)/ : $N app-processen (poorten $(app_ports | paste -sd, -), $started nu gestart) achter nginx, werksessies in $DB_SAYS."
  say "Logboeken en pid-bestanden: $STATE. Stoppen: bash deploy/run-local.sh stop"
}

stop() {
  local f any=0
  if alive "$STATE/nginx.pid" nginx; then any=1; fi
  stop_pid "$STATE/nginx.pid" nginx
  for f in "$STATE"/app-*.pid; do
    [ -e "$f" ] || continue
    alive "$f" streamlit && any=1
    stop_pid "$f" streamlit
  done
  if [ "$any" = 1 ]; then say "nginx en de app-processen zijn gestopt (PostgreSQL draait door)."
  else say "Er draaide niets (in $STATE)."; fi
}

status() {
  local f port rc=0
  if alive "$STATE/nginx.pid" nginx; then say "nginx draait (pid $(cat "$STATE/nginx.pid"))"
  else say "nginx draait niet"; rc=1; fi
  for f in "$STATE"/app-*.pid; do
    [ -e "$f" ] || continue
    port="${f##*/app-}"; port="${port%.pid}"
    if alive "$f" streamlit; then say "app-proces op poort $port draait (pid $(cat "$f"))"
    else say "app-proces op poort $port draait niet"; rc=1; fi
  done
  return "$rc"
}

case "$ACTION" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) say "Gebruik: bash deploy/run-local.sh [start|stop|status]"; exit 2 ;;
esac
