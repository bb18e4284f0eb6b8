/**
 * What the accuracy bench's swapped rows are: digitises the bench's cases as bench-accuracy.ts does
 * (model only, the same CLI function) and sorts every swapped truth depth (error > 10% of span) of
 * every curve into one kind, the first that fits:
 *   cycle — a wrapped curve read on the right ink but the wrong backup cycle
 *   ghost — another curve of the track is traced there though its truth is absent (it ended, or went
 *           off scale) and may have taken this curve's line
 *   other — the trace sits on another curve's truth (within 3% of span)
 *   spike — a short stretch (< 60 depths) where the truth swings away and the trace cuts across
 *   rest  — anything else
 *
 * Each swapped row but the cycle ones is also sorted by what the tracer had to go on at the curve's
 * true position on the scan (upright frame, within OWN_REACH px along its row):
 *   blank — the model sees no curve ink there (curve probability under one half), nor does the scan
 *           show ink (no pixel INK_CONTRAST darker than the row's paper): a dash gap, erased ink
 *   faint — the model sees no curve ink there, but the scan shows ink: a line the model missed (only
 *           a better segmentation, or the scan's darkness, could follow it)
 *   held  — the model sees the line, and another traced curve of the track sits on it: the two are
 *           exchanged there, or share a line
 *   free  — the model sees the line, and no traced curve of the track sits on it: it was left bare
 *
 * It also tells where the trace leaves its line: each end of a swapped stretch (a row where the curve
 * goes from right to swapped, or back) is "at a step" when the curve's own truth, or that of the
 * track's curve nearest to it there, moves STEEP_PX or more px a scan row within STEP_REACH depths: a
 * near-horizontal stroke, as at a bed boundary. For comparison the same test is made at every truth
 * depth of every curve that shares its track (the share of the log lying near such strokes).
 *
 * Each such end is also sorted by what happens there, between the curve and its mate (the track's curve
 * whose truth lies nearest the trace at that end), within EVENT_REACH depths, the first that fits:
 *   appear — either truth is absent there: one of the two begins or ends (off scale, the log's top)
 *   cross  — both curves step (a steep stroke, as above) and are on each other's side after it: a bed
 *            boundary where their strokes cross
 *   both   — both step and keep their sides
 *   own    — only the curve steps;  mate — only its mate does
 *   touch  — neither steps, and their truths come within 3% of span of each other
 *   none   — none of these (a line lost, or a leap across paper);  alone — no other curve there
 *
 *   npx tsx scripts/swap-kinds.ts [--cases 30] [--seg-cache DIR] [--model CARD.json] [--detail]
 *
 * Prints one line per case and, with --detail, one per curve with swapped rows; the last line sums them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { layoutToJson } from '../src/core/calibration/serialize.ts';
import { readLas } from '../src/core/las/index.ts';
import type { TruthCurve } from '../src/core/synth/truth.ts';
import { SWAP_PCT, curveErrors } from '../src/core/trace/score.ts';
import { BENCH_CONFIG, BENCH_DATASET_SEED, pickCases, trainingSeeds } from '../src/node/accuracy/cases.ts';
import { cachingSegmenter } from '../src/node/accuracy/seg-cache.ts';
import { benchSample } from '../src/node/accuracy/on-scan.ts';
import { digitiseFile, readLayoutFile } from '../src/node/cli/digitise-file.ts';
import { DEFAULT_MODELS_DIR } from '../src/node/cli/model.ts';
import { createNodeSegmenter, defaultCardPath } from '../src/node/segmenter-node.ts';
import { encodeGrayJpeg } from '../src/node/synth-files.ts';
import { encodeGrayPng } from '../src/node/png-gray.ts';
import { depthMap } from '../src/core/calibration/depth-map.ts';
import type { Raster } from '../src/core/raster.ts';
import type { Segmentation } from '../src/core/types.ts';
import type { Segmenter } from '../src/ml/segmenter.ts';

const KINDS = ['cycle', 'ghost', 'other', 'spike', 'rest'] as const;
type Kind = (typeof KINDS)[number];
type Counts = Record<Kind, number>;
const zero = (): Counts => ({ cycle: 0, ghost: 0, other: 0, spike: 0, rest: 0 });
const SIGHTS = ['blank', 'faint', 'held', 'free'] as const;
type Sight = (typeof SIGHTS)[number];

/** px either side of a curve's true position searched for its ink, and for another trace sitting on it */
const OWN_REACH = 3;
/** how much darker than the row's paper (its track's median, 0..255) a scan pixel must be to be ink */
const INK_CONTRAST = 50;

const ROOT = resolve(import.meta.dirname, '..');
const { values: opt } = parseArgs({ options: { cases: { type: 'string' }, 'seg-cache': { type: 'string' }, model: { type: 'string' }, detail: { type: 'boolean' } } });

/** Position across the track, 0 at left and 1 at right, unwrapped (log scales in log10). */
function fraction(c: TruthCurve, v: number): number {
  return c.scale === 'log' ? Math.log10(v / c.left) / Math.log10(c.right / c.left) : (v - c.left) / (c.right - c.left);
}
const fold = (f: number) => f - Math.floor(f);

/** How far apart fraction f of curve c and fraction fm of curve m lie on the scan: folded across cycles where either wraps. */
function apart(c: TruthCurve, f: number, m: TruthCurve, fm: number): number {
  return Math.abs(c.wrap || m.wrap ? fold(f) - fold(fm) : f - fm);
}

/** px a scan row that make a stroke "steep" (near horizontal), and how many depths either side count as near it */
const STEEP_PX = 3;
const STEP_REACH = 4;
/** depths either side of a swap's end searched for what happens there */
const EVENT_REACH = 6;
const EVENTS = ['appear', 'cross', 'both', 'own', 'mate', 'touch', 'none', 'alone'] as const;
type SwapEvent = (typeof EVENTS)[number];

/**
 * Per truth depth: does the curve move STEEP_PX px a scan row or more within STEP_REACH depths? A
 * wrapped curve crossing a track edge onto its next cycle is not a move. pxPerUnit: track px per unit of
 * fraction over scan rows per depth step.
 */
function nearSteep(c: TruthCurve, pxPerUnit: number): Uint8Array {
  const n = c.value.length, steep = new Uint8Array(n), near = new Uint8Array(n);
  for (let k = 1; k < n; k++) {
    const a = c.value[k - 1], b = c.value[k];
    if (a === null || b === null) continue;
    const d = fraction(c, b) - fraction(c, a);
    if (Math.abs(c.wrap ? fold(d + 0.5) - 0.5 : d) * pxPerUnit >= STEEP_PX) steep[k] = 1;
  }
  for (let k = 0; k < n; k++) if (steep[k]) near.fill(1, Math.max(0, k - STEP_REACH), Math.min(n, k + STEP_REACH + 1));
  return near;
}

/**
 * The track curve (other than c) whose truth lies nearest to fraction f of c at depth k, or -1; across
 * a wrapped curve's cycles, compared on the scan (folded), as the kinds above are.
 */
function nearestMate(c: TruthCurve, mates: TruthCurve[], k: number, f: number): number {
  let best = -1, dist = Infinity;
  mates.forEach((m, i) => {
    const v = m.value[k];
    if (v === null) return;
    const d = apart(c, f, m, fraction(m, v));
    if (d < dist) { dist = d; best = i; }
  });
  return best;
}

/**
 * What happens at a swap's end (truth depth q) between curve c and its mate m (null: no other curve of
 * the track there): see EVENTS. nearC, nearM: the two curves' steep-stroke marks (nearSteep).
 */
function swapEvent(c: TruthCurve, m: TruthCurve | null, q: number, nearC: Uint8Array, nearM: Uint8Array | null): SwapEvent {
  if (!m || !nearM) return 'alone';
  const lo = Math.max(0, q - EVENT_REACH), hi = Math.min(c.value.length - 1, q + EVENT_REACH);
  let touch = false;
  for (let z = lo; z <= hi; z++) {
    const a = c.value[z], b = m.value[z];
    if (a === null || b === null) return 'appear';
    if (apart(c, fraction(c, a), m, fraction(m, b)) < 0.03) touch = true;
  }
  if (nearC[q] && nearM[q]) {
    const side = (z: number) => Math.sign(fraction(c, c.value[z]!) - fraction(m, m.value[z]!));
    return side(lo) * side(hi) < 0 ? 'cross' : 'both';
  }
  if (nearC[q]) return 'own';
  if (nearM[q]) return 'mate';
  return touch ? 'touch' : 'none';
}

async function main(): Promise<void> {
  const { cases } = pickCases(Number(opt.cases ?? 30), BENCH_DATASET_SEED, trainingSeeds(ROOT).seeds, BENCH_CONFIG);
  const model = await createNodeSegmenter(opt.model ? resolve(opt.model) : await defaultCardPath(DEFAULT_MODELS_DIR), { threads: availableParallelism() });
  const inner = opt['seg-cache'] ? cachingSegmenter(model, resolve(opt['seg-cache'])) : model;
  // the case's segmentation (of the upright scan, the frame the layout's coordinates are in), kept for the sight test
  let seg: Segmentation | null = null;
  let upright: Raster | null = null;
  const segmenter: Segmenter = {
    get card() { return inner.card; },
    get backend() { return inner.backend; },
    segment: async (raster, options) => {
      upright = raster.channels === 1 ? raster : null; // the pipeline segments a grey scan
      return (seg = await inner.segment(raster, options));
    },
    dispose: () => inner.dispose(),
  };
  const noSights = (): Record<Sight, number> => ({ blank: 0, faint: 0, held: 0, free: 0 });
  const sights = noSights();
  const sightsOf = Object.fromEntries(KINDS.map((k) => [k, noSights()])) as Record<Kind, Record<Sight, number>>;
  const dir = mkdtempSync(join(tmpdir(), 'tracewell-swap-kinds-'));
  const total = zero();
  // stretch ends at a step / all ends; truth depths near a step / all (curves sharing a track); swapped rows in stretches with an end at a step
  const steps = { ends: 0, endsAt: 0, depths: 0, depthsAt: 0, rows: 0, rowsAt: 0 };
  // swap ends by what happens there, and the swapped rows of the stretches they end (a stretch counts once per end)
  const events = Object.fromEntries(EVENTS.map((x) => [x, { ends: 0, rows: 0 }])) as Record<SwapEvent, { ends: number; rows: number }>;
  try {
    for (const bc of cases) {
      // the bench's layout and truth: without the curves the scan does not show (on-scan.ts)
      const { sample: s, layout, truth } = benchSample(bc.seed, BENCH_CONFIG);
      const scan = join(dir, `scan.${s.jpegQuality !== null ? 'jpg' : 'png'}`);
      const { width, height, data } = s.image;
      writeFileSync(scan, s.jpegQuality !== null ? encodeGrayJpeg(data, width, height, s.jpegQuality) : encodeGrayPng(data, width, height));
      writeFileSync(join(dir, 'layout.json'), layoutToJson(layout));
      seg = null;
      upright = null;
      const out = await digitiseFile(scan, await readLayoutFile(join(dir, 'layout.json')), { segmenter });
      const dm = depthMap(layout.depth);
      const las = readLas(out.las);
      const rowOf = new Map<number, number>();
      las.data[0].forEach((d, r) => rowOf.set(Math.round(d * 1e4), r));
      const truthOf = (track: number, curve: number) => truth.curves.find((q) => q.track === track && q.curve === curve)!;
      const perCase = zero();
      const lines: string[] = [];
      // each curve's steep-stroke marks, made once per case (a curve is every other curve's mate in its track)
      const refs = layout.depth.refs, rowsPerDepth = Math.abs((refs[1].y - refs[0].y) / (refs[1].depth - refs[0].depth));
      const steepMarks = new Map<TruthCurve, Uint8Array>();
      const steepOf = (c: TruthCurve) => {
        let marks = steepMarks.get(c);
        if (!marks) {
          const tr = layout.tracks[c.track];
          marks = nearSteep(c, (tr.x1 - tr.x0) / (rowsPerDepth * (c.depth[1] - c.depth[0])));
          steepMarks.set(c, marks);
        }
        return marks;
      };
      out.series.forEach((se, i) => {
        const t = truthOf(se.track, se.curve);
        const traced = (k: number) => {
          const r = rowOf.get(Math.round(t.depth[k] * 1e4));
          return r === undefined ? Number.NaN : las.data[i + 1][r];
        };
        const { errors } = curveErrors({ mnemonic: se.mnemonic, unit: se.unit, depth: las.data[0], value: las.data[i + 1], scale: se.scale }, t);
        const mates = out.series.flatMap((o, m) => (o.track === se.track && m !== i ? [{ truth: truthOf(o.track, o.curve), column: las.data[m + 1] }] : []));
        const counts = zero();
        const mine = noSights();
        const tr = layout.tracks[t.track];
        // scan x of fraction f on this curve's track (folded onto the track for a wrapped curve); NaN off the track
        const xOf = (f: number) => {
          const g = t.wrap ? fold(f) : f;
          return g >= 0 && g <= 1 ? tr.x0 + g * (tr.x1 - tr.x0) : Number.NaN;
        };
        // the paper's shade on scan row y: the median of the track's pixels there (most of them paper)
        const paperOf = (y: number) => {
          const a = Math.max(0, Math.round(tr.x0)), b = Math.min(upright!.width, Math.round(tr.x1));
          const row = Array.from(upright!.data.subarray(y * upright!.width + a, y * upright!.width + b)).sort((p, q) => p - q);
          return row[row.length >> 1] ?? 255;
        };
        /** What the tracer had at truth depth q (table row r of the LAS): see OWN_REACH. */
        const sight = (q: number, r: number | undefined): Sight => {
          const x = xOf(fraction(t, t.value[q]!)), y = Math.round(dm.yAt(t.depth[q]));
          if (!seg || !upright || !(x >= 0) || y < 0 || y >= seg.height) return 'blank';
          const x0 = Math.max(0, Math.round(x) - OWN_REACH), x1 = Math.min(seg.width - 1, Math.round(x) + OWN_REACH);
          let seen = false;
          for (let px = x0; px <= x1; px++) if (seg.curveProb[y * seg.width + px] >= 128) seen = true;
          if (!seen) {
            const dark = Math.min(...upright.data.subarray(y * upright.width + x0, y * upright.width + x1 + 1));
            return dark <= paperOf(y) - INK_CONTRAST ? 'faint' : 'blank';
          }
          const held = r !== undefined && mates.some((m) => {
            const v = m.column[r];
            if (!Number.isFinite(v)) return false;
            const mt = layout.tracks[m.truth.track];
            const g = fraction(m.truth, v);
            const mx = mt.x0 + (m.truth.wrap ? fold(g) : g) * (mt.x1 - mt.x0);
            return Math.abs(mx - x) <= OWN_REACH;
          });
          return held ? 'held' : 'free';
        };
        const mateTruths = mates.map((m) => m.truth);
        const nearOwn = steepOf(t), nearMate = mateTruths.map(steepOf);
        // a depth is at a step when this curve, or the track's curve nearest to fraction f there, is near a steep stroke
        const atStep = (k: number, f: number) => {
          const m = nearestMate(t, mateTruths, k, f);
          return nearOwn[k] === 1 || (m >= 0 && nearMate[m][k] === 1);
        };
        if (mates.length > 0) {
          for (let k = 0; k < errors.length; k++) {
            if (t.value[k] === null) continue;
            steps.depths++;
            if (atStep(k, fraction(t, t.value[k]!))) steps.depthsAt++;
          }
        }
        for (let k = 0; k < errors.length; ) {
          if (!(errors[k] > SWAP_PCT)) { k++; continue; }
          let e = k;
          while (e + 1 < errors.length && errors[e + 1] > SWAP_PCT) e++;
          const a = k >= 2 ? t.value[k - 2] : null, b = e + 2 < errors.length ? t.value[e + 2] : null;
          if (mates.length > 0) {
            // the ends where the trace leaves its line or comes back to it (not the ends of the log)
            const ends = [k > 0 ? k : -1, e < errors.length - 1 ? e : -1].filter((q) => q >= 0);
            const at = ends.filter((q) => atStep(q, fraction(t, traced(q)))).length;
            for (const q of ends) {
              const m = nearestMate(t, mateTruths, q, fraction(t, traced(q)));
              const ev = events[swapEvent(t, m >= 0 ? mateTruths[m] : null, q, nearOwn, m >= 0 ? nearMate[m] : null)];
              ev.ends++;
              ev.rows += e - k + 1;
            }
            steps.ends += ends.length;
            steps.endsAt += at;
            steps.rows += e - k + 1;
            if (at > 0) steps.rowsAt += e - k + 1;
          }
          for (let q = k; q <= e; q++) {
            const fv = fraction(t, traced(q)), ft = fraction(t, t.value[q]!);
            const r = rowOf.get(Math.round(t.depth[q] * 1e4));
            let kind: Kind = 'rest';
            if (t.wrap && Math.abs(fold(fv - ft + 0.5) - 0.5) < 0.03) kind = 'cycle';
            else if (r !== undefined && mates.some((m) => m.truth.value[q] === null && Number.isFinite(m.column[r]))) kind = 'ghost';
            else if (mates.some((m) => m.truth.value[q] !== null && apart(t, fv, m.truth, fraction(m.truth, m.truth.value[q]!)) < 0.03)) kind = 'other';
            else if (e - k < 60 && a !== null && b !== null) {
              const w = (q - k + 2) / (e - k + 4);
              const line = fraction(t, a) * (1 - w) + fraction(t, b) * w;
              if (Math.abs(fv - line) < 0.06 && Math.abs(ft - line) > 0.1) kind = 'spike';
            }
            counts[kind]++;
            // a cycle row is on its own ink, read on the wrong cycle: nothing to sort
            if (kind !== 'cycle') {
              const seen = sight(q, r);
              sights[seen]++;
              sightsOf[kind][seen]++;
              mine[seen]++;
            }
          }
          k = e + 1;
        }
        const n = KINDS.reduce((sum, x) => sum + counts[x], 0);
        if (n) lines.push(`  ${t.mnemonic} ${n}: ${KINDS.map((x) => `${x} ${counts[x]}`).join(' ')}; ${SIGHTS.map((x) => `${x} ${mine[x]}`).join(' ')}`);
        for (const x of KINDS) perCase[x] += counts[x];
      });
      for (const x of KINDS) total[x] += perCase[x];
      console.log(`case ${bc.index}: ${KINDS.map((x) => `${x} ${perCase[x]}`).join(' ')}`);
      if (opt.detail) for (const l of lines) console.log(l);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await model.dispose();
  }
  const all = KINDS.reduce((sum, x) => sum + total[x], 0);
  const pct = (a: number, b: number) => (b > 0 ? ((100 * a) / b).toFixed(1) : '-');
  console.log(`swap ends at a step (a stroke of ${STEEP_PX}+ px a row within ${STEP_REACH} depths): ${steps.endsAt} of ${steps.ends} ends (${pct(steps.endsAt, steps.ends)}%); ` +
    `${steps.rowsAt} of ${steps.rows} swapped rows in such stretches; ${pct(steps.depthsAt, steps.depths)}% of all truth depths lie at a step`);
  console.log(`swap ends by what happens there (within ${EVENT_REACH} depths; ends, then rows of the stretches they end): ` +
    EVENTS.map((x) => `${x} ${events[x].ends} (${pct(events[x].ends, steps.ends)}%) ${events[x].rows}`).join(', '));
  console.log(`swapped rows but cycle ones, by what the model saw on the curve's own line (within ${OWN_REACH} px): ` +
    `${SIGHTS.map((x) => `${x} ${sights[x]} (${pct(sights[x], all - total.cycle)}%)`).join(', ')}; ` +
    `by kind: ${KINDS.filter((k) => k !== 'cycle').map((k) => `${k} ${SIGHTS.map((x) => sightsOf[k][x]).join('/')}`).join(', ')} (${SIGHTS.join('/')})`);
  console.log(`swap kinds: rows=${all} ${KINDS.map((x) => `${x}=${total[x]}`).join(' ')} ${SIGHTS.map((x) => `${x}=${sights[x]}`).join(' ')} ` +
    EVENTS.map((x) => `ends_${x}=${events[x].ends}`).join(' '));
}

await main();
