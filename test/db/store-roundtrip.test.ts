/**
 * The storage layer against the real workbench store: edits made through updateDocument (real
 * inverse patches), autosaved, reopened into a fresh store, and undone there.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppState } from '../../src/state/store';
import { restoredHistory, savedHistory } from '../../src/state/history';
import type { DocumentData } from '../../src/state/document';
import { createSession, deleteSession, openSession, type TracewellDb } from '../../src/io/db';
import type { SessionContent } from '../../src/io/db/types';
import { sessionAutosave, watchStore } from '../../src/io/session-autosave';
import { exportSessionFile, importSessionFile } from '../../src/io/session-file';
import { freshDb, sampleCurve, sampleLayout, scanBlob } from './helpers';

const selectSessionContent = (s: AppState): SessionContent => ({
  scanRef: s.doc.scan, layout: s.doc.layout, curves: s.doc.curves, exportSettings: s.doc.exportSettings,
  history: savedHistory(s.history),
});

function restore(content: SessionContent) {
  const store = createAppStore();
  const doc = { scan: content.scanRef, layout: content.layout, curves: content.curves, exportSettings: content.exportSettings } as DocumentData;
  store.getState().resetDocument(doc, restoredHistory(content.history as never));
  return store;
}

async function editedStore(db: TracewellDb) {
  const store = createAppStore();
  const created = await createSession(db, { scan: scanBlob(3), scanName: 'log.png' });
  const autosave = sessionAutosave(db, created, undefined, { debounceMs: 0, maxWaitMs: 0 });
  watchStore(store, selectSessionContent, autosave);
  const s = store.getState();
  s.updateDocument('Set layout', (d) => ({ ...d, layout: sampleLayout('KEEPER 4') }));
  s.updateDocument('Digitise', (d) => ({ ...d, curves: [sampleCurve(0, 0, 2000)] }));
  // Erase rows 500–599: a range patch over one curve, as the editor would.
  s.updateDocument('Erase 500–599', (d) => {
    const x = d.curves[0].x.slice();
    x.fill(NaN, 500, 600);
    return { ...d, curves: [{ ...d.curves[0], x }] };
  });
  store.getState().undo(); // the erase moves to redo
  await autosave.flush();
  return { store, id: created.meta.id };
}

describe('sessions with the real store', () => {
  it('an autosaved session reopens into a fresh store with its document and undo/redo, and undo works there', async () => {
    const db = await freshDb();
    const { store, id } = await editedStore(db);
    const reopened = restore((await openSession(db, id)).content);
    expect(reopened.getState().doc).toEqual(store.getState().doc);
    expect(reopened.getState().history.undo.map((e) => e.label)).toEqual(['Set layout', 'Digitise']);
    reopened.getState().redo();
    expect(Number.isNaN(reopened.getState().doc.curves[0].x[550])).toBe(true);
    reopened.getState().undo();
    reopened.getState().undo();
    expect(reopened.getState().doc.curves).toEqual([]);
  });

  it('the same survives a session file: export, delete, import', async () => {
    const db = await freshDb();
    const { store, id } = await editedStore(db);
    const file = await exportSessionFile(db, id);
    await deleteSession(db, id);
    const meta = await importSessionFile(db, file);
    expect(meta.wellName).toBe('KEEPER 4');
    const reopened = restore((await openSession(db, meta.id)).content);
    expect(reopened.getState().doc).toEqual(store.getState().doc);
    expect(reopened.getState().history.redo).toEqual(store.getState().history.redo);
    reopened.getState().redo();
    expect(Number.isNaN(reopened.getState().doc.curves[0].x[599])).toBe(true);
    expect(Number.isNaN(reopened.getState().doc.curves[0].x[600])).toBe(false);
  });
});
