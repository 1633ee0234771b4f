#!/usr/bin/env bash
# Installs what the build, the tests and the demo need on a fresh Debian 12 machine that has the .NET 10 SDK:
# a libstdc++ new enough for TorchSharp's native library (from the Debian 13 suite, pinned low), RabbitMQ, and the
# tools the deployment files are checked with offline: docker-compose (1.29.2) and kubectl with a kustomize that
# knows components (Debian 13's kubernetes-client; Debian 12's, 1.20, predates them).
# Safe to run again: every step checks first and does nothing when its work is already done.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
}

libstdcxx=/lib/x86_64-linux-gnu/libstdc++.so.6

# The machine's own Debian mirror, read from its apt sources (deb822 first, then the one-line format).
debian_mirror() {
  local uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' \
      /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' \
      /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || { echo "install-prerequisites: no Debian source found in /etc/apt" >&2; exit 1; }
  echo "$uri"
}

# Debian 13 (trixie) from the machine's own mirror, pinned at priority 100 so nothing moves to it unasked.
add_trixie_suite() {
  if [ -f /etc/apt/sources.list.d/vrf-trixie.sources ]; then
    return
  fi
  echo "install-prerequisites: adding Debian 13 pinned low"
  local mirror
  mirror=$(debian_mirror)
  as_root tee /etc/apt/sources.list.d/vrf-trixie.sources >/dev/null <<SOURCES
Types: deb
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  as_root tee /etc/apt/preferences.d/vrf-trixie-low >/dev/null <<'PIN'
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
  apt_updated=0
}

install_new_libstdcxx() {
  if grep -aq GLIBCXX_3.4.32 "$libstdcxx"; then
    return
  fi
  echo "install-prerequisites: libstdc++ lacks GLIBCXX_3.4.32 (TorchSharp needs it); installing Debian 13's"
  add_trixie_suite
  apt_update_once
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t trixie libstdc++6 >/dev/null
  grep -aq GLIBCXX_3.4.32 "$libstdcxx" || { echo "install-prerequisites: libstdc++ upgrade failed" >&2; exit 1; }
}

install_rabbitmq() {
  if command -v rabbitmq-server >/dev/null 2>&1; then
    return
  fi
  echo "install-prerequisites: installing Debian's rabbitmq-server"
  apt_update_once
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
}

install_deploy_tools() {
  if ! command -v docker-compose >/dev/null 2>&1; then
    echo "install-prerequisites: installing Debian's docker-compose"
    apt_update_once
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
  fi
  if ! command -v kubectl >/dev/null 2>&1; then
    echo "install-prerequisites: installing Debian 13's kubernetes-client (kubectl)"
    add_trixie_suite
    apt_update_once
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t trixie kubernetes-client >/dev/null
  fi
}

case "${1:-all}" in
  torch) install_new_libstdcxx ;;
  rabbitmq) install_rabbitmq ;;
  deploy) install_deploy_tools ;;
  all) install_new_libstdcxx; install_rabbitmq; install_deploy_tools ;;
  *) echo "usage: $0 [all|torch|rabbitmq|deploy]" >&2; exit 2 ;;
esac
