#!/usr/bin/env bash
# Starts or stops the Liberty server the integration tests run against ("verbatimit", created by
# liberty-maven-plugin in pre-integration-test with src/it/liberty/server.env). Run from liberty-config.
set -euo pipefail
cd "$(dirname "$0")/../.."
WLP=target/liberty/wlp
SERVER=$WLP/usr/servers/verbatimit
case "${1:-}" in
  start)
    HTTP_PORT="${2:?http port}"; SMTP_PORT="${3:?smtp port}"; IMAP_PORT="${4:?imap port}"
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
    # Optional 5th argument: another database than the in-memory one (the benchmark profile uses a file).
    if [ -n "${5:-}" ]; then
      sed -i '/^VERBATIM_DB_NAME=/d' "$SERVER/server.env"
      echo "VERBATIM_DB_NAME=$5" >> "$SERVER/server.env"
    fi
    mkdir -p "$SERVER/apps" "$SERVER/configDropins/overrides"
    cp target/verbatim.war "$SERVER/apps/verbatim.war"
    cat > "$SERVER/configDropins/overrides/it-application.xml" <<'XML'
<server>
  <webApplication id="verbatim" location="verbatim.war" name="verbatim" contextRoot="/"/>
</server>
XML
    "$WLP/bin/server" stop verbatimit >/dev/null 2>&1 || true  # left over from an aborted build
    rm -rf "$SERVER/logs"
    "$WLP/bin/server" start verbatimit
    for _ in $(seq 1 180); do
      if grep -q "CWWKZ0001I.*verbatim" "$SERVER/logs/messages.log" 2>/dev/null; then
        echo "verbatimit is up with the application started"; exit 0
      fi
      if grep -q "CWWKZ0002E\|CWWKZ0004E\|SRVE0283E\|SRVE0265E" "$SERVER/logs/messages.log" 2>/dev/null; then
        echo "ERROR: the application failed to start:" >&2; grep -E " E |ERROR|Caused by" "$SERVER/logs/messages.log" | tail -20 >&2
        "$WLP/bin/server" stop verbatimit >/dev/null 2>&1 || true
        exit 1
      fi
      sleep 1
    done
    echo "ERROR: verbatimit did not start the application within 180 s" >&2
    tail -50 "$SERVER/logs/messages.log" >&2 || true
    "$WLP/bin/server" stop verbatimit >/dev/null 2>&1 || true
    exit 1
    ;;
  stop)
    "$WLP/bin/server" stop verbatimit || true
    ;;
  *)
    echo "usage: $0 start <httpPort> <smtpPort> <imapPort> [dbName] | stop" >&2; exit 2
    ;;
esac
