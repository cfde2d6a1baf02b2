#!/usr/bin/env bash
# Starts PgBouncer (Debian's package, installed if missing) on 127.0.0.1:6432 in transaction mode
# in front of the test PostgreSQL, with .ci/pgbouncer/pgbouncer.ini. Idempotent: does nothing when
# something already answers on 6432. PgBouncer refuses to run as root, so as root it runs as the
# postgres user (-u), from a run folder that user can read.
set -euo pipefail
cd "$(dirname "$0")"

PORT=6432
RUNDIR=${STCONN_PGBOUNCER_DIR:-/tmp/stconn-pgbouncer}

if pg_isready -h 127.0.0.1 -p "$PORT" -q 2>/dev/null; then
  exit 0
fi
if ! command -v pgbouncer >/dev/null 2>&1 && [ ! -x /usr/sbin/pgbouncer ]; then
  echo "ci: installing pgbouncer"
  # the package starts no service in a container without systemd; we start our own below
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null
  fi
fi
PGBOUNCER=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)

mkdir -p "$RUNDIR"
sed "s#RUNDIR#$RUNDIR#g" pgbouncer/pgbouncer.ini >"$RUNDIR/pgbouncer.ini"
cp pgbouncer/userlist.txt "$RUNDIR/userlist.txt"
rm -f "$RUNDIR/pgbouncer.pid"
if [ "$(id -u)" = 0 ]; then
  chown -R postgres: "$RUNDIR"
  "$PGBOUNCER" -d -u postgres "$RUNDIR/pgbouncer.ini"
else
  "$PGBOUNCER" -d "$RUNDIR/pgbouncer.ini"
fi
for _ in $(seq 1 20); do
  pg_isready -h 127.0.0.1 -p "$PORT" -q 2>/dev/null && { echo "ci: PgBouncer on 127.0.0.1:$PORT"; exit 0; }
  sleep 0.5
done
echo "ci: PgBouncer did not come up on 127.0.0.1:$PORT; see $RUNDIR/pgbouncer.log" >&2
exit 1
