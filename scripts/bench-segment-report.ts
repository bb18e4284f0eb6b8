/** bench:segment's table and machine-readable last line. */

/** The attainable-speed layer (test/fixtures/models/conv3x3-peak.onnx): 64 → 64 channels, 3 × 3. */
export const PEAK_MACS_PER_PIXEL = 64 * 64 * 9;
/** its input [C, H, W] */
export const PEAK_SHAPE: [number, number, number] = [64, 512, 512];

export interface Row {
  name: string;
  kind: 'node' | 'wasm' | 'webgpu' | 'long';
  seconds: number;
  pixels: number;
  /** achieved: card MACs/px × 2 × pixels / seconds */
  gflops: number;
  /** attainable on the same runtime and threads: one 64→64 3×3 conv layer */
  peakGflops: number;
  memMb: number;
  /** CPU seconds (all threads) of the timed run; wall time on a loaded machine includes waiting */
  cpuS: number;
  note: string;
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function printTable(rows: Row[], about: Record<string, string>): void {
  const out: string[] = [];
  for (const [k, v] of Object.entries(about)) if (v) out.push(`${k}: ${v}`);
  out.push('');
  out.push(`${pad('configuration', 46)} ${lpad('s', 7)} ${lpad('MP/s', 7)} ${lpad('GFLOP/s', 8)} ${lpad('peak', 7)} ${lpad('of peak', 8)} ${lpad('mem MB', 7)} ${lpad('cpu s', 7)}  notes`);
  for (const r of rows) {
    out.push(
      `${pad(r.name, 46)} ${lpad(r.seconds.toFixed(2), 7)} ${lpad((r.pixels / 1e6 / r.seconds).toFixed(2), 7)} ${lpad(r.gflops.toFixed(2), 8)} ` +
        `${lpad(r.peakGflops.toFixed(1), 7)} ${lpad(`${((100 * r.gflops) / r.peakGflops).toFixed(0)}%`, 8)} ${lpad(r.memMb.toFixed(0), 7)} ${lpad(r.cpuS.toFixed(1), 7)}  ${r.note}`,
    );
  }
  out.push('');
  out.push('peak = one 64→64 3×3 conv layer [1, 64, 512, 512] on the same runtime and threads (a pool: workers × its 1-thread figure).');
  out.push('cpu s = CPU seconds of all threads in the timed run (process tree for Chromium): compare with s × threads to see waiting.');
  out.push('GFLOP/s counts every scan pixel at the card\'s MACs/px: blank tiles skipped and tile overlap recomputed both move it.');
  process.stdout.write(`${out.join('\n')}\n`);
}

/** `segment: chromium_wasm_s=… node_s=… gflops=… peak_gflops=… peak_mem_mb=…` plus extras. */
export function lastLine(rows: Row[], model: string): string {
  const best = (kind: Row['kind']): Row | undefined => rows.filter((r) => r.kind === kind).sort((a, b) => a.seconds - b.seconds)[0];
  const wasm = best('wasm');
  const node = best('node');
  const gpu = best('webgpu');
  const long = best('long');
  const f = (v: number | undefined, d = 2): string => (v === undefined ? 'na' : v.toFixed(d));
  return [
    'segment:',
    `chromium_wasm_s=${f(wasm?.seconds)}`,
    `node_s=${f(node?.seconds)}`,
    `gflops=${f(wasm?.gflops)}`,
    `peak_gflops=${f(wasm?.peakGflops, 1)}`,
    `peak_mem_mb=${f(wasm?.memMb, 0)}`,
    `webgpu_s=${f(gpu?.seconds)}`,
    `long_scan_s=${f(long?.seconds)}`,
    `long_scan_peak_mem_mb=${f(long?.memMb, 0)}`,
    `model=${model}`,
  ].join(' ');
}
