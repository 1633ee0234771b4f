#!/usr/bin/env bash
# The main job: `vrf demo` on real data (MNIST and ML.NET's ImageNet ResNet-18), with the services in one process.
# Installs what it needs first (TorchSharp's libstdc++, the glyph fonts, MNIST); arguments go to `vrf demo`
# (--quick, --full, --fresh, --bus ADDRESS, --json FILE).
set -euo pipefail
cd "$(dirname "$0")"
for step in torch fonts data; do
  scripts/install-prerequisites.sh "$step"
done
./vrf demo "$@"
