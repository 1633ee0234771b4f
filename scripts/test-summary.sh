#!/usr/bin/env bash
# Adds up the counters of every TRX file under a folder and prints "tests: N passed, N failed, N skipped", after
# the name and the first lines of the message of each failed test (so the end of a CI log says what failed).
set -euo pipefail
passed=0 failed=0 skipped=0 files=0
for trx in $(find "${1:?results folder}" -name '*.trx' 2>/dev/null); do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value total) - $(value executed)))
  files=$((files + 1))
  # perl-base is part of every Debian system; the TRX is XML with one <UnitTestResult> per test.
  perl -0777 -ne '
    my %entity = (quot => "\"", apos => "\x27", lt => "<", gt => ">", amp => "&");
    sub text { my $s = shift; $s =~ s/&(quot|apos|lt|gt|amp);/$entity{$1}/g; $s =~ s/&#x([0-9a-fA-F]+);/chr(hex $1)/ge; $s }
    while (/<UnitTestResult\b([^>]*?)outcome="(Failed|Error|Timeout|Aborted)"[^>]*>(.*?)<\/UnitTestResult>/gs) {
      my ($attributes, $outcome, $body) = ($1, $2, $3);
      my ($name) = $attributes =~ /testName="([^"]*)"/;
      my ($message) = $body =~ /<Message>(.*?)<\/Message>/s;
      my @lines = grep { /\S/ } split /\n/, text($message // "");
      print "FAILED ", text($name // "?"), "\n";
      print "  $_\n" for @lines[0 .. ($#lines < 5 ? $#lines : 5)];
    }' "$trx"
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$files" -gt 0 ] || { echo "test-summary: no test results found" >&2; exit 1; }
