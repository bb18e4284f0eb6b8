#!/usr/bin/env bash
# The README's second quick-start command (`npm test`): install what is missing, then run every test.
# Order: type checks, training tests (Python unittest, ~30 s), unit tests (vitest), build, browser tests (Playwright) — the output ends with
# the runners' own summary lines.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh npm chromium torch

echo "==> type check (core without DOM, app, workers, node)"
npx tsc -p tsconfig.core.json
npx tsc -p tsconfig.app.json
if compgen -G "workers/*.ts" >/dev/null; then npx tsc -p tsconfig.worker.json; fi
npx tsc -p tsconfig.node.json

echo "==> training pipeline tests (PyTorch, CPU: data checks, loss and metrics, export, kill-and-resume)"
/usr/bin/python3 -m unittest discover -s training/tests

echo "==> unit tests"
npx vitest run

echo "==> build"
npx vite build --logLevel warn

echo "==> browser tests (Debian Chromium)"
npx playwright test
