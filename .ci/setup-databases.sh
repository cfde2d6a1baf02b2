#!/usr/bin/env bash
# Creates what the PostgreSQL and MariaDB integration tests (tests/, io.stconn.it.Servers) need on
# the servers at 127.0.0.1:5432 and 127.0.0.1:3306. Idempotent: run it as often as you like, after
# the servers are up (.ci/run calls it). Needs the superuser logins of this machine: PostgreSQL
# "postgres" by trust, MariaDB "root" with an empty password (override with PGUSER/MARIADB_USER).
#
#   roles/users  stconn_app      password stconn-app-pw-7301    owner of database stconn_it
#                stconn_special  password P@ss w:/rd%41#?&=+ü€'"\   (every character a url must encode)
#   database     stconn_it       table mytable(name, pet), Streamlit's tutorial rows
#   database     stconn_bouncer     owned by postgres: PgBouncerIT's, reached through PgBouncer (:6432)
#
# PostgreSQL here trusts every login from 127.0.0.1, which would accept any password. The test roles
# therefore get their own scram-sha-256 lines in pg_hba.conf, placed before the trust lines, and the
# script proves afterwards that a wrong password is refused.
# The passwords are repeated in tests/src/test/java/io/stconn/it/Servers.java: change both together.
set -euo pipefail

PG_HOST=127.0.0.1
PG_PORT=5432
PGUSER=${PGUSER:-postgres}
MARIADB_USER=${MARIADB_USER:-root}
HBA_MARKER="# stconn integration tests: password-checked logins (.ci/setup-databases.sh)"

# the SQL below holds non-ASCII characters: make both clients read and send it as UTF-8 whatever
# the locale (a C locale would otherwise make MariaDB hash the password's bytes as latin1)
export PGCLIENTENCODING=UTF8
psql_super() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PGUSER" "$@"; }
mariadb_super() {
  mariadb --protocol=tcp -h 127.0.0.1 -P 3306 -u "$MARIADB_USER" --default-character-set=utf8mb4 "$@"
}

setup_postgres() {
  echo "setup-databases: PostgreSQL roles, database stconn_it, pg_hba.conf"
  # Single quotes are doubled in SQL literals; with standard_conforming_strings (the default since
  # PostgreSQL 9.1) a backslash is an ordinary character.
  psql_super -d postgres <<'SQL'
SELECT 'CREATE ROLE stconn_app LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'stconn_app')\gexec
SELECT 'CREATE ROLE stconn_special LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'stconn_special')\gexec
SET password_encryption = 'scram-sha-256';
ALTER ROLE stconn_app LOGIN PASSWORD 'stconn-app-pw-7301';
ALTER ROLE stconn_special LOGIN PASSWORD 'P@ss w:/rd%41#?&=+ü€''"\';
SELECT 'CREATE DATABASE stconn_it OWNER stconn_app ENCODING ''UTF8'' TEMPLATE template0'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'stconn_it')\gexec
GRANT CONNECT, TEMPORARY ON DATABASE stconn_it TO stconn_special;
SELECT 'CREATE DATABASE stconn_bouncer ENCODING ''UTF8'' TEMPLATE template0'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'stconn_bouncer')\gexec
SQL
  psql_super -d stconn_it <<'SQL'
SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS mytable (name varchar(80), pet varchar(80));
ALTER TABLE mytable OWNER TO stconn_app;
DELETE FROM mytable;
INSERT INTO mytable VALUES ('Mary', 'dog'), ('John', 'cat'), ('Robert', 'bird');
GRANT USAGE ON SCHEMA public TO stconn_special;
GRANT SELECT ON mytable TO stconn_special;
SQL

  local hba
  hba=$(psql_super -d postgres -tAc 'SHOW hba_file')
  if ! grep -qF "$HBA_MARKER" "$hba"; then
    # before the first rule: pg_hba.conf is read top down and the first matching line decides
    local tmp
    tmp=$(mktemp)
    awk -v marker="$HBA_MARKER" '
      !done && $0 !~ /^[[:space:]]*(#|$)/ {
        print marker
        print "host    all    stconn_app,stconn_special    127.0.0.1/32    scram-sha-256"
        print "host    all    stconn_app,stconn_special    ::1/128         scram-sha-256"
        done = 1
      }
      { print }
      END {
        if (!done) {
          print marker
          print "host    all    stconn_app,stconn_special    127.0.0.1/32    scram-sha-256"
          print "host    all    stconn_app,stconn_special    ::1/128         scram-sha-256"
        }
      }' "$hba" >"$tmp"
    cat "$tmp" >"$hba" # keeps the file's owner and mode
    rm -f "$tmp"
    psql_super -d postgres -tAc 'SELECT pg_reload_conf()' >/dev/null
    sleep 1
  fi

  # the proof that trust no longer hides a wrong password, and that the right one works
  if PGPASSWORD='not-the-password' psql -X -h "$PG_HOST" -p "$PG_PORT" -U stconn_app -d stconn_it \
      -tAc 'SELECT 1' >/dev/null 2>&1; then
    echo "setup-databases: PostgreSQL accepted a wrong password for stconn_app; check $hba" >&2
    return 1
  fi
  PGPASSWORD='stconn-app-pw-7301' psql -X -h "$PG_HOST" -p "$PG_PORT" -U stconn_app -d stconn_it \
    -tAc 'SELECT count(*) FROM mytable' >/dev/null
}

setup_mariadb() {
  echo "setup-databases: MariaDB users, database stconn_it"
  # In MariaDB string literals a backslash escapes (so it is doubled) and a quote is doubled.
  # '%' as host: a TCP login from 127.0.0.1 may be seen as localhost or 127.0.0.1.
  mariadb_super <<'SQL'
CREATE DATABASE IF NOT EXISTS stconn_it CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'stconn_app'@'%';
ALTER USER 'stconn_app'@'%' IDENTIFIED BY 'stconn-app-pw-7301';
CREATE USER IF NOT EXISTS 'stconn_special'@'%';
ALTER USER 'stconn_special'@'%' IDENTIFIED BY 'P@ss w:/rd%41#?&=+ü€''"\\';
GRANT ALL PRIVILEGES ON stconn_it.* TO 'stconn_app'@'%';
GRANT SELECT, CREATE TEMPORARY TABLES ON stconn_it.* TO 'stconn_special'@'%';
CREATE TABLE IF NOT EXISTS stconn_it.mytable (name varchar(80), pet varchar(80));
DELETE FROM stconn_it.mytable;
INSERT INTO stconn_it.mytable VALUES ('Mary', 'dog'), ('John', 'cat'), ('Robert', 'bird');
FLUSH PRIVILEGES;
SQL
  if mariadb --protocol=tcp -h 127.0.0.1 -P 3306 -u stconn_app -p'not-the-password' -e 'SELECT 1' \
      >/dev/null 2>&1; then
    echo "setup-databases: MariaDB accepted a wrong password for stconn_app" >&2
    return 1
  fi
  mariadb --protocol=tcp -h 127.0.0.1 -P 3306 -u stconn_app -p'stconn-app-pw-7301' \
    -e 'SELECT count(*) FROM stconn_it.mytable' >/dev/null
}

setup_postgres
setup_mariadb
echo "setup-databases: done"
