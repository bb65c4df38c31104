#!/usr/bin/env bash
# `npm run bench`: packages the .vsix (production build), builds the development bundles
# (with source maps, for the profile), compiles the tests, then measures (see
# docs/benchmarks.md). The table goes to stdout, everything else to stderr; the figures
# are written to bench-results/latest.json, the profile of the invoke command to
# bench-results/profile-invoke.md and *.cpuprofile. Reports only: the exit code is non-zero
# when something could not be measured, never because a target was missed.
#   BENCH_QUICK=1 npm run bench   fewer repetitions, to try the benchmark
set -euo pipefail
cd "$(dirname "$0")/.."

step() {
  printf '\n==== %s ====\n' "$1" >&2
  shift
  "$@" >&2
}

# The machine's load before anything here runs: a run is only called clean when it was low.
BENCH_LOAD_BEFORE=$(cut -d ' ' -f 1 /proc/loadavg 2>/dev/null || echo '')
export BENCH_LOAD_BEFORE
printf 'load average (1 min) before the run: %s on %s CPUs\n' "${BENCH_LOAD_BEFORE:-unknown}" "$(nproc 2>/dev/null || echo '?')" >&2

STARTED=$SECONDS
step package npm run package
# After the package: dist/ is left with the development build, whose source maps the profile reads.
step build npm run build
step compile-tests npm run compile-tests
printf '\n==== measure ====\n' >&2
node out/test/bench/run.js
printf 'bench: %d s in all\n' "$((SECONDS - STARTED))" >&2
