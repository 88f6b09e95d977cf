#!/usr/bin/env bash
# Starts or stops a Liberty server the integration tests run against: "verbatimit" on Derby and
# "verbatimpg" on PostgreSQL, created by liberty-maven-plugin in pre-integration-test with
# src/it/liberty/server.env. Run from liberty-config.
#   it-server.sh start SERVER HTTP_PORT SMTP_PORT IMAP_PORT [DATABASE]
#     DATABASE: empty for the in-memory Derby of server.env, a Derby database name, or a file
#     *.env with VERBATIM_DB_* lines (src/it/postgresql.sh writes one).
#   it-server.sh stop SERVER
#   it-server.sh env SERVER ENV_FILE [NAME=VALUE...]   (for a server started by someone else,
#     such as Arquillian: its server.env gets the file's and these variables)
set -euo pipefail
cd "$(dirname "$0")/../.."
WLP=target/liberty/wlp
ACTION="${1:-}"
NAME="${2:?server name}"
SERVER=$WLP/usr/servers/$NAME
shift 2
case "$ACTION" in
  start)
    HTTP_PORT="${1:?http port}"; SMTP_PORT="${2:?smtp port}"; IMAP_PORT="${3:?imap port}"; DATABASE="${4:-}"
    # Ports come from the build (it.http.port, it.smtp.port, it.imap.port) so parallel checkouts do not collide.
    sed -i '/^VERBATIM_HTTP_PORT=\|^VERBATIM_SMTP_PORT=\|^VERBATIM_IMAP_PORT=\|^VERBATIM_PUBLIC_BASE_URL=/d' "$SERVER/server.env"
    printf 'VERBATIM_HTTP_PORT=%s\nVERBATIM_SMTP_PORT=%s\nVERBATIM_IMAP_PORT=%s\nVERBATIM_PUBLIC_BASE_URL=http://localhost:%s\n' \
      "$HTTP_PORT" "$SMTP_PORT" "$IMAP_PORT" "$HTTP_PORT" >> "$SERVER/server.env"
    # liberty-maven-plugin 3.12 writes server.env from the liberty.env.* Maven properties only and
    # drops the content of serverEnvFile (src/it/liberty/server.env) when both exist. Without this
    # the IT server ran on the file database in <repo>/data, without SMTP and without an admin.
    IT_ENV=src/it/liberty/server.env
    for key in $(grep -oE '^[A-Z_]+=' "$IT_ENV" | tr -d '='); do
      sed -i "/^$key=/d" "$SERVER/server.env"
    done
    grep -E '^[A-Z_]+=' "$IT_ENV" >> "$SERVER/server.env"
    # Optional 5th argument: another database than the in-memory one (the benchmark profile uses a
    # Derby file, the PostgreSQL run an env file).
    if [[ "$DATABASE" == *.env ]]; then
      sed -i '/^VERBATIM_DB_/d' "$SERVER/server.env"
      grep -E '^VERBATIM_DB_[A-Z_]+=' "$DATABASE" >> "$SERVER/server.env"
    elif [ -n "$DATABASE" ]; then
      sed -i '/^VERBATIM_DB_NAME=/d' "$SERVER/server.env"
      echo "VERBATIM_DB_NAME=$DATABASE" >> "$SERVER/server.env"
    fi
    mkdir -p "$SERVER/apps" "$SERVER/configDropins/overrides"
    cp target/verbatim.war "$SERVER/apps/verbatim.war"
    cat > "$SERVER/configDropins/overrides/it-application.xml" <<'XML'
<server>
  <webApplication id="verbatim" location="verbatim.war" name="verbatim" contextRoot="/"/>
</server>
XML
    "$WLP/bin/server" stop "$NAME" >/dev/null 2>&1 || true  # left over from an aborted build
    rm -rf "$SERVER/logs"
    "$WLP/bin/server" start "$NAME"
    for _ in $(seq 1 180); do
      if grep -q "CWWKZ0001I.*verbatim" "$SERVER/logs/messages.log" 2>/dev/null; then
        # Started is not ready: the application's own start-up (migrations, first admin) may fail.
        READY="$(curl -s "http://localhost:$HTTP_PORT/health/ready" || true)"
        if echo "$READY" | grep -qE '"state" *: *"failed"'; then
          echo "ERROR: $NAME started but is not ready: $READY" >&2
          "$WLP/bin/server" stop "$NAME" >/dev/null 2>&1 || true
          exit 1
        fi
        if echo "$READY" | grep -qE '"state" *: *"ready"'; then
          echo "$NAME is up and ready"; exit 0
        fi
      fi
      if grep -q "CWWKZ0002E\|CWWKZ0004E\|SRVE0283E\|SRVE0265E" "$SERVER/logs/messages.log" 2>/dev/null; then
        echo "ERROR: the application failed to start:" >&2; grep -E " E |ERROR|Caused by" "$SERVER/logs/messages.log" | tail -20 >&2
        "$WLP/bin/server" stop "$NAME" >/dev/null 2>&1 || true
        exit 1
      fi
      sleep 1
    done
    echo "ERROR: $NAME did not start the application within 180 s" >&2
    tail -50 "$SERVER/logs/messages.log" >&2 || true
    "$WLP/bin/server" stop "$NAME" >/dev/null 2>&1 || true
    exit 1
    ;;
  stop)
    "$WLP/bin/server" stop "$NAME" || true
    ;;
  env)
    FILE="${1:?env file}"; shift
    for line in $(grep -E '^[A-Z_]+=' "$FILE") "$@"; do
      sed -i "/^${line%%=*}=/d" "$SERVER/server.env" 2>/dev/null || true
      echo "$line" >> "$SERVER/server.env"
    done
    ;;
  *)
    echo "usage: $0 start SERVER HTTP_PORT SMTP_PORT IMAP_PORT [DATABASE] | stop SERVER | env SERVER FILE [NAME=VALUE...]" >&2; exit 2
    ;;
esac
