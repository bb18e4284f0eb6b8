/** Calibration edits on the document: each one undo entry, traced curves kept pointing at their layout curves. */
import { describe, expect, it } from 'vitest';
import { validateLayout } from '../../src/core/calibration';
import type { TracedCurve } from '../../src/core/types';
import { emptyDocument } from '../../src/state/document';
import { addCurve, addDepthRef, addTrack, applyProposal, removeCurve, removeDepthRef, removeTrack, setDepth, setRefDepth, setSeed, setTrackEdge, updateCurve } from '../../src/state/layout-edits';
import { createAppStore } from '../../src/state/store';

const traced = (track: number, curve: number): TracedCurve => ({ track, curve, y0: 0, x: new Float64Array(3), confidence: new Float32Array(3) });

function calibrated() {
  const store = createAppStore();
  store.getState().resetDocument(emptyDocument({ fileName: 's.png', sha256: 'a'.repeat(64) } as never));
  const s = store.getState();
  s.updateDocument('Add track', addTrack(40, 400));
  s.updateDocument('Add track', addTrack(500, 900));
  s.updateDocument('Add curve', addCurve(0));
  s.updateDocument('Add curve', addCurve(0));
  s.updateDocument('Add curve', addCurve(1));
  return store;
}

describe('layout edits', () => {
  it('a depth reference is added on a row and its depth typed next; until then the layout says what is missing', () => {
    const store = calibrated();
    const s = store.getState();
    s.updateDocument('Add ref', addDepthRef(319.9));
    s.updateDocument('Type depth', setRefDepth(0, 1025));
    s.updateDocument('Add ref', addDepthRef(5819.9));
    expect(validateLayout(store.getState().doc.layout)).toContainEqual({ path: 'depth.refs[1].depth', message: 'must be a finite depth, not NaN' });
    s.updateDocument('Type depth', setRefDepth(1, 1575));
    expect(store.getState().doc.layout.depth.refs).toEqual([{ y: 319.9, depth: 1025 }, { y: 5819.9, depth: 1575 }]);
    store.getState().undo();
    expect(store.getState().doc.layout.depth.refs[1].depth).toBeNaN();
    store.getState().updateDocument('Remove ref', removeDepthRef(0));
    expect(store.getState().doc.layout.depth.refs.map((r) => r.y)).toEqual([5819.9]);
  });

  it('optional depth fields set to undefined leave the layout (no "top": null in a saved file)', () => {
    const store = calibrated();
    store.getState().updateDocument('Top', setDepth({ top: 1000 }));
    store.getState().updateDocument('No top', setDepth({ top: undefined }));
    expect('top' in store.getState().doc.layout.depth).toBe(false);
  });

  it('curve fields, seeds and track edges change one value each, undoably', () => {
    const store = calibrated();
    const s = store.getState();
    s.updateDocument('Mnemonic', updateCurve(0, 1, { mnemonic: 'RHOB', unit: 'G/C3', left: 1.95, right: 2.95 }));
    s.updateDocument('Seed', setSeed(0, 1, 249.5, 4814.5));
    s.updateDocument('Edge', setTrackEdge(1, 'x1', 950));
    const { layout } = store.getState().doc;
    expect(layout.tracks[0].curves[1]).toMatchObject({ mnemonic: 'RHOB', left: 1.95, seed: { x: 249.5, y: 4814.5 } });
    expect(layout.tracks[1].x1).toBe(950);
    store.getState().undo();
    expect(store.getState().doc.layout.tracks[1].x1).toBe(900);
    expect(store.getState().doc.layout.tracks[0]).toBe(layout.tracks[0]); // untouched track keeps its identity
  });

  it('removing a curve removes its trace and renumbers the later curves of its track', () => {
    const store = calibrated();
    store.setState((s) => ({ doc: { ...s.doc, curves: [traced(0, 0), traced(0, 1), traced(1, 0)] } }));
    store.getState().updateDocument('Remove', removeCurve(0, 0));
    expect(store.getState().doc.curves.map((c) => [c.track, c.curve])).toEqual([[0, 0], [1, 0]]);
    expect(store.getState().doc.layout.tracks[0].curves).toHaveLength(1);
  });

  it('removing a track removes its traces and renumbers the later tracks', () => {
    const store = calibrated();
    store.setState((s) => ({ doc: { ...s.doc, curves: [traced(0, 0), traced(0, 1), traced(1, 0)] } }));
    store.getState().updateDocument('Remove', removeTrack(0));
    expect(store.getState().doc.curves.map((c) => [c.track, c.curve])).toEqual([[0, 0]]);
    expect(store.getState().doc.layout.tracks.map((t) => t.x0)).toEqual([500]);
  });

  it('the auto-layout proposal sets deskew and edges, keeping the curves already on a track', () => {
    const store = calibrated();
    const grid = { kind: 'linear', divisions: 10 } as never;
    store.getState().updateDocument('Auto', applyProposal({
      deskew: 0.4, depthTrack: null, depthLines: [], sections: [],
      tracks: [{ x0: 48.7, x1: 490.5, grid, gridScore: 1, group: 0 }, { x0: 643.5, x1: 1526, grid, gridScore: 1, group: 1 }, { x0: 1600, x1: 1700, grid, gridScore: 1, group: 2 }],
    }));
    const { layout } = store.getState().doc;
    expect(layout.deskew).toBe(0.4);
    expect(layout.tracks.map((t) => [t.x0, t.x1, t.curves.length])).toEqual([[48.7, 490.5, 2], [643.5, 1526, 1], [1600, 1700, 0]]);
    expect(store.getState().history.undo.at(-1)?.label).toBe('Auto');
  });
});
