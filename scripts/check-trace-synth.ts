/**
 * Interim tracer check on generated scans, until the CLI and the trained model exist for
 * `npm run bench:accuracy`: render samples, deskew them by the layout's angle, segment them two ways
 * — the generator's own mask ("a perfect model": the tracer's ceiling) and the classical darkness
 * baseline — trace with the layout's seeds, and score every curve against the truth.
 *
 *   npx tsx scripts/check-trace-synth.ts [--seeds 1-20] [--len 3200] [--auto-layout]
 *
 * With --auto-layout the scan's deskew is estimated instead of read from the layout.
 * Prints one row per curve, medians, and a machine-readable last line.
 */
import { renderSample } from '../src/core/synth/render.ts';
import { deskew } from '../src/core/raster/index.ts';
import { depthMap, tracedToSeries } from '../src/core/calibration/index.ts';
import { CLASSICAL_TRACE_OPTIONS, classicalSegmentation, traceCurves, type TraceOptions } from '../src/core/trace/index.ts';
import { scoreCurve, type CurveScore } from '../src/core/trace/score.ts';
import { estimateSkew } from '../src/core/layout-detect/index.ts';
import { SegClass, type Segmentation } from '../src/core/types.ts';
import type { Raster } from '../src/core/raster.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const [s0, s1] = arg('--seeds', '1-12').split('-').map(Number);
const len = Number(arg('--len', '3200'));
const autoSkew = process.argv.includes('--auto-layout');

/** Nearest-neighbour deskew for class masks (bilinear would invent classes), same map as raster/deskew. */
function deskewMask(mask: Uint8Array, w: number, h: number, degrees: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  const a = (degrees * Math.PI) / 180, cos = Math.cos(a), sin = Math.sin(a);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = x + 0.5 - w / 2, dy = y + 0.5 - h / 2;
      const sx = Math.floor(w / 2 + cos * dx - sin * dy), sy = Math.floor(h / 2 + sin * dx + cos * dy);
      if (sx >= 0 && sx < w && sy >= 0 && sy < h) out[y * w + x] = mask[sy * w + sx];
    }
  }
  return out;
}

function maskSegmentation(mask: Uint8Array, w: number, h: number): Segmentation {
  const curveProb = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) if (mask[i] === SegClass.SolidCurve || mask[i] === SegClass.BrokenCurve) curveProb[i] = 230;
  return { width: w, height: h, classes: mask, curveProb };
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
const rows: { seed: number; name: string; mask: CurveScore; classical: CurveScore }[] = [];
let failures = 0;

for (let seed = s0; seed <= s1; seed++) {
  const s = renderSample(seed, { minLen: len, maxLen: len });
  const angle = autoSkew ? estimateSkew(s.image) : (s.layout.deskew as number);
  const image: Raster = deskew(s.image, angle);
  const { width: w, height: h } = image;
  const segs: [string, Segmentation, Partial<TraceOptions>][] = [
    ['mask', maskSegmentation(deskewMask(s.mask, w, h, angle), w, h), {}],
    ['classical', classicalSegmentation(image, { tracks: s.layout.tracks }), CLASSICAL_TRACE_OPTIONS],
  ];
  const depths = depthMap(s.layout.depth);
  const scores = segs.map(([, seg, options]) => {
    try {
      return traceCurves({ seg, scan: image, tracks: s.layout.tracks, options }).map((c) => {
        const track = s.layout.tracks[c.track], curve = track.curves[c.curve];
        const truth = s.truth.curves.find((t) => t.track === c.track && t.curve === c.curve)!;
        return scoreCurve(tracedToSeries(c, curve, track, depths), truth);
      });
    } catch (e) {
      failures++;
      console.log(`seed ${seed}: ${(e as Error).message}`);
      return null;
    }
  });
  if (!scores[0] || !scores[1]) continue;
  s.layout.tracks.flatMap((t) => t.curves).forEach((c, i) => {
    rows.push({ seed, name: `${c.mnemonic}${c.wrap ? '*' : ''}${c.style === 'broken' ? '~' : ''}${c.scale === 'log' ? 'L' : ''}`, mask: scores[0]![i], classical: scores[1]![i] });
  });
  console.log(`seed ${seed}: ${s.info.defects.join(',') || 'clean'}, skew ${(s.layout.deskew as number).toFixed(2)}°${autoSkew ? ` (est ${angle.toFixed(3)})` : ''}`);
}

const f = (x: number) => (Number.isNaN(x) ? '   -' : x.toFixed(2).padStart(6));
console.log('\nseed curve      | mask: cover   MAE%   p95%  swaps | classical: cover   MAE%   p95%  swaps');
for (const r of rows) {
  console.log(
    `${String(r.seed).padStart(4)} ${r.name.padEnd(10)} |       ${f(r.mask.coverage)} ${f(r.mask.maePct)} ${f(r.mask.p95Pct)} ${String(r.mask.swapPoints).padStart(5)} |` +
      `            ${f(r.classical.coverage)} ${f(r.classical.maePct)} ${f(r.classical.p95Pct)} ${String(r.classical.swapPoints).padStart(5)}`,
  );
}
const stat = (k: 'mask' | 'classical') => ({
  mae: median(rows.map((r) => r[k].maePct).filter((x) => !Number.isNaN(x))),
  p95: median(rows.map((r) => r[k].p95Pct).filter((x) => !Number.isNaN(x))),
  cover: median(rows.map((r) => r[k].coverage)),
  swapCurves: rows.filter((r) => r[k].swapPoints > 0).length,
});
const m = stat('mask'), c = stat('classical');
console.log(`\nmedians over ${rows.length} curves: mask MAE ${m.mae.toFixed(3)}% p95 ${m.p95.toFixed(3)}% coverage ${m.cover.toFixed(3)}, curves with swaps ${m.swapCurves}`);
console.log(`                        classical MAE ${c.mae.toFixed(3)}% p95 ${c.p95.toFixed(3)}% coverage ${c.cover.toFixed(3)}, curves with swaps ${c.swapCurves}`);
console.log(
  `trace-synth: samples=${s1 - s0 + 1} curves=${rows.length} failures=${failures} mask_median_mae_pct=${m.mae.toFixed(3)} mask_median_p95_pct=${m.p95.toFixed(3)} mask_median_coverage=${m.cover.toFixed(3)} mask_swap_curves=${m.swapCurves} classical_median_mae_pct=${c.mae.toFixed(3)} classical_swap_curves=${c.swapCurves}`,
);
