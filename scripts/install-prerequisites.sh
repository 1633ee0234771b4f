#!/usr/bin/env bash
# Installs what the build, the tests and the demo need on a fresh Debian 12 machine that has the .NET 10 SDK:
# a libstdc++ new enough for TorchSharp's native library (from the Debian 13 suite, pinned low) and RabbitMQ; on
# request (faiss), the peer `vrf bench index` measures against.
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

install_new_libstdcxx() {
  if grep -aq GLIBCXX_3.4.32 "$libstdcxx"; then
    return
  fi
  echo "install-prerequisites: libstdc++ lacks GLIBCXX_3.4.32 (TorchSharp needs it); adding Debian 13 pinned low"
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

# faiss for Debian's python3 (the peer of `vrf bench index`), with the threaded OpenBLAS: without it numpy and faiss
# fall back to the reference BLAS, about 35 times slower.
install_faiss_peer() {
  if /usr/bin/python3 -c 'import faiss' >/dev/null 2>&1 \
     && dpkg-query -W -f='${Status}' libopenblas0-pthread 2>/dev/null | grep -q 'install ok installed'; then
    return
  fi
  echo "install-prerequisites: installing Debian's python3-faiss and libopenblas0-pthread"
  apt_update_once
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-faiss libopenblas0-pthread >/dev/null
}

case "${1:-all}" in
  torch) install_new_libstdcxx ;;
  rabbitmq) install_rabbitmq ;;
  faiss) install_faiss_peer ;;
  all) install_new_libstdcxx; install_rabbitmq ;;
  *) echo "usage: $0 [all|torch|rabbitmq|faiss]" >&2; exit 2 ;;
esac
