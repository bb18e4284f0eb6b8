#!/usr/bin/env bash
# The README's first quick-start command (`npm start`): install what is missing, build, and serve
# the app (with the bundled model and sample scan) on http://localhost:4173/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh npm
npx vite build --logLevel warn
echo "==> Tracewell is being served at http://localhost:${PORT:-4173}/ (Ctrl+C to stop)"
exec npx vite preview --host 0.0.0.0 --port "${PORT:-4173}"
