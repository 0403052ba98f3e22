#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on 127.0.0.1 and WORKBENCH_TEST_POSTGRES_URL pointing at it.
# The cluster (data and socket in temporary folders owned by postgres, fsync off) is stopped and removed on exit.
# Without root or without Debian's postgresql the command runs anyway, and the PostgreSQL tests skip with a reason.
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail

if [ -n "${WORKBENCH_TEST_POSTGRES_URL:-}" ]; then
  exec "$@"  # a database was provided from outside
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ "$(id -u)" != 0 ] || [ -z "$pgbin" ] || ! id postgres >/dev/null 2>&1; then
  echo "with-postgres: no throwaway PostgreSQL (needs root and Debian's postgresql); its tests will skip."
  exec "$@"
fi

pgdata=$(mktemp -d)
pgsocket=$(mktemp -d)
chown postgres:postgres "$pgdata" "$pgsocket"
stop_cluster() {
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$pgdata" "$pgsocket"
}
trap stop_cluster EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
  >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
  -o "-p $port -h 127.0.0.1 -k $pgsocket -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
runuser -u postgres -- "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "create database workbench_test"
export WORKBENCH_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$port/workbench_test"
echo "with-postgres: PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
