/**
 * Points on a curve (layout `anchors`) in the workbench store: added by clicks while "Add point"
 * is on, refused in words when they cannot be, removed, undone; saved in a layout file and in a
 * session.
 */
import { describe, expect, it } from 'vitest';
import { layoutToJson, parseLayoutText } from '../../src/core/calibration';
import type { Layout } from '../../src/core/calibration/layout';
import { createSession, openSession } from '../../src/io/db';
import type { SessionContent } from '../../src/io/db/types';
import { sessionAutosave, watchStore } from '../../src/io/session-autosave';
import { pickAt, setPick } from '../../src/state/calibrate-actions';
import { emptyDocument, type DocumentData } from '../../src/state/document';
import { restoredHistory } from '../../src/state/history';
import { addAnchor, addTrack, removeAnchor, removeCurve } from '../../src/state/layout-edits';
import { startStepsSync } from '../../src/state/steps-sync';
import { sessionContentOf } from '../../src/state/session-content';
import { createAppStore, type AppStore } from '../../src/state/store';
import { freshDb, scanBlob } from '../db/helpers';

function layout(): Layout {
  return {
    version: 1, rotate: 0, deskew: 0, step: 0.5, well: {},
    depth: { unit: 'FT', refs: [{ y: 100, depth: 1000 }, { y: 1100, depth: 1100 }] },
    tracks: [
      { x0: 40, x1: 400, curves: [
        { mnemonic: 'GR', unit: 'GAPI', scale: 'linear', left: 0, right: 150, seed: { x: 200, y: 500 }, wrap: false },
        { mnemonic: 'SP', unit: 'MV', scale: 'linear', left: -80, right: 20, seed: { x: 300, y: 500 }, wrap: false },
      ] },
      { x0: 500, x1: 900, curves: [] },
    ],
  };
}

function calibrated(): AppStore {
  const store = createAppStore();
  store.getState().resetDocument({ ...emptyDocument({ fileName: 's.png', sha256: 'a'.repeat(64) } as never), layout: layout() });
  return store;
}

const anchorsOf = (store: AppStore, c = 0) => store.getState().doc.layout.tracks[0].curves[c].anchors;

describe('points on a curve', () => {
  it('are kept in row order, each add and remove one undo entry; the last removed leaves no field', () => {
    const store = calibrated();
    const s = store.getState();
    s.updateDocument('Add', addAnchor(0, 0, 210, 900));
    s.updateDocument('Add', addAnchor(0, 0, 190, 700));
    expect(anchorsOf(store)).toEqual([{ x: 190, y: 700 }, { x: 210, y: 900 }]);
    expect(anchorsOf(store, 1)).toBeUndefined(); // the other curve is untouched
    s.updateDocument('Remove', removeAnchor(0, 0, 0));
    expect(anchorsOf(store)).toEqual([{ x: 210, y: 900 }]);
    s.updateDocument('Remove', removeAnchor(0, 0, 0));
    expect('anchors' in store.getState().doc.layout.tracks[0].curves[0]).toBe(false);
    expect(store.getState().history.undo).toHaveLength(4);
    store.getState().undo();
    expect(anchorsOf(store)).toEqual([{ x: 210, y: 900 }]);
    store.getState().undo();
    store.getState().undo();
    expect(anchorsOf(store)).toEqual([{ x: 210, y: 900 }]);
    store.getState().redo();
    expect(anchorsOf(store)).toEqual([{ x: 190, y: 700 }, { x: 210, y: 900 }]);
  });

  it('a point of a curve that does not exist changes nothing', () => {
    const store = calibrated();
    const before = store.getState().doc;
    store.getState().updateDocument('Add', addAnchor(1, 0, 600, 300));
    store.getState().updateDocument('Remove', removeAnchor(0, 0, 0));
    expect(store.getState().doc).toBe(before);
    expect(store.getState().history.undo).toHaveLength(0);
  });

  it('adding stays on click after click; a click outside the track or on a row taken is refused in words and changes nothing', () => {
    const store = calibrated();
    setPick(store, { kind: 'anchor', track: 0, curve: 1 });
    expect(pickAt(store, 305.04, 800.26, 6)).toEqual({ kind: 'anchor', added: true });
    expect(pickAt(store, 290, 1200, 6)).toEqual({ kind: 'anchor', added: true });
    expect(anchorsOf(store, 1)).toEqual([{ x: 305, y: 800.3 }, { x: 290, y: 1200 }]);
    expect(store.getState().calibrate.pick).toEqual({ kind: 'anchor', track: 0, curve: 1 });

    const doc = store.getState().doc;
    expect(pickAt(store, 450, 1300, 6)).toEqual({ kind: 'anchor', added: false });
    expect(store.getState().calibrate.pickProblem).toBe('Point not added: x 450.0 px is outside track 1 (x 40.0–400.0 px). Click this curve\'s own line inside its track.');
    expect(pickAt(store, 250, 500.7, 6)).toEqual({ kind: 'anchor', added: false });
    expect(store.getState().calibrate.pickProblem).toMatch(/^Point not added: row 500 already has a point of this curve/);
    expect(pickAt(store, 250, 1200.5, 6)).toEqual({ kind: 'anchor', added: false });
    expect(store.getState().calibrate.pickProblem).toMatch(/^Point not added: row 1200 already has a point/);
    expect(store.getState().doc).toBe(doc);
    expect(store.getState().history.undo).toHaveLength(2);

    // a good click after a refusal clears the message; ending the pick clears it too
    expect(pickAt(store, 280, 1500, 6)).toEqual({ kind: 'anchor', added: true });
    expect(store.getState().calibrate.pickProblem).toBeNull();
    pickAt(store, 10, 1600, 6);
    setPick(store, null);
    expect(store.getState().calibrate).toMatchObject({ pick: null, pickProblem: null });
  });

  it('a seed click still ends its pick after one click', () => {
    const store = calibrated();
    setPick(store, { kind: 'seed', track: 0, curve: 0 });
    expect(pickAt(store, 222, 333, 6)).toEqual({ kind: 'seed' });
    expect(store.getState().calibrate.pick).toBeNull();
  });

  it('a saved layout file carries each curve\'s points right after its seed, and reads back equal', () => {
    const store = calibrated();
    store.getState().updateDocument('Add', addAnchor(0, 1, 310, 900));
    store.getState().updateDocument('Add', addAnchor(0, 1, 295, 1400));
    const saved = store.getState().doc.layout;
    const text = layoutToJson(saved);
    const json = JSON.parse(text);
    expect(json.tracks[0].curves[1].anchors).toEqual([{ x: 310, y: 900 }, { x: 295, y: 1400 }]);
    expect(Object.keys(json.tracks[0].curves[1])).toEqual(['mnemonic', 'unit', 'scale', 'left', 'right', 'seed', 'anchors', 'wrap']);
    expect('anchors' in json.tracks[0].curves[0]).toBe(false);
    const back = parseLayoutText(text);
    expect(back.ok && back.layout).toEqual(saved);
  });

  it('a layout without points saves as before', () => {
    const text = layoutToJson(layout());
    expect(text).not.toContain('anchors');
    const back = parseLayoutText(text);
    expect(back.ok && back.layout).toEqual(layout());
  });

  it('survive an autosaved session reopened in a fresh store, and undo there removes the last one added', async () => {
    const db = await freshDb();
    const store = calibrated();
    const created = await createSession(db, { scan: scanBlob(7), scanName: 'log.png' });
    const autosave = sessionAutosave(db, created, undefined, { debounceMs: 0, maxWaitMs: 0 });
    watchStore(store, (s): SessionContent => sessionContentOf(s), autosave);
    store.getState().updateDocument('Add a point on GR', addAnchor(0, 0, 205, 800));
    store.getState().updateDocument('Add a point on GR', addAnchor(0, 0, 215, 1000));
    await autosave.flush();

    const { content } = await openSession(db, created.meta.id);
    const reopened = createAppStore();
    const doc = { scan: content.scanRef, layout: content.layout, curves: content.curves, exportSettings: content.exportSettings } as DocumentData;
    reopened.getState().resetDocument(doc, restoredHistory(content.history as never));
    expect(anchorsOf(reopened)).toEqual([{ x: 205, y: 800 }, { x: 215, y: 1000 }]);
    reopened.getState().undo();
    expect(anchorsOf(reopened)).toEqual([{ x: 205, y: 800 }]);
  });
});

describe('adding points, armed for a curve by its place', () => {
  it('is disarmed when a curve or track is removed or added (the place may hold another curve), not by its own points', () => {
    const store = calibrated();
    const stop = startStepsSync(store);
    store.getState().setStep('calibrate');
    setPick(store, { kind: 'anchor', track: 0, curve: 1 });
    pickAt(store, 300, 800, 6);
    store.getState().undo();
    expect(store.getState().calibrate.pick).toEqual({ kind: 'anchor', track: 0, curve: 1 });
    store.getState().updateDocument('Remove GR', removeCurve(0, 0));
    expect(store.getState().calibrate.pick).toBeNull();
    setPick(store, { kind: 'anchor', track: 0, curve: 0 });
    store.getState().updateDocument('Add a track', addTrack(950, 1000));
    expect(store.getState().calibrate.pick).toBeNull();
    stop();
  });
});
