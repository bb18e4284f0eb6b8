import { describe, expect, it } from 'vitest';
import { emptyDocument, type DocumentData } from '../../src/state/document';
import { canRedo, canUndo } from '../../src/state/document-slice';
import { applyPatches, diff } from '../../src/state/patches';
import { createAppStore } from '../../src/state/store';
import type { TracedCurve } from '../../src/core/types';

const curve = (n: number, track = 0): TracedCurve => ({
  track, curve: 0, y0: 0,
  x: Float64Array.from({ length: n }, (_, i) => 100 + (i % 7)),
  confidence: new Float32Array(n).fill(0.9),
});

const withScan = (): DocumentData => emptyDocument({
  sha256: 'ab'.repeat(32), format: 'png', fileName: 'log.png', bytes: 10, page: 0, pageCount: 1,
  width: 100, height: 400, originalChannels: 1, bitsPerSample: 8, compression: 'PNG',
});

describe('patches', () => {
  it('a typed-array edit is stored as the changed range only, and round-trips', () => {
    const a = { curves: [curve(12_800), curve(12_800, 1)] };
    const x = a.curves[0].x.slice();
    for (let i = 900; i <= 960; i++) x[i] = NaN; // erase an interval
    const b = { curves: [{ ...a.curves[0], x }, a.curves[1]] };
    const { forward, inverse } = diff(a, b);
    expect(forward).toHaveLength(1);
    expect(forward[0]).toMatchObject({ op: 'range', path: ['curves', 0, 'x'], index: 900 });
    expect((forward[0] as { values: Float64Array }).values).toHaveLength(61);
    const redone = applyPatches(a, forward);
    expect(Array.from(redone.curves[0].x)).toEqual(Array.from(x));
    expect(redone.curves[1]).toBe(a.curves[1]); // untouched curves keep their identity
    expect(Array.from(applyPatches(b, inverse).curves[0].x)).toEqual(Array.from(a.curves[0].x));
  });

  it('adding and removing array items are splices, with their inverse', () => {
    const c = [curve(3), curve(3, 1), curve(3, 2)];
    const a = { curves: c };
    const b = { curves: [c[0], curve(3, 5), c[2]] }; // replace the middle one
    const removed = { curves: [c[0], c[2]] };
    expect(applyPatches(a, diff(a, b).forward)).toEqual(b);
    expect(applyPatches(b, diff(a, b).inverse)).toEqual(a);
    const d = diff(a, removed);
    expect(d.forward).toEqual([{ op: 'splice', path: ['curves'], index: 1, remove: 1, insert: [] }]);
    expect(applyPatches(removed, d.inverse).curves[1]).toBe(c[1]);
  });

  it('keys added and deleted on objects', () => {
    const a = { well: { WELL: 'A' } as Record<string, string> };
    const b = { well: { UWI: '15-131' } as Record<string, string> };
    expect(applyPatches(a, diff(a, b).forward)).toEqual(b);
    expect(applyPatches(b, diff(a, b).inverse)).toEqual(a);
  });
});

describe('document history in the store', () => {
  it('undo and redo a rotation; an edit after undo clears redo', () => {
    const store = createAppStore();
    store.getState().resetDocument(withScan());
    expect(store.getState().rotateScan(1)).toBeNull();
    expect(store.getState().doc.layout.rotate).toBe(90);
    expect(canUndo(store.getState())).toBe(true);
    store.getState().undo();
    expect(store.getState().doc.layout.rotate).toBe(0);
    expect(canRedo(store.getState())).toBe(true);
    store.getState().redo();
    expect(store.getState().doc.layout.rotate).toBe(90);
    store.getState().undo();
    store.getState().rotateScan(-1);
    expect(store.getState().doc.layout.rotate).toBe(270);
    expect(canRedo(store.getState())).toBe(false);
    expect(store.getState().history.undo.map((e) => e.label)).toEqual(['Rotate 90° counter-clockwise']);
  });

  it("a drag ('commit' updates) becomes one entry at commit, measured from before the drag", () => {
    const store = createAppStore();
    store.getState().resetDocument({ ...withScan(), curves: [curve(100)] });
    const before = store.getState().doc;
    for (const dx of [1, 2, 3, 4]) {
      store.getState().updateDocument('Drag point', (d) => {
        const x = d.curves[0].x.slice();
        x[50] = 100 + dx;
        return { ...d, curves: [{ ...d.curves[0], x }] };
      }, 'commit');
    }
    expect(store.getState().history.undo).toHaveLength(0); // nothing recorded mid-drag
    store.getState().commitHistory();
    const [entry] = store.getState().history.undo;
    expect(store.getState().history.undo).toHaveLength(1);
    expect(entry.label).toBe('Drag point');
    expect(entry.forward).toEqual([{ op: 'range', path: ['curves', 0, 'x'], index: 50, values: new Float64Array([104]) }]);
    store.getState().undo();
    expect(store.getState().doc.curves[0].x[50]).toBe(before.curves[0].x[50]);
  });

  it("undo during a drag first commits it, then undoes it whole", () => {
    const store = createAppStore();
    store.getState().resetDocument(withScan());
    store.getState().updateDocument('Set well', (d) => ({ ...d, layout: { ...d.layout, well: { WELL: 'A' } } }));
    store.getState().updateDocument('Set well', (d) => ({ ...d, layout: { ...d.layout, well: { WELL: 'AB' } } }), 'commit');
    store.getState().undo();
    expect(store.getState().doc.layout.well).toEqual({ WELL: 'A' });
    expect(store.getState().history.redo).toHaveLength(1);
  });

  it("'never' updates are not recorded and leave redo alone", () => {
    const store = createAppStore();
    store.getState().resetDocument(withScan());
    store.getState().rotateScan(1);
    store.getState().undo();
    store.getState().updateDocument('Export format', (d) => ({ ...d, exportSettings: { ...d.exportSettings, format: 'csv' } }), 'never');
    expect(store.getState().history.undo).toHaveLength(0);
    expect(canRedo(store.getState())).toBe(true);
  });

  it('refuses to rotate once calibration has started, and says why', () => {
    const store = createAppStore();
    store.getState().resetDocument(withScan());
    store.getState().updateDocument('Add depth ref', (d) => ({ ...d, layout: { ...d.layout, depth: { ...d.layout.depth, refs: [{ y: 10, depth: 1000 }] } } }));
    expect(store.getState().rotateScan(1)).toMatch(/Rotate the scan before calibrating/);
    expect(store.getState().doc.layout.rotate).toBe(0);
  });

  it('history entries are plain data (structured-cloneable) and the view is not in them', () => {
    const store = createAppStore();
    store.getState().resetDocument(withScan());
    store.getState().rotateScan(1);
    store.getState().setTransform({ k: 2, x: 5, y: 5 });
    store.getState().select({ track: 0, curve: 0 });
    const h = store.getState().history;
    expect(h.undo).toHaveLength(1);
    expect(structuredClone(h.undo)).toEqual(h.undo);
  });
});
