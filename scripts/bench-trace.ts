/**
 * npm run bench:trace — speed of the curve tracer on a full-length scan: 12,800 rows, 4 tracks × 3 curves
 * (one dashed, crossings, a grid), from a drawn segmentation. Prints medians; the last line is machine-readable.
 * Also times the trace without its duplicate search (joint.ts breakDuplicates), without seed zones, without the off-scale state (viterbi.ts) and without grid ink taken as curve (runs.ts offLineGridProb), the classical (darkness-only) segmentation of the same sheet, and traceLayout as the app
 * and the CLI call it on a model's segmentation, with and without the darkness fill (fill.ts).
 */
import { performance } from 'node:perf_hooks';
import { classicalSegmentation, CLASSICAL_TRACE_OPTIONS, traceCurves } from '../src/core/trace/index.ts';
import type { TrackSpec } from '../src/core/calibration/layout.ts';
import { SegClass } from '../src/core/types.ts';
import { DEFAULT_RUN_OPTIONS } from '../src/core/trace/runs.ts';
import type { Layout } from '../src/core/calibration/layout.ts';
import { traceLayout } from '../src/core/digitise/trace-layout.ts';
import { Sheet, curveSpec } from '../test/trace/fixtures.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 12_800);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TRACK_W = 400, GAP = 60;

function drawSheet(): { sheet: Sheet; tracks: TrackSpec[] } {
  const width = 4 * TRACK_W + 5 * GAP;
  const sheet = new Sheet(width, ROWS);
  const tracks: TrackSpec[] = [];
  for (let t = 0; t < 4; t++) {
    const x0 = GAP + t * (TRACK_W + GAP), x1 = x0 + TRACK_W;
    for (let x = x0; x <= x1; x += 40) sheet.vLine(x + 0.5, 0, ROWS, x === x0 || x === x1 ? 2 : 1);
    for (let y = 10; y < ROWS; y += 20) sheet.hLine(y + 0.5, x0, x1 + 1, y % 100 === 10 ? 2 : 1);
    const fs = [0, 1, 2].map((k) => (y: number) =>
      x0 + TRACK_W * (0.5 + 0.3 * Math.sin(y / (90 + 37 * k) + k * 2.1 + t) + 0.08 * Math.sin(y / (13 + 5 * k))));
    fs.forEach((f, k) => sheet.curve(f, 0, ROWS, k === 2 ? { cls: SegClass.BrokenCurve, dash: [10, 6] } : {}, 2));
    const y = ROWS / 2 + 0.5;
    tracks.push({
      x0, x1,
      curves: fs.map((f, k) => curveSpec(`C${t}${k}`, { x: f(y), y }, { style: k === 2 ? 'broken' : 'solid' })),
    });
  }
  return { sheet, tracks };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * CPU time of each run, ms: the tracer is single-threaded, so on an idle machine this equals wall time,
 * and on a shared one (other jobs on the same cores) it is still the tracer's own cost. Wall time is kept too.
 */
const wall: number[] = [];
function time(fn: () => void, runs = RUNS): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    out.push((c.user + c.system) / 1000);
  }
  return out;
}

const timeOnce = (fn: () => void) => time(fn, 1);

const { sheet, tracks } = drawSheet();
const seg = sheet.segmentation();
const raster = sheet.raster();
traceCurves({ seg, tracks }); // warm-up (JIT)
// with and without the search for curves riding one line (joint.ts breakDuplicates, option dupMinRows)
// and the seeds' zones (appearance.ts seedZone, option seedZoneRows), and the off-scale absent state
// (viterbi.ts stepLost, option offScaleMaxRows), and grid ink taken as curve (runs.ts offLineGrid, option
// runs.offLineGridProb), taking turns so that all five meet the same state of the machine and of the heap
const withDup: number[] = [], noDup: number[] = [], noZone: number[] = [], noOff: number[] = [], noGridCurve: number[] = [];
for (let i = 0; i < RUNS; i++) {
  withDup.push(...timeOnce(() => traceCurves({ seg, tracks })));
  noDup.push(...timeOnce(() => traceCurves({ seg, tracks, options: { dupMinRows: 0 } })));
  noZone.push(...timeOnce(() => traceCurves({ seg, tracks, options: { seedZoneRows: 0 } })));
  noOff.push(...timeOnce(() => traceCurves({ seg, tracks, options: { offScaleMaxRows: 0 } })));
  noGridCurve.push(...timeOnce(() => traceCurves({ seg, tracks, options: { runs: { ...DEFAULT_RUN_OPTIONS, offLineGridProb: 0 } } })));
}
const traceMs = median(withDup);
const noDupMs = median(noDup);
const noZoneMs = median(noZone);
const noOffMs = median(noOff);
const noGridCurveMs = median(noGridCurve);
const classicalSeg = classicalSegmentation(raster);
const classicalMs = median(time(() => classicalSegmentation(raster)));
const classicalTraceMs = median(time(() => traceCurves({ seg: classicalSeg, tracks, options: CLASSICAL_TRACE_OPTIONS })));
// as the app and the CLI trace a model's segmentation: with the scan, and with the darkness trace
// that fills the model trace's absent stretches (src/core/trace/fill.ts), against the same without it.
// Run after the timings above: relabel() below changes the sheet's classes
const layout: Layout = {
  version: 1, rotate: 0, deskew: 0, step: 0.5, well: {},
  depth: { unit: 'FT', refs: [{ y: 0, depth: 1000 }, { y: ROWS, depth: 1000 + ROWS / 4 }] },
  tracks,
};
const noFillMs = median(time(() => traceLayout(raster, seg, layout, { kind: 'model', trace: { fillFromDarkness: false } })));
// the sheet's segmentation leaves no curve absent; its dashed curves' gaps are bridges the fill checks
// against the darkness trace (fillBridgeRows); a model that calls a 200-row band of every track grid
// makes every track fill a long stretch too
for (const t of tracks) sheet.relabel(Math.floor(t.x0) + 3, ROWS / 4, Math.ceil(t.x1) - 3, ROWS / 4 + 200, SegClass.Grid, 0);
const missed = sheet.segmentation();
const fillMs = median(time(() => traceLayout(raster, seg, layout, { kind: 'model' })));
const missedMs = median(time(() => traceLayout(raster, missed, layout, { kind: 'model' })));
const wallMedian = median(wall);
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

console.log(`scan ${seg.width}×${seg.height}, ${tracks.length} tracks × 3 curves, ${RUNS} runs each`);
console.log(`trace (model segmentation)      median ${traceMs.toFixed(0)} ms CPU`);
console.log(`trace, no duplicate search      median ${noDupMs.toFixed(0)} ms CPU (the trace is ${(traceMs / noDupMs).toFixed(2)}× this)`);
console.log(`trace, no seed zones            median ${noZoneMs.toFixed(0)} ms CPU (the trace is ${(traceMs / noZoneMs).toFixed(2)}× this)`);
console.log(`trace, no off-scale state       median ${noOffMs.toFixed(0)} ms CPU (the trace is ${(traceMs / noOffMs).toFixed(2)}× this)`);
console.log(`trace, no grid ink as curve     median ${noGridCurveMs.toFixed(0)} ms CPU (the trace is ${(traceMs / noGridCurveMs).toFixed(2)}× this)`);
console.log(`classical segmentation          median ${classicalMs.toFixed(0)} ms CPU`);
console.log(`trace (classical segmentation)  median ${classicalTraceMs.toFixed(0)} ms CPU`);
console.log(`traceLayout, model, no fill       median ${noFillMs.toFixed(0)} ms CPU`);
console.log(`traceLayout, model, fill on, the sheet as drawn  median ${fillMs.toFixed(0)} ms CPU (${(fillMs / noFillMs).toFixed(2)}× no fill)`);
console.log(`traceLayout, model, fill on, a band missed in every track  median ${missedMs.toFixed(0)} ms CPU (${(missedMs / noFillMs).toFixed(2)}× no fill)`);
console.log(`median wall time of all timed runs ${wallMedian.toFixed(0)} ms (higher than CPU when the cores are shared)`);
console.log(`heap after runs ${heapMb.toFixed(0)} MB`);
console.log(
  `trace: rows=${ROWS} curves=12 median_ms=${traceMs.toFixed(0)} no_dup_ms=${noDupMs.toFixed(0)} dup_ratio=${(traceMs / noDupMs).toFixed(2)} no_zone_ms=${noZoneMs.toFixed(0)} zone_ratio=${(traceMs / noZoneMs).toFixed(2)} no_offscale_ms=${noOffMs.toFixed(0)} offscale_ratio=${(traceMs / noOffMs).toFixed(2)} no_grid_curve_ms=${noGridCurveMs.toFixed(0)} grid_curve_ratio=${(traceMs / noGridCurveMs).toFixed(2)} classical_seg_ms=${classicalMs.toFixed(0)} classical_trace_ms=${classicalTraceMs.toFixed(0)} layout_ms=${noFillMs.toFixed(0)} layout_fill_ms=${fillMs.toFixed(0)} layout_fill_missed_ms=${missedMs.toFixed(0)} fill_ratio=${(fillMs / noFillMs).toFixed(2)} fill_missed_ratio=${(missedMs / noFillMs).toFixed(2)}`,
);
