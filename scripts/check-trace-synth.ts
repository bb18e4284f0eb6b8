/**
 * Interim tracer check on generated scans, until the CLI and the trained model exist for
 * `npm run bench:accuracy`: render samples, deskew them by the layout's angle, segment them two ways
 * — the generator's own mask ("a perfect model": the tracer's ceiling) and the classical darkness
 * baseline — trace with the layout's seeds, and score every curve against the truth.
 *
 *   npx tsx scripts/check-trace-synth.ts [--seeds 1-20] [--len 3200] [--auto-layout] [--opt key=value …]
 *
 * --opt sets a tracer option for both segmentations (numbers; 0/1 for switches), e.g. --opt identityMargin=2.
 * With --auto-layout the scan's deskew is estimated instead of read from the layout.
 * Prints one row per curve, medians, and a machine-readable last line.
 */
import { renderSample } from '../src/core/synth/render.ts';
import { CLASSICAL_TRACE_OPTIONS, classicalSegmentation } from '../src/core/trace/index.ts';
import type { CurveScore } from '../src/core/trace/score.ts';
import { estimateSkew } from '../src/core/layout-detect/index.ts';
import { traceAndScore, uprightSample } from '../test/trace/synth-helpers.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const [s0, s1 = s0] = arg('--seeds', '1-12').split('-').map(Number);
const len = Number(arg('--len', '3200'));
const autoSkew = process.argv.includes('--auto-layout');
const options: Record<string, number> = {};
process.argv.forEach((a, i) => {
  if (a !== '--opt') return;
  const [k, v] = process.argv[i + 1].split('=');
  options[k] = Number(v);
});

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
const rows: { seed: number; name: string; mask: CurveScore; classical: CurveScore }[] = [];
/** a curve whose tracing failed: nothing covered (counts in the coverage median, not in the error medians) */
const FAILED: CurveScore = { truthPoints: 0, coverage: 0, maePct: NaN, p95Pct: NaN, swapPoints: 0, falsePoints: 0 };
let failures = 0;

for (let seed = s0; seed <= s1; seed++) {
  const angle = autoSkew ? estimateSkew(renderSample(seed, { minLen: len, maxLen: len }).image) : undefined;
  const u = uprightSample(seed, len, angle);
  const s = u.sample;
  // each segmentation on its own: a seed the classical one misses (not on its ink) still scores the mask
  const attempt = (what: string, run: () => CurveScore[]): CurveScore[] | null => {
    try {
      return run();
    } catch (e) {
      failures++;
      console.log(`seed ${seed} (${what}): ${(e as Error).message}`);
      return null;
    }
  };
  const mask = attempt('mask', () => traceAndScore(u, u.maskSeg, options));
  const classical = attempt('classical', () => traceAndScore(u, classicalSegmentation(u.image, { tracks: s.layout.tracks }), { ...CLASSICAL_TRACE_OPTIONS, ...options }));
  s.layout.tracks.flatMap((t) => t.curves).forEach((c, i) => {
    rows.push({ seed, name: `${c.mnemonic}${c.wrap ? '*' : ''}${c.style === 'broken' ? '~' : ''}${c.scale === 'log' ? 'L' : ''}`, mask: mask?.[i] ?? FAILED, classical: classical?.[i] ?? FAILED });
  });
  console.log(`seed ${seed}: ${s.info.defects.join(',') || 'clean'}, skew ${(s.layout.deskew as number).toFixed(2)}°${angle !== undefined ? ` (est ${angle.toFixed(3)})` : ''}`);
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
