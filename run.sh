#!/usr/bin/env bash
# The main job on the embedded default: everything in one process, no broker needed.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prerequisites.sh torch
./vrf eval-cached --inputs tests/fixtures/vrf/case-visible-1/inputs.json "$@"
