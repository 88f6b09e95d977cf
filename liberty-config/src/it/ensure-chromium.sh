#!/usr/bin/env bash
# The browser tests need Debian's Chromium and ChromeDriver. Install them when missing; fail
# loudly (never skip) when that is impossible.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
echo "Chromium or ChromeDriver missing: installing the Debian packages chromium and chromium-driver"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "ERROR: not root and no sudo; install chromium and chromium-driver yourself" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium chromium-driver
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { echo "ERROR: chromium install failed" >&2; exit 1; }
