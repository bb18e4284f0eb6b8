#!/usr/bin/env bash
# Packs a GPU training run for a lent machine that has PyTorch but no Node and no network (the v4 run):
# this machine's node binary (xz), the dataset generator bundled into one file, and the dataset's
# manifest, into .e2e/devtrain (git-ignored; the device tool carries it with the init weights).
#   scripts/prepare-gpu-train.sh CONFIG.json      # the dataset must already exist here (npm run synth)
# Then, on that machine, from the repository root:
#   bash .e2e/devtrain/run.sh                     # regenerate (16 shards), train, pack runs/NAME into $OUT
# and here: tar xzf run.tgz -C runs, then the same `training/run.py --config CONFIG` finishes the run.
set -euo pipefail
cd "$(dirname "$0")/.."
cfg=${1:?usage: scripts/prepare-gpu-train.sh CONFIG.json}
read -r name dir < <(node -e 'const c=require(process.argv[1]);console.log(c.name, c.dataset.dir)' "$(realpath "$cfg")")
[ -f "$dir/manifest.json" ] || { echo "no dataset at $dir: run npm run synth first (see training/README.md)" >&2; exit 1; }
out=.e2e/devtrain
rm -rf "$out" && mkdir -p "$out"
npx esbuild scripts/synth-shard.ts --bundle --platform=node --format=esm --target=node20 --log-level=warning --outfile="$out/synth-shard.mjs"
xz -T2 -6 -c "$(readlink -f "$(command -v node)")" > "$out/node.xz"
cp "$dir/manifest.json" "$out/manifest.json"
cat > "$out/run.sh" <<RUN
#!/usr/bin/env bash
set -uo pipefail
d=.e2e/devtrain
xz -T0 -dc \$d/node.xz > \$d/node && chmod +x \$d/node
mkdir -p $dir
for k in \$(seq 0 15); do \$d/node \$d/synth-shard.mjs $dir \$d/manifest.json \$k 16 & done
wait
cp \$d/manifest.json $dir/manifest.json
PYTHONUNBUFFERED=1 timeout \${TRAIN_LIMIT:-480} python3 training/run.py --config $cfg --until train 2>&1 | tee \$OUT/train.log
tar czf \$OUT/run.tgz -C runs $name
RUN
chmod +x "$out/run.sh"
echo "packed $out ($(du -sh "$out" | cut -f1)); carry it with the config's train.initFrom weights, if any"
