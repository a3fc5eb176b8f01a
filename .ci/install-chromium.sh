#!/bin/sh
# Installs Debian's headless-capable chromium for the HTML report test of seldon-hpa-api, only when it is
# missing. Needs root on Debian. No recommends: the test needs only the browser binary.
set -eu

if command -v chromium >/dev/null 2>&1; then
  echo "chromium already installed: $(chromium --version 2>/dev/null | head -n 1)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium.sh: run as root (apt-get update && apt-get install -y chromium)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium fonts-dejavu-core

chromium --version 2>/dev/null | head -n 1
