#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the integration tests (trust authentication on loopback: the
# password is only there to prove it never reaches a log): installs Debian's postgresql when it is
# missing (never skips), starts a cluster in DIR on a free loopback port and creates the databases
# the tests use. DIR/pg.properties then holds host, port, user, password and the JDBC URL of the
# first database; DIR/pg.env the same as VERBATIM_DB_* lines for a server.env, and DIR/<database>.env
# those lines for each database.
#   postgresql.sh start DIR [database...]   (the first database is the one in pg.properties)
#   postgresql.sh stop DIR
set -euo pipefail
ACTION="${1:?start|stop}"
DIR="$(mkdir -p "${2:?directory}" && cd "$2" && pwd)"
shift 2

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# Runs a PostgreSQL tool as the cluster's owner: initdb refuses root, so root runs it as postgres.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case "$ACTION" in
  start)
    if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/pg_ctl" ]; then
      echo "PostgreSQL missing: installing the Debian package postgresql"
      if [ -n "$SUDO" ] && ! command -v sudo >/dev/null; then
        echo "ERROR: not root and no sudo; install postgresql yourself" >&2; exit 1
      fi
      export DEBIAN_FRONTEND=noninteractive
      $SUDO apt-get update -qq
      $SUDO apt-get install -y -qq postgresql >/dev/null
      # The package starts a cluster of its own on 5432; the tests never use it.
    fi
    BIN="$(pg_bin)"
    [ -x "$BIN/pg_ctl" ] || { echo "ERROR: PostgreSQL install failed" >&2; exit 1; }
    if [ -f "$DIR/data/postmaster.pid" ]; then  # left over from an aborted build
      as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR/data" "$DIR/socket"
    mkdir -p "$DIR/data" "$DIR/socket"
    if [ "$(id -u)" -eq 0 ]; then
      chown -R postgres "$DIR"
      # postgres must be able to reach DIR through its parents (target/ under a root-owned checkout)
      d="$DIR"; while [ "$d" != "/" ]; do chmod o+x "$d" 2>/dev/null || true; d="$(dirname "$d")"; done
    fi
    as_owner "$BIN/initdb" -D "$DIR/data" -A trust -U verbatim -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
    PORT="$(free_port)"
    # Durability as in production (fsync on); a bigger WAL window keeps the load tests from
    # checkpointing every few seconds.
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgresql.log" -w -t 60 \
      -o "-p $PORT -k $DIR/socket -c listen_addresses=127.0.0.1 -c max_connections=300 -c max_wal_size=2GB -c shared_buffers=256MB" start >/dev/null
    DATABASES=("$@")
    [ ${#DATABASES[@]} -gt 0 ] || DATABASES=(verbatim)
    for db in "${DATABASES[@]}"; do
      as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U verbatim "$db"
    done
    cat >"$DIR/pg.properties" <<EOF
host=127.0.0.1
port=$PORT
user=verbatim
password=it-pg-password
database=${DATABASES[0]}
url=jdbc:postgresql://127.0.0.1:$PORT/${DATABASES[0]}
EOF
    cat >"$DIR/pg.env" <<EOF
VERBATIM_DB_URL=jdbc:postgresql://127.0.0.1:$PORT/${DATABASES[0]}
VERBATIM_DB_USER=verbatim
VERBATIM_DB_PASSWORD=it-pg-password
EOF
    for db in "${DATABASES[@]}"; do
      sed "s|/${DATABASES[0]}\$|/$db|" "$DIR/pg.env" >"$DIR/$db.env"
    done
    echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') is up on 127.0.0.1:$PORT (databases: ${DATABASES[*]})"
    ;;
  stop)
    BIN="$(pg_bin)"
    if [ -n "$BIN" ] && [ -f "$DIR/data/postmaster.pid" ]; then
      as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null || true
    fi
    ;;
  *)
    echo "usage: $0 start DIR [database...] | stop DIR" >&2; exit 2
    ;;
esac
