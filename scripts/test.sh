#!/usr/bin/env bash
# `npm test`: every check and test layer, in order, continuing past failures so that all of
# them report. Ends with one line "N passed, N failed" (tests of all layers; a failed step
# such as lint or build counts as one failed test) and a non-zero exit when anything failed.
#   1. the test VS Code (code-server + Node 24 + Chromium, cached; see docs/testing.md)
#   2. typecheck, lint, build, compile-tests
#   3. unit tests          (Mocha, Node)
#   4. integration tests   (Mocha inside the VS Code extension host)
#      locale tests        (the integration tests named Locale, with VS Code in Japanese)
#   5. UI tests            (Mocha + Playwright driving the VS Code workbench)
#   6. package             (npm run package, then the .vsix content test)
set -euo pipefail
cd "$(dirname "$0")/.."

LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT
PASSED=0
FAILED=0
SUMMARY=()
STARTED=$SECONDS
REPORTER=(--reporter ./out/test/harness/reporter.js)

header() {
  printf '\n==== %s ====\n' "$1"
}

# step NAME COMMAND...: a check without test counts; failing counts as one failed test.
step() {
  local name=$1 t0=$SECONDS rc=0
  shift
  header "$name"
  "$@" || rc=$?
  if ((rc == 0)); then
    SUMMARY+=("$name: ok ($((SECONDS - t0)) s)")
  else
    FAILED=$((FAILED + 1))
    SUMMARY+=("$name: FAILED (exit code $rc, $((SECONDS - t0)) s)")
  fi
}

# layer NAME COMMAND...: a test layer whose output ends with "NAME: N passed, N failed".
layer() {
  local name=$1 t0=$SECONDS rc=0 line passed=0 failed=0 note=''
  shift
  header "$name tests"
  "$@" 2>&1 | tee "$LOGS/$name.log" || rc=$?
  line="$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed\$" "$LOGS/$name.log" | tail -n 1 || true)"
  if [[ -n $line ]]; then
    passed="$(sed -E 's/^[^:]+: ([0-9]+) passed.*/\1/' <<<"$line")"
    failed="$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")"
  else
    note=' (no result line)'
    failed=1
  fi
  if ((rc != 0 && failed == 0)); then
    note=" (exit code $rc)"
    failed=1
  fi
  PASSED=$((PASSED + passed))
  FAILED=$((FAILED + failed))
  SUMMARY+=("$name: $passed passed, $failed failed$note ($((SECONDS - t0)) s)")
}

compile_harness() {
  # Only the installer, so that it runs even while the rest does not compile.
  npx tsc --module commonjs --target ES2022 --moduleResolution node --types node --skipLibCheck \
    --strict --rootDir test/harness --outDir out/test/harness test/harness/vscode.ts test/harness/cleanup.ts
}

prune_stale_tests() {
  # A test whose source was deleted or renamed still has its compiled file in out/: drop it,
  # so that it does not run.
  local js ts
  while IFS= read -r js; do
    ts="${js#out/}"
    ts="${ts%.js}.ts"
    if [[ ! -f $ts ]]; then
      echo "removing $js (its source $ts is gone)"
      rm -f "$js" "$js.map"
    fi
  done < <(find out/test -name '*.test.js' 2>/dev/null)
}

step 'compile the test VS Code installer' compile_harness
step 'test VS Code (code-server, Node 24, Chromium)' node out/test/harness/vscode.js
step typecheck npm run typecheck
step lint npm run lint
step build npm run build
step compile-tests npm run compile-tests
prune_stale_tests

layer unit npx mocha --config .mocharc.unit.json "${REPORTER[@]}" --reporter-option layer=unit
layer integration node out/test/harness/run-integration.js
layer locale bash -o pipefail -c 'node out/test/harness/run-integration.js --locale ja --grep Locale 2>&1 | sed -u "s/^integration: \([0-9]* passed\)/locale: \1/"'
layer ui npx mocha --timeout 300000 --exit "${REPORTER[@]}" --reporter-option layer=ui 'out/test/ui/**/*.test.js'
step package npm run package
layer package npx mocha --exit "${REPORTER[@]}" --reporter-option layer=package out/test/package/vsix.test.js

header summary
printf '%s\n' "${SUMMARY[@]}"
printf 'total time %d s\n' "$((SECONDS - STARTED))"
echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
