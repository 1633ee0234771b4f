#!/usr/bin/env bash
# Adds up the counters of every TRX file under a folder and prints "tests: N passed, N failed, N skipped".
set -euo pipefail
passed=0 failed=0 skipped=0 files=0
for trx in $(find "${1:?results folder}" -name '*.trx' 2>/dev/null); do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value total) - $(value executed)))
  files=$((files + 1))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$files" -gt 0 ] || { echo "test-summary: no test results found" >&2; exit 1; }
