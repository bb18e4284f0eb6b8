#!/usr/bin/env bash
# Packs the WebGPU benchmark (scripts/bench-segment-dawn.ts) for a lent GPU machine that has no Node,
# no browser and no network: Node itself, dawn.node (npm "webgpu", fetched with npm pack), the
# onnxruntime-web WebGPU build, and the Vulkan loader (Debian libvulkan1), compressed, into
# .e2e/devgpu (git-ignored; the device tool carries it). Then, on that machine:
#   bash .e2e/devgpu/run.sh      # prints the WebGPU rows and a machine-readable last line
set -euo pipefail
cd "$(dirname "$0")/.."
out=.e2e/devgpu
rm -rf "$out" && mkdir -p "$out/ort" "$out/webgpu" "$out/debs"
npx esbuild scripts/bench-segment-dawn.ts --bundle --platform=node --format=esm --target=node20 \
  --log-level=warning --outfile="$out/bench-segment-dawn.mjs"
dist=node_modules/onnxruntime-web/dist
cp "$dist/ort.webgpu.mjs" "$dist/ort-wasm-simd-threaded.asyncify.mjs" "$out/ort/"
xz -T2 -6 -c "$dist/ort-wasm-simd-threaded.asyncify.wasm" > "$out/ort/ort-wasm-simd-threaded.asyncify.wasm.xz"
tmp=$(mktemp -d)
(cd "$tmp" && npm pack --silent webgpu@0.6.2 >/dev/null && tar xzf webgpu-*.tgz)
cp "$tmp/package/index.js" "$tmp/package/package.json" "$out/webgpu/"
mkdir -p "$out/webgpu/dist/linux-x64"
xz -T2 -6 -c "$tmp/package/dist/linux-x64/dawn.node" > "$out/webgpu/dist/linux-x64/dawn.node.xz"
rm -rf "$tmp"
# the NVIDIA Vulkan ICD (libGLX_nvidia) needs glvnd: without these the loader finds "no drivers"
(cd "$out/debs" && apt-get download libvulkan1 libglvnd0 libglx0 libgl1 libegl1 libgles2 libopengl0 2>/dev/null)
xz -T2 -6 -c "$(readlink -f "$(command -v node)")" > "$out/node.xz"
cat > "$out/run.sh" <<'RUN'
#!/usr/bin/env bash
# On the GPU machine, from the repository root.
set -euo pipefail
d=.e2e/devgpu
for f in $d/debs/*.deb; do dpkg -x "$f" /; done; ldconfig
xz -dkf $d/node.xz && chmod +x $d/node
xz -dkf $d/ort/ort-wasm-simd-threaded.asyncify.wasm.xz
xz -dkf $d/webgpu/dist/linux-x64/dawn.node.xz
for icd in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json; do
  if [ -f "$icd" ]; then export VK_DRIVER_FILES="$icd"; break; fi
done
export __EGL_VENDOR_LIBRARY_FILENAMES=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
models=(--model test/fixtures/models/tiny-unet.json)
if [ -f public/models/index.json ]; then
  def=$(sed -n 's/.*"default"[^"]*"\([^"]*\)".*/\1/p' public/models/index.json)
  models+=(--model "public/models/$def.json")
fi
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader || true
$d/node $d/bench-segment-dawn.mjs --ort $d/ort --webgpu $d/webgpu --peak test/fixtures/models/conv3x3-peak.onnx "${models[@]}"
RUN
chmod +x "$out/run.sh"
du -sh "$out"
