/**
 * Auto-layout on generated scans: per seed, the true and detected track edges, which edge misses and by
 * how much, and the skew error; then one machine-readable line. The issue's targets: every track edge
 * within 3 px, skew within 0.1°.
 *
 *   npx tsx scripts/check-layout-detect.ts [--seeds 1-40] [--len 3200] [--quiet]
 *
 * Scans as in test/layout-detect/synth.test.ts: 3200 px long, 1000–1600 px wide. --quiet prints only the
 * failing seeds and the summary.
 */
import { parseArgs } from 'node:util';
import { renderSample } from '../src/core/synth/render.ts';
import { detectLayout } from '../src/core/layout-detect/index.ts';
import { EDGE_TOLERANCE_PX, edgesWithin, matchEdges, worst } from '../test/layout-detect/edge-match.ts';

const { values: opts } = parseArgs({
  options: { seeds: { type: 'string', default: '1-40' }, len: { type: 'string', default: '3200' }, quiet: { type: 'boolean', default: false } },
});
const [s0, s1 = s0] = opts.seeds.split('-').map(Number);
const len = Number(opts.len);
const quiet = opts.quiet;
const CONFIG = { minLen: len, maxLen: len, minWidth: 1000, maxWidth: 1600 };
const SKEW_TOLERANCE_DEG = 0.1;

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);

let edgesOk = 0, skewOk = 0, n = 0;
const worstErrors: number[] = [];
const failed: number[] = [];
const t0 = performance.now();
for (let seed = s0; seed <= s1; seed++, n++) {
  const s = renderSample(seed, CONFIG);
  const p = detectLayout(s.image);
  const skewTrue = s.layout.deskew as number;
  const skewErr = Math.abs(p.deskew - skewTrue);
  const matches = matchEdges(p, s.layout.tracks);
  const ok = edgesWithin(matches);
  edgesOk += ok ? 1 : 0;
  skewOk += skewErr <= SKEW_TOLERANCE_DEG ? 1 : 0;
  if (!ok) failed.push(seed);
  worstErrors.push(Math.max(...matches.map(worst)));
  if (quiet && ok && skewErr <= SKEW_TOLERANCE_DEG) continue;
  console.log(
    `seed ${seed}: ${ok ? 'ok  ' : 'MISS'} skew ${skewTrue.toFixed(3)}° est ${p.deskew.toFixed(3)}° (err ${skewErr.toFixed(3)}) · ` +
      `${s.image.width}×${s.image.height} ${s.info.dpi} dpi · ${s.info.defects.join(',') || 'clean'}`,
  );
  for (const m of matches) {
    const miss = [Math.abs(m.dx0) > EDGE_TOLERANCE_PX ? `x0 off ${f1(m.dx0)}` : '', Math.abs(m.dx1) > EDGE_TOLERANCE_PX ? `x1 off ${f1(m.dx1)}` : ''].filter(Boolean);
    const found = m.found ? `${f1(m.found.x0)}–${f1(m.found.x1)}` : 'none';
    console.log(`    true ${f1(m.truth.x0)}–${f1(m.truth.x1)}  found ${found}${miss.length ? '  ← ' + miss.join(', ') : ''}`);
  }
  const det = p.tracks.map((t) => `${f1(t.x0)}–${f1(t.x1)}${t.grid.kind === 'linear' ? `/L${t.grid.divisions}` : t.grid.kind === 'log' ? `/log${t.grid.decades}` : '/-'}g${t.group}`);
  console.log(`    detected ${det.join('  ')}  depth ${p.depthTrack ? `${f1(p.depthTrack.x0)}–${f1(p.depthTrack.x1)}` : 'none'}`);
}
const secs = (performance.now() - t0) / 1000;
if (failed.length) console.log(`edge misses: seeds ${failed.join(', ')}`);
console.log(`(${secs.toFixed(0)} s for ${n} scans)`);
console.log(`layout-detect: seeds=${n} edges_ok=${edgesOk}/${n} skew_ok=${skewOk}/${n} median_edge_err_px=${f1(median(worstErrors.filter(Number.isFinite)))}`);
