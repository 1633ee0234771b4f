#!/usr/bin/env bash
# Runs every test: installs what is missing, starts a local RabbitMQ when none is running (and stops it after),
# then `dotnet test` on the solution. Prints one closing line "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-prerequisites.sh all
# shellcheck source=scripts/rabbitmq.sh
source scripts/rabbitmq.sh
trap rabbitmq_stop_if_started EXIT
rabbitmq_start_if_needed

# No build servers left behind once the tests are done.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results=artifacts/test-results
rm -rf "$results"
status=0
dotnet test Microservices.sln --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@" \
  || status=$?

scripts/test-summary.sh "$results"
exit "$status"
