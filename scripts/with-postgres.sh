#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server, for the tests and benchmarks:
#   bash scripts/with-postgres.sh swift test --skip-build
# Installs PostgreSQL from Debian's packages when it is missing, creates a cluster in a new
# temporary folder as an unprivileged user (`postgres`, created when running as root and it
# does not exist), starts it on a free loopback port, loads Tests/HamkorPostgresTests/
# Fixtures/fixture.sql into a database `hamkor` with a read-only role `hamkor_reader` whose
# password is random for this run, runs the command with HAMKOR_TEST_PG_* set, and stops the
# server and removes the folder afterwards — also when the command fails or is interrupted.
# The command's exit status is the script's.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fixture="${HAMKOR_PG_FIXTURE:-$root/Tests/HamkorPostgresTests/Fixtures/fixture.sql}"

bin_dir() { compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -1 | xargs -r dirname; }
pg_bin=$(bin_dir || true)
if [ -z "$pg_bin" ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "with-postgres: installing postgresql with apt-get" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  pg_bin=$(bin_dir)
fi

# The server never runs as root (it refuses to); as root, run it as `postgres`.
as_server=()
if [ "$(id -u)" -eq 0 ]; then
  id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  as_server=(runuser -u postgres --)
fi

folder=$(mktemp -d "${TMPDIR:-/tmp}/hamkor-pg.XXXXXX")
[ "$(id -u)" -eq 0 ] && chown postgres "$folder"
chmod 700 "$folder"
started=0
stop() {
  if [ $started -eq 1 ]; then
    "${as_server[@]}" "$pg_bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$folder"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
admin_password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
reader_password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
printf '%s\n' "$admin_password" > "$folder/admin-password"
[ "$(id -u)" -eq 0 ] && chown postgres "$folder/admin-password"

"${as_server[@]}" "$pg_bin/initdb" -D "$folder/data" -U hamkor_admin --pwfile="$folder/admin-password" \
  --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale >"$folder/initdb.log" 2>&1 \
  || { cat "$folder/initdb.log" >&2; exit 1; }
"${as_server[@]}" "$pg_bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
  -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
  || { cat "$folder/server.log" >&2; exit 1; }
started=1

psql_admin() { "${as_server[@]}" "$pg_bin/psql" -X -q -h "$folder" -p "$port" -U hamkor_admin -v ON_ERROR_STOP=1 "$@"; }
psql_admin -d postgres -c "CREATE DATABASE hamkor ENCODING 'UTF8' TEMPLATE template0" >/dev/null
psql_admin -d hamkor -v reader_password="$reader_password" -f - <"$fixture" >/dev/null

export HAMKOR_TEST_PG_HOST=127.0.0.1 HAMKOR_TEST_PG_PORT="$port" HAMKOR_TEST_PG_DATABASE=hamkor
export HAMKOR_TEST_PG_USER=hamkor_reader HAMKOR_TEST_PG_PASSWORD="$reader_password"
export HAMKOR_TEST_PG_ADMIN_SOCKET="$folder"
set +e
"$@"
status=$?
set -e
exit $status
