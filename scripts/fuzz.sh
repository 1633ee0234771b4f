#!/usr/bin/env bash
# Fuzzes the image decoder and the bus's message deserializer with a seeded mutator for a fixed time (half each):
#   scripts/fuzz.sh [seconds, default 120] [seed, default 1206]
# Prints, per target, the inputs tried, their outcomes, the slowest input and the most memory one input allocated;
# saves every finding (an unexpected exception, more memory than the input's size allows, an input running over 10 s)
# under artifacts/fuzz/ and exits non-zero when there is one. Not part of ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build tests/Vrf.Fuzzing/Vrf.Fuzzing.csproj -c Release --nologo -v quiet
dotnet tests/Vrf.Fuzzing/bin/Release/net10.0/Vrf.Fuzzing.dll "${1:-120}" "${2:-1206}"
