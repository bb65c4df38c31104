#!/usr/bin/env bash
# `npm run bench`: builds, compiles the tests, packages the .vsix, then measures (see
# docs/benchmarks.md). The table goes to stdout, everything else to stderr; the figures
# are written to bench-results/latest.json. Reports only: the exit code is non-zero when
# something could not be measured, never because a target was missed.
#   BENCH_QUICK=1 npm run bench   fewer repetitions, to try the benchmark
set -euo pipefail
cd "$(dirname "$0")/.."

step() {
  printf '\n==== %s ====\n' "$1" >&2
  shift
  "$@" >&2
}

STARTED=$SECONDS
step build npm run build
step compile-tests npm run compile-tests
step package npm run package
printf '\n==== measure ====\n' >&2
node out/test/bench/run.js
printf 'bench: %d s in all\n' "$((SECONDS - STARTED))" >&2
