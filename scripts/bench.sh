#!/usr/bin/env bash
# npm run bench: every `bench:*` script in package.json whose script file exists, one after the other
# (they time things: never in parallel). Each keeps its own output, ending with its machine-readable
# line; a failing benchmark is reported and the others still run. Exit status: 1 if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

mapfile -t benches < <(node -e '
  const s = require("./package.json").scripts;
  for (const [name, cmd] of Object.entries(s)) {
    if (!name.startsWith("bench:")) continue;
    const file = (cmd.match(/(scripts\/\S+\.(?:ts|js|mjs|sh))/) || [])[1];
    if (!file || require("fs").existsSync(file)) console.log(name);
    else console.error(`skip ${name}: ${file} does not exist yet`);
  }')

failed=()
for b in "${benches[@]}"; do
  echo "==> npm run $b"
  if ! npm run -s "$b"; then failed+=("$b"); fi
  echo
done
if ((${#failed[@]})); then
  echo "benchmarks that failed: ${failed[*]}"
  exit 1
fi
echo "benchmarks run: ${benches[*]}"
