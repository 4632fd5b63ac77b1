#!/usr/bin/env bash
# Installs (when missing) and starts PostgreSQL 15 and Redis 7 from Debian packages, on loopback only,
# for FlashFusion's scale-out mode and `npm run test:services`. Safe to run again: it starts what is down.
#
#   scripts/services.sh          install + start, print the URLs to export
#   scripts/services.sh stop     stop both
set -euo pipefail

PG_VERSION=15
PG_PORT=${FF_PG_PORT:-5432}
REDIS_PORT=${FF_REDIS_PORT:-6379}
DB_USER=flashfusion
DB_PASS=flashfusion
DB_NAME=flashfusion
REDIS_DIR=${FF_REDIS_DIR:-/var/lib/flashfusion-redis}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_missing() {
  local pkgs=()
  [ -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ] || pkgs+=("postgresql-$PG_VERSION" postgresql-contrib)
  command -v redis-server >/dev/null 2>&1 || pkgs+=(redis-server)
  if [ ${#pkgs[@]} -gt 0 ]; then
    echo "services: installing ${pkgs[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  fi
}

start_postgres() {
  if ! pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" '$1==v && $2=="main"' | grep -q .; then
    as_root pg_createcluster "$PG_VERSION" main -p "$PG_PORT" >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
    as_root pg_ctlcluster "$PG_VERSION" main start -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c max_connections=300"
  fi
  for _ in $(seq 1 50); do
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 0.2
  done
  pg_isready -h 127.0.0.1 -p "$PG_PORT" >/dev/null
  # A login role that may create the scratch databases the tests use, and the default database.
  as_root su postgres -c "psql -q -p $PG_PORT -v ON_ERROR_STOP=1" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN CREATEDB CREATEROLE PASSWORD '$DB_PASS';
  END IF;
END \$\$;
-- Lets the tests drop their scratch databases while a killed child's backend is still on its way out.
GRANT pg_signal_backend TO $DB_USER;
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')\gexec
SQL
}

start_redis() {
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then return; fi
  as_root mkdir -p "$REDIS_DIR"
  as_root redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --dir "$REDIS_DIR" \
    --save '' --appendonly no --logfile "$REDIS_DIR/redis.log"
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null
}

stop_all() {
  as_root pg_ctlcluster "$PG_VERSION" main stop 2>/dev/null || true
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave 2>/dev/null || true
}

case "${1:-start}" in
  start)
    install_missing
    start_postgres
    start_redis
    echo "services: PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT"
    echo "export DATABASE_URL=postgres://$DB_USER:$DB_PASS@127.0.0.1:$PG_PORT/$DB_NAME"
    echo "export REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
    ;;
  stop) stop_all ;;
  *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac
