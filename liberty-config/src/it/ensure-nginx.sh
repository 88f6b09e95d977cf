#!/usr/bin/env bash
# The scale-out tests (it.scaleout) put nginx in front of two servers. Install Debian's nginx when
# it is missing; fail loudly (never skip) when that is impossible. The test runs nginx itself
# (nginx -c CONF -p DIR under target/), so the package's own service is neither needed nor used.
set -euo pipefail
if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then
  exit 0
fi
echo "nginx missing: installing the Debian package nginx"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "ERROR: not root and no sudo; install nginx yourself" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# policy-rc.d-free containers may try to start the packaged service on port 80; that failing must
# not fail the install, so the result is checked by looking for the binary instead.
$SUDO apt-get install -y -qq nginx >/dev/null || true
[ -x /usr/sbin/nginx ] || { echo "ERROR: nginx install failed" >&2; exit 1; }
