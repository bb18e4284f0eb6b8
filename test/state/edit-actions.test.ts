import { describe, expect, it } from 'vitest';
import type { TrackSpec } from '../../src/core/calibration/layout';
import { traceCurves } from '../../src/core/trace';
import { SegClass, type TracedCurve } from '../../src/core/types';
import { emptyDocument, type DocumentData } from '../../src/state/document';
import { curveIndex, eraseLasso, eraseSpan, redraw, retrace, rowsOfDepths, setSpanValue, startDrag } from '../../src/state/edit-actions';
import { createAppStore } from '../../src/state/store';
import { Sheet, curveSpec } from '../trace/fixtures';

const f = (y: number) => 100 + 40 * Math.sin(y / 45);
const track: TrackSpec = { x0: 20, x1: 200, curves: [curveSpec('GR', { x: f(70.5), y: 70.5 }, { unit: 'GAPI', left: 0, right: 150 })] };

function docWith(curves: TracedCurve[]): DocumentData {
  const d = emptyDocument({
    sha256: 'ab'.repeat(32), format: 'png', fileName: 'log.png', bytes: 10, page: 0, pageCount: 1,
    width: 220, height: 600, originalChannels: 1, bitsPerSample: 8, compression: 'PNG',
  });
  // 10 rows per foot from 1000 FT at row 0
  return { ...d, layout: { ...d.layout, depth: { unit: 'FT', refs: [{ y: 0, depth: 1000 }, { y: 600, depth: 1060 }] }, tracks: [track] }, curves };
}

function traced() {
  const s = new Sheet(220, 600);
  s.curve(f, 0, 600);
  const seg = s.segmentation();
  return { seg, upright: s.raster(), curves: traceCurves({ seg, tracks: [track] }) };
}

describe('edit actions on the store', () => {
  it('a drag of many pointer moves is one undo entry; undo and redo walk it exactly', () => {
    const store = createAppStore();
    const { curves } = traced();
    store.getState().resetDocument(docWith(curves));
    const before = store.getState().doc.curves[0];
    const drag = startDrag(store, 0, 300, 20)!;
    for (let dx = 1; dx <= 30; dx++) drag.move(dx);
    drag.end();
    const after = store.getState().doc.curves[0];
    expect(after.x[300]).toBeCloseTo(before.x[300] + 30, 9);
    expect(store.getState().history.undo).toHaveLength(1);
    expect(store.getState().history.undo[0].label).toBe('Drag GR');
    store.getState().undo();
    expect(Array.from(store.getState().doc.curves[0].x)).toEqual(Array.from(before.x));
    store.getState().redo();
    expect(Array.from(store.getState().doc.curves[0].x)).toEqual(Array.from(after.x));
  });

  it('refuses to start a drag on a row where the curve is absent', () => {
    const store = createAppStore();
    const { curves } = traced();
    store.getState().resetDocument(docWith(curves));
    eraseSpan(store, 0, { from: 290, to: 310 });
    expect(startDrag(store, 0, 300, 20)).toBeNull();
  });

  it('erases a typed depth interval through the depth map, as one entry', () => {
    const store = createAppStore();
    store.getState().resetDocument(docWith(traced().curves));
    const rows = rowsOfDepths(store.getState().doc, 1025, 1020); // rows whose centres lie at 1020..1025 FT
    expect(rows).toEqual({ from: 200, to: 250 });
    expect(eraseSpan(store, 0, rows)).toBe(true);
    const x = store.getState().doc.curves[0].x;
    expect(Number.isNaN(x[199]) || Number.isNaN(x[250])).toBe(false);
    expect(x.subarray(200, 250).every(Number.isNaN)).toBe(true);
    expect(eraseSpan(store, 0, rows)).toBe(false); // nothing left to erase: no empty undo entry
    expect(store.getState().history.undo).toHaveLength(1);
  });

  it('sets a typed value and says in words why a value is refused', () => {
    const store = createAppStore();
    const d = docWith(traced().curves);
    const log = { ...track, curves: [{ ...track.curves[0], scale: 'log' as const, left: 0.2, right: 2000 }] };
    store.getState().resetDocument(d);
    expect(setSpanValue(store, 0, { from: 10, to: 20 }, 75)).toBe(true);
    expect(store.getState().doc.curves[0].x[15]).toBeCloseTo(110, 9);
    store.getState().resetDocument({ ...d, layout: { ...d.layout, tracks: [log] } });
    expect(() => setSpanValue(store, 0, { from: 10, to: 20 }, -3)).toThrow(/greater than 0/);
  });

  it('redraws and lasso-deletes, each undoable', () => {
    const store = createAppStore();
    store.getState().resetDocument(docWith(traced().curves));
    redraw(store, 0, [{ x: 50, y: 100 }, { x: 60, y: 140 }]);
    expect(store.getState().doc.curves[0].x[120]).toBeCloseTo(55.125, 9);
    eraseLasso(store, [{ x: 40, y: 90 }, { x: 70, y: 90 }, { x: 70, y: 150 }, { x: 40, y: 150 }], -1);
    expect(Number.isNaN(store.getState().doc.curves[0].x[120])).toBe(true);
    store.getState().undo();
    expect(store.getState().doc.curves[0].x[120]).toBeCloseTo(55.125, 9);
    store.getState().undo();
    expect(store.getState().doc.curves[0].x[120]).toBeCloseTo(f(120.5), 0);
  });

  it('re-traces with the kept segmentation, and explains when there is none', () => {
    const store = createAppStore();
    const { seg, upright, curves } = traced();
    store.getState().resetDocument(docWith(curves));
    eraseSpan(store, 0, { from: 200, to: 300 });
    const click = { x: f(250.5) + 2, y: 250.5 };
    expect(() => retrace(store, 0, click, { from: 200, to: 300 })).toThrow(/digitise the scan first/);
    store.getState().setScan({ traceInput: { seg, upright, options: {}, kind: 'classical' } });
    expect(retrace(store, 0, click, { from: 200, to: 300 })).toBe(true);
    const x = store.getState().doc.curves[0].x;
    for (let r = 200; r < 300; r++) expect(Math.abs(x[r] - f(r + 0.5))).toBeLessThan(0.75);
    expect(store.getState().history.undo.at(-1)!.label).toBe('Re-trace GR');
  });

  it('re-tracing over the model\'s segmentation fills what it missed from the scan\'s darkness, as digitise does', () => {
    const s = new Sheet(220, 600);
    s.curve(f, 0, 600);
    // the "model" called rows 220..280 of the curve grid: the scan's darkness still has the ink
    s.relabel(55, 220, 105, 280, SegClass.Grid, 0);
    const seg = s.segmentation(), upright = s.raster();
    const click = { x: f(150.5), y: 150.5 };
    const absent = (kind: 'model' | 'classical') => {
      const store = createAppStore();
      store.getState().resetDocument(docWith(traceCurves({ seg: traced().seg, tracks: [track] })));
      store.getState().setScan({ traceInput: { seg, upright, options: {}, kind } });
      expect(retrace(store, 0, click, { from: 100, to: 400 })).toBe(true);
      const c = store.getState().doc.curves[0];
      let n = 0;
      for (let r = 225; r < 275; r++) {
        if (Number.isNaN(c.x[r - c.y0])) n++;
        else expect(Math.abs(c.x[r - c.y0] - f(r + 0.5)), `row ${r}`).toBeLessThan(1);
      }
      return n;
    };
    // labelled classical, the same segmentation is all there is: the stretch stays absent
    expect(absent('classical')).toBeGreaterThan(20);
    expect(absent('model')).toBe(0);
  });

  it('finds a curve by its layout position', () => {
    const d = docWith(traced().curves);
    expect(curveIndex(d, { track: 0, curve: 0 })).toBe(0);
    expect(curveIndex(d, { track: 1, curve: 0 })).toBe(-1);
    expect(curveIndex(d, null)).toBe(-1);
  });
});
