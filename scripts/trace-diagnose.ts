/**
 * Where the tracer goes wrong on generated scans, and why: traces a sample with the generator's mask as
 * the segmentation (as check-trace-synth.ts does), groups the truth depths whose error exceeds a threshold
 * into stretches, and classifies each stretch:
 *   swap   — the trace sits on another curve of the track (within 1% of the track width)
 *   spike  — a stretch of at most 3 depths at a sharp extreme of the true curve
 *   other  — anything else
 * With --png DIR it writes a crop of each stretch (scan in grey; true curve green, its trace red; the
 * track's other curves: truth yellow, traces blue) so the failure can be looked at.
 *
 *   npx tsx scripts/trace-diagnose.ts --seeds 5-7 [--min-pct 10] [--png /tmp/crops] [--max-png 20] [--curve DT]
 *
 * --sample diagnoses the bundled sample (public/samples/synthetic-log.*) instead of generated seeds;
 * --classical segments by darkness (the classical baseline) instead of using the generator's mask.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { encode } from 'fast-png';
import { depthMap, tracedToSeries, valueMap } from '../src/core/calibration/index.ts';
import { prepareUpright, segmentClassical, traceLayout } from '../src/core/digitise/index.ts';
import { curveErrors, traceCurves } from '../src/core/trace/index.ts';
import type { TracedCurve } from '../src/core/types.ts';
import type { SynthSample } from '../src/core/synth/render.ts';
import { uprightSample, type UprightSample } from '../test/trace/synth-helpers.ts';
import { parseLayout } from '../src/core/calibration/index.ts';
import type { SynthTruth } from '../src/core/synth/truth.ts';
import { decodeFile } from '../src/node/decode.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const [s0, s1 = s0] = arg('--seeds', '1-1').split('-').map(Number);
const minPct = Number(arg('--min-pct', '10'));
const pngDir = arg('--png', '');
const maxPng = Number(arg('--max-png', '30'));
const onlyCurve = arg('--curve', '');
const len = Number(arg('--len', '3200'));
const HALF = Number(arg('--half', '40')); // rows above and below a stretch in a crop
const ZOOM = Number(arg('--zoom', '2'));
const PER_CURVE = Number(arg('--per-curve', '1000')); // crops per curve at most
const useSample = process.argv.includes('--sample');
const classical = process.argv.includes('--classical');
let written = 0;
// --opt key=value (repeatable): tracer options to try, e.g. --opt wSlope=0.3
const options: Record<string, number> = {};
process.argv.forEach((a, i) => {
  if (a !== '--opt') return;
  const [k, v] = process.argv[i + 1].split('=');
  options[k] = Number(v);
});

/** Truth of one curve in pixel space: row y and column x per truth depth (NaN where not drawn). */
function truthPx(u: UprightSample, t: number, c: number): { y: Float64Array; x: Float64Array } {
  const { layout, truth } = u.sample;
  const depths = depthMap(layout.depth);
  const track = layout.tracks[t], curve = track.curves[c];
  const vm = valueMap(curve, track);
  const tc = truth.curves.find((k) => k.track === t && k.curve === c)!;
  const y = Float64Array.from(tc.depth, (d) => depths.yAt(d));
  const x = Float64Array.from(tc.value, (v) => (v === null ? NaN : vm.xAt(v).x));
  return { y, x };
}

/** The trace's x at continuous row y (rows at their centres, linear between them). */
function tracedAt(c: TracedCurve, y: number): number {
  const f = y - 0.5 - c.y0;
  const i = Math.floor(f);
  if (i < 0 || i + 1 >= c.x.length) return NaN;
  return c.x[i] + (f - i) * (c.x[i + 1] - c.x[i]);
}

interface Stretch { from: number; to: number; kind: string; maxPct: number }

function stretches(errors: Float64Array, own: { x: Float64Array; y: Float64Array }, others: { x: Float64Array }[], trace: TracedCurve, width: number): Stretch[] {
  const out: Stretch[] = [];
  let k = 0;
  while (k < errors.length) {
    if (!(errors[k] > minPct)) { k++; continue; }
    let e = k;
    let maxPct = 0, onOther = 0;
    while (e < errors.length && errors[e] > minPct) {
      maxPct = Math.max(maxPct, errors[e]);
      const tx = tracedAt(trace, own.y[e]);
      if (others.some((o) => Math.abs(o.x[e] - tx) < 0.01 * width)) onOther++;
      e++;
    }
    const n = e - k;
    let kind = 'other';
    if (onOther * 2 >= n) kind = 'swap';
    else if (n <= 3) {
      const sharp = [...Array(n).keys()].some((i) => {
        const j = k + i, a = own.x[j - 1], b = own.x[j + 1];
        return Math.abs(own.x[j] - (a + b) / 2) > 0.05 * width;
      });
      if (sharp) kind = 'spike';
    }
    out.push({ from: k, to: e, kind, maxPct });
    k = e;
  }
  return out;
}

function writeCrop(u: UprightSample, traces: TracedCurve[], t: number, c: number, y: number, name: string): void {
  const track = u.sample.layout.tracks[t];
  const img = u.image;
  const xa = Math.max(0, Math.floor(track.x0) - 10), xb = Math.min(img.width, Math.ceil(track.x1) + 10);
  const ya = Math.max(0, Math.floor(y) - HALF), yb = Math.min(img.height, Math.floor(y) + HALF);
  // two panels: the scan as it is (top), and lightened with the marks drawn in (below)
  const w = (xb - xa) * ZOOM, ph = (yb - ya) * ZOOM, h = 2 * ph + 4;
  const rgb = new Uint8Array(w * h * 3).fill(255);
  for (let py = 0; py < ph; py++) {
    for (let px = 0; px < w; px++) {
      const g = img.data[((ya + Math.floor(py / ZOOM)) * img.width + xa + Math.floor(px / ZOOM)) * img.channels];
      rgb.set([g, g, g], (py * w + px) * 3);
      const v = 130 + (g * 125) / 255; // lightened so the marks stand out
      rgb.set([v, v, v], ((py + ph + 4) * w + px) * 3);
    }
  }
  const dot = (x: number, yy: number, col: [number, number, number]) => {
    const px = Math.round((x - xa) * ZOOM), py = Math.round((yy - ya) * ZOOM);
    if (px >= 0 && px < w && py >= 0 && py < ph) rgb.set(col, ((py + ph + 4) * w + px) * 3);
  };
  const order = track.curves.map((_, k) => k).filter((k) => k !== c).concat(c); // own marks on top
  order.forEach((k) => {
    const own = k === c;
    const tp = truthPx(u, t, k);
    for (let i = 1; i < tp.y.length; i++) {
      if (tp.y[i] < ya - 5 || tp.y[i - 1] > yb + 5) continue;
      for (let f = 0; f <= 1; f += 0.02) dot(tp.x[i - 1] + f * (tp.x[i] - tp.x[i - 1]), tp.y[i - 1] + f * (tp.y[i] - tp.y[i - 1]), own ? [0, 170, 0] : [220, 190, 0]);
    }
    // the trace as a polyline through its rows (a lone dot per row would vanish on a flat stroke), 2 px wide
    const tr = traces.find((q) => q.track === t && q.curve === k)!;
    const col: [number, number, number] = own ? [230, 0, 0] : [0, 60, 230];
    for (let r = ya; r < yb; r++) {
      const a = tr.x[r - tr.y0], b = r + 1 < yb ? tr.x[r + 1 - tr.y0] : NaN;
      if (Number.isNaN(b)) { dot(a, r + 0.5, col); continue; }
      for (let f = 0; f <= 1; f += 0.5 / Math.max(1, Math.abs(b - a) * ZOOM)) {
        dot(a + f * (b - a), r + 0.5 + f, col);
        dot(a + f * (b - a) + 1 / ZOOM, r + 0.5 + f, col);
      }
    }
  });
  writeFileSync(`${pngDir}/${name}.png`, encode({ width: w, height: h, data: rgb, channels: 3 }));
}

if (pngDir) mkdirSync(pngDir, { recursive: true });
const tally: Record<string, number> = {};
const over10Split = [0, 0, 0, 0]; // points over 10%: nearer another curve's truth, or not
const perCurve: { mae: number; kept: number; swapShare: number; p95: number; over10: number }[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** The bundled sample as an upright sample; it has no mask, so it is diagnosed with --classical only. */
async function bundledSample(): Promise<UprightSample> {
  const file = (ext: string) => new URL(`../public/samples/synthetic-log.${ext}`, import.meta.url).pathname;
  const parsed = parseLayout(JSON.parse(readFileSync(file('layout.json'), 'utf8')));
  if (!parsed.ok) throw new Error('the bundled sample layout does not parse');
  const layout = parsed.layout;
  const truth = JSON.parse(readFileSync(file('truth.json'), 'utf8')) as SynthTruth;
  const image = prepareUpright((await decodeFile(file('png'))).raster, layout).upright;
  const sample = { seed: 0, image, mask: new Uint8Array(0), truth, layout, jpegQuality: null } as unknown as SynthSample;
  return { sample, image, maskSeg: { width: 0, height: 0, classes: new Uint8Array(0), curveProb: new Uint8Array(0) } };
}

function traceSample(u: UprightSample): TracedCurve[] {
  const { layout } = u.sample;
  // the classical baseline as the CLI runs it (its rows and options), else the generator's mask
  if (classical) return traceLayout(u.image, segmentClassical(u.image, layout), layout, { kind: 'classical', trace: options });
  return traceCurves({ seg: u.maskSeg, scan: u.image, tracks: layout.tracks, options });
}

for (let seed = useSample ? 0 : s0; seed <= (useSample ? 0 : s1); seed++) {
  const u = useSample ? await bundledSample() : uprightSample(seed, len);
  const { layout, truth } = u.sample;
  const depths = depthMap(layout.depth);
  let traces: TracedCurve[];
  try {
    traces = traceSample(u);
  } catch (e) {
    console.log(`seed ${seed}: ${(e as Error).message}`);
    continue;
  }
  for (const tc of traces) {
    const track = layout.tracks[tc.track], curve = track.curves[tc.curve];
    if (onlyCurve && curve.mnemonic !== onlyCurve) continue;
    const tru = truth.curves.find((k) => k.track === tc.track && k.curve === tc.curve)!;
    const { errors } = curveErrors(tracedToSeries(tc, curve, track, depths), tru);
    const own = truthPx(u, tc.track, tc.curve);
    const others = track.curves.map((_, k) => k).filter((k) => k !== tc.curve).map((k) => truthPx(u, tc.track, k));
    // points where the trace is nearer another curve's truth than its own (by > 1 px): identity, not precision
    let nSwap = 0, sumAll = 0, nAll = 0, sumKept = 0;
    errors.forEach((e, k) => {
      if (Number.isNaN(e)) return;
      const tx = tracedAt(tc, own.y[k]);
      const swapped = others.some((o) => Math.abs(o.x[k] - tx) + 1 < Math.abs(own.x[k] - tx));
      sumAll += e; nAll++;
      if (e > 10) over10Split[swapped ? 0 : 1]++;
      // on another curve's ink that the other curve's own trace holds too (a duplicate), or not (an exchange)
      if (e > 10 && swapped) {
        const dup = traces.some((q) => q !== tc && q.track === tc.track && Math.abs(tracedAt(q, own.y[k]) - tx) < 2);
        over10Split[dup ? 2 : 3]++;
      }
      if (swapped) nSwap++;
      else sumKept += e;
    });
    const sorted = Array.from(errors).filter((e) => !Number.isNaN(e)).sort((x, y) => x - y);
    perCurve.push({
      mae: sumAll / nAll, kept: sumKept / Math.max(1, nAll - nSwap), swapShare: nSwap / nAll,
      p95: sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))], over10: sorted.filter((e) => e > 10).length,
    });
    if (process.argv.includes('--table')) {
      const c = perCurve[perCurve.length - 1];
      console.log(`curve ${seed} ${tc.track}.${tc.curve} ${curve.mnemonic.padEnd(6)} mae ${c.mae.toFixed(3)} kept ${c.kept.toFixed(3)} swapShare ${c.swapShare.toFixed(3)}`);
    }
    let crops = 0;
    for (const s of stretches(errors, own, others, tc, track.x1 - track.x0)) {
      tally[s.kind] = (tally[s.kind] ?? 0) + 1;
      const y = own.y[s.from];
      console.log(
        `seed ${seed} ${curve.mnemonic.padEnd(6)} ${curve.style ?? ''} ${s.kind.padEnd(5)} rows ${y.toFixed(0)}..${own.y[s.to - 1].toFixed(0)} ` +
          `(${s.to - s.from} depths) max ${s.maxPct.toFixed(1)}%`,
      );
      if (pngDir && written < maxPng && crops++ < PER_CURVE) {
        // a long stretch is cropped where it starts and where it ends (a swap's two crossings)
        const y1 = own.y[s.to - 1];
        const at = y1 - y > HALF ? [y, y1] : [(y + y1) / 2];
        for (const yc of at) writeCrop(u, traces, tc.track, tc.curve, yc, `s${seed}-${curve.mnemonic}-${Math.round(yc)}-${s.kind}`), written++;
      }
    }
  }
}
console.log(`stretches over ${minPct}%: ${JSON.stringify(tally)}`);
console.log(
  `${perCurve.length} curves: median MAE ${median(perCurve.map((c) => c.mae)).toFixed(3)}%, ` +
    `without points nearer another curve ${median(perCurve.map((c) => c.kept)).toFixed(3)}%, ` +
    `mean share of such points ${(perCurve.reduce((a, c) => a + c.swapShare, 0) / perCurve.length).toFixed(3)}, ` +
    `median p95 ${median(perCurve.map((c) => c.p95)).toFixed(3)}%, curves with points over 10% ${perCurve.filter((c) => c.over10 > 0).length} ` +
    `(${perCurve.reduce((a, c) => a + c.over10, 0)} points, ${over10Split[0]} of them nearer another curve: ${over10Split[2]} shared with its trace, ${over10Split[3]} not), mean MAE ${(perCurve.reduce((a, c) => a + c.mae, 0) / perCurve.length).toFixed(3)}%`,
);
