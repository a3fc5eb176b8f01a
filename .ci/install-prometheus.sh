#!/bin/sh
# Installs Prometheus from Debian's packages for the tests that run a real one (seldon-hpa-test's ITs, the examples)
# (/usr/bin/prometheus and /usr/bin/promtool), only when they are missing. Needs root on Debian.
# The tests start their own server on 127.0.0.1, so the package's service is kept from starting.
set -eu

if [ -x /usr/bin/prometheus ] && [ -x /usr/bin/promtool ]; then
  echo "prometheus already installed: $(/usr/bin/prometheus --version 2>&1 | head -n 1)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-prometheus.sh: run as root (apt-get update && apt-get install -y prometheus)" >&2
  exit 1
fi

# policy-rc.d exit code 101 tells invoke-rc.d and deb-systemd-invoke not to start services,
# so the package's prometheus does not listen on 0.0.0.0:9090
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  trap 'rm -f "$policy"' EXIT
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
# no recommends: they would add prometheus-node-exporter and its service
apt-get install -y --no-install-recommends prometheus

/usr/bin/prometheus --version 2>&1 | head -n 1
/usr/bin/promtool --version 2>&1 | head -n 1
