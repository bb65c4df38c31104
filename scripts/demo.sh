#!/usr/bin/env bash
# `npm run demo`: installs what is missing (Debian packages, the test VS Code), builds the
# extension and starts it in a real VS Code against the local Lambda emulator.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -d node_modules ]]; then
  echo "Installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund
fi
npm run --silent build
npm run --silent compile-tests
node out/test/harness/vscode.js
exec node out/test/harness/demo.js
