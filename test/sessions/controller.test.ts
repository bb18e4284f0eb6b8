/**
 * The session controller against the real store and a real (fake-indexeddb) database: opened
 * scans become sessions, edits are autosaved, a reopened session has its undo history, another
 * file never writes into the previous session, and a full disk keeps the last good state.
 */
import { describe, expect, it } from 'vitest';
import type { Raster } from '../../src/core/raster';
import { listSessions, openSession, type TracewellDb } from '../../src/io/db';
import type { ScanRef } from '../../src/state/document';
import { emptyDocument } from '../../src/state/document';
import { emptyHistory } from '../../src/state/history';
import type { Loader } from '../../src/state/load';
import { emptyScan } from '../../src/state/scan-slice';
import { createSessionController } from '../../src/state/sessions';
import { createAppStore, type AppStore } from '../../src/state/store';
import { failWritesTo, freshDb, sampleCurve, sampleLayout, scanBlob } from '../db/helpers';

const raster: Raster = { width: 40, height: 60, channels: 1, data: new Uint8Array(2400).fill(200) };

function scanRef(name: string, sha256: string): ScanRef {
  return { format: 'png', fileName: name, bytes: 4096, page: 0, pageCount: 1, width: 40, height: 60, originalChannels: 1, bitsPerSample: 8, compression: 'none', sha256 };
}

/** What the loader does once a file has decoded: one store update with the new scan. */
function loadScan(store: AppStore, file: Blob, ref: ScanRef, restore?: { doc: ReturnType<typeof emptyDocument>; history: ReturnType<typeof emptyHistory> }): void {
  store.setState({
    doc: restore?.doc ?? emptyDocument(ref),
    history: (restore?.history ?? emptyHistory()) as never,
    scan: { ...emptyScan(), file, source: raster, levels: [raster] },
  });
}

function setup(db: TracewellDb) {
  const store = createAppStore();
  const loader: Pick<Loader, 'restoreSession'> = {
    async restoreSession(file, doc, history) {
      loadScan(store, file, doc.scan!, { doc, history: history as never });
      return true;
    },
  };
  const controller = createSessionController(store, {
    openDb: async () => db,
    loader,
    thumbnail: async () => new Blob(['thumb'], { type: 'image/webp' }),
    timing: { debounceMs: 5, maxWaitMs: 20, retryMs: 60_000 },
  });
  const stop = controller.start();
  return { store, controller, stop };
}

const settle = (ms = 60) => new Promise((r) => setTimeout(r, ms));

/** Open a scan and wait until its session exists. */
async function openScan(store: AppStore, seed: number, name = `log-${seed}.png`) {
  loadScan(store, scanBlob(seed), scanRef(name, String(seed).padStart(64, '0')));
  for (let i = 0; i < 100 && store.getState().session.open?.scanName !== name; i++) await settle(10);
  expect(store.getState().session.open?.scanName).toBe(name);
  return store.getState().session.open!;
}

function digitise(store: AppStore): void {
  const s = store.getState();
  s.updateDocument('Set layout', (d) => ({ ...d, layout: sampleLayout('KEEPER 4') }));
  s.updateDocument('Digitise', (d) => ({ ...d, curves: [sampleCurve(0, 0, 500)] }));
  s.updateDocument('Erase 100–199', (d) => {
    const x = d.curves[0].x.slice();
    x.fill(NaN, 100, 200);
    return { ...d, curves: [{ ...d.curves[0], x }] };
  });
}

describe('session controller', () => {
  it('an opened scan becomes a session; edits are autosaved and reopen with a working undo history', async () => {
    const db = await freshDb();
    const a = setup(db);
    const meta = await openScan(a.store, 1);
    digitise(a.store);
    await settle();
    expect(a.store.getState().session.save.kind).toBe('saved');
    expect((await listSessions(db)).map((m) => [m.name, m.wellName])).toEqual([['log-1', 'KEEPER 4']]);

    // A fresh page: new store, new controller, same database.
    const b = setup(db);
    expect(await b.controller.open(meta.id)).toBe(true);
    const s = b.store.getState();
    expect(s.doc).toEqual(a.store.getState().doc);
    expect(s.history.undo.map((e) => e.label)).toEqual(['Set layout', 'Digitise', 'Erase 100–199']);
    expect(s.view.step).toBe('edit');
    s.undo();
    expect(Number.isNaN(b.store.getState().doc.curves[0].x[150])).toBe(false);
    // and the undo is itself saved
    await settle();
    expect((await openSession(db, meta.id)).content.history.redo).toHaveLength(1);
    a.stop();
    b.stop();
  });

  it('opening another file starts a new session and never writes into the previous one', async () => {
    const db = await freshDb();
    const { store, stop } = setup(db);
    const first = await openScan(store, 1);
    digitise(store);
    await settle();
    const second = await openScan(store, 2);
    expect(second.id).not.toBe(first.id);
    store.getState().rotateScan(1);
    await settle();
    const [one, two] = await Promise.all([openSession(db, first.id), openSession(db, second.id)]);
    expect(one.content.curves).toHaveLength(1);
    expect(one.content.layout?.rotate).toBe(0);
    expect(two.content.curves).toHaveLength(0);
    expect(two.content.layout?.rotate).toBe(90);
    stop();
  });

  it('a drag in progress is saved at pointer-up, with its history entry', async () => {
    const db = await freshDb();
    const { store, stop } = setup(db);
    const meta = await openScan(store, 3);
    digitise(store);
    await settle();
    const move = (dx: number) =>
      store.getState().updateDocument('Drag', (d) => ({ ...d, curves: [{ ...d.curves[0], x: d.curves[0].x.map((v, i) => (i === 300 ? v + dx : v)) }] }), 'commit');
    const x300 = store.getState().doc.curves[0].x[300];
    move(5);
    move(5);
    await settle();
    expect((await openSession(db, meta.id)).content.curves[0].x[300]).toBe(x300);
    store.getState().commitHistory();
    await settle();
    const saved = (await openSession(db, meta.id)).content;
    expect(saved.curves[0].x[300]).toBe(x300 + 10);
    expect((saved.history.undo.at(-1) as { label: string }).label).toBe('Drag');
    stop();
  });

  it('storage full: the message, the last good state kept, old sessions offered; deleting one and retrying saves', async () => {
    const db = await freshDb();
    const { store, controller, stop } = setup(db);
    const old = await openScan(store, 4);
    const meta = await openScan(store, 5);
    store.getState().rotateScan(1);
    await settle();
    const restore = failWritesTo(db, 'sessions', 'QuotaExceededError');
    store.getState().updateDocument('Set layout', (d) => ({ ...d, layout: { ...sampleLayout('FULL 1'), rotate: 90 } }));
    await settle();
    const s = store.getState().session;
    expect(s.save.kind).toBe('error');
    expect(s.save.kind === 'error' && s.save.message).toMatch(/Storage is full.*last saved version is kept/);
    expect(s.storageFull?.candidates.map((c) => c.id)).toEqual([old.id]);
    // Leaving would lose the change: the session stays open.
    expect(await controller.close()).toBe(false);
    expect(store.getState().doc.layout.well.WELL).toBe('FULL 1');
    expect((await openSession(db, meta.id)).content.layout?.well).toEqual({});

    restore();
    const removed = await controller.remove(old.id);
    expect(store.getState().view.notice).toBeNull();
    expect(removed).toBe(true);
    await controller.retrySave();
    expect(store.getState().session.save.kind).toBe('saved');
    expect(store.getState().session.storageFull).toBeNull();
    expect((await openSession(db, meta.id)).content.layout?.well?.WELL).toBe('FULL 1');
    stop();
  });

  it('closing saves, empties the workbench and lists the session', async () => {
    const db = await freshDb();
    const { store, controller, stop } = setup(db);
    const meta = await openScan(store, 6);
    store.getState().rotateScan(-1);
    expect(await controller.close()).toBe(true);
    const s = store.getState();
    expect(s.doc.scan).toBeNull();
    expect(s.scan.file).toBeNull();
    expect(s.history.undo).toEqual([]);
    expect(s.session.open).toBeNull();
    expect(s.session.list?.map((m) => m.id)).toEqual([meta.id]);
    expect((await openSession(db, meta.id)).content.layout?.rotate).toBe(270);
    stop();
  });
});

describe('session thumbnails', () => {
  it('a new upright scan (rotation, deskew) stores a new thumbnail with the next save', async () => {
    const db = await freshDb();
    const store = createAppStore();
    const controller = createSessionController(store, {
      openDb: async () => db,
      loader: { restoreSession: async () => true },
      // the "picture" names the raster it was made from, so the stored one can be told apart
      thumbnail: async (r) => new Blob([`${r.width}x${r.height}`], { type: 'image/webp' }),
      timing: { debounceMs: 5, maxWaitMs: 20, retryMs: 60_000 },
    });
    const stop = controller.start();
    const meta = await openScan(store, 7);
    const stored = async () => (await listSessions(db)).find((m) => m.id === meta.id)!.thumbnail!.text();
    expect(await stored()).toBe('40x60');
    const turned: Raster = { width: 60, height: 40, channels: 1, data: new Uint8Array(2400) };
    store.getState().rotateScan(1);
    store.getState().setScan({ levels: [turned], turns: 1 });
    await settle();
    expect(await stored()).toBe('60x40');
    stop();
  });
});

describe('sessions when things go wrong', () => {
  it('a thumbnail that never comes does not stop the session from being created', async () => {
    const db = await freshDb();
    const store = createAppStore();
    const controller = createSessionController(store, {
      openDb: async () => db,
      loader: { restoreSession: async () => true },
      thumbnail: () => new Promise<Blob>(() => {}), // a hung worker
      thumbnailTimeoutMs: 50,
      timing: { debounceMs: 5, maxWaitMs: 20, retryMs: 60_000 },
    });
    const stop = controller.start();
    const meta = await openScan(store, 8);
    expect(meta.thumbnail).toBeNull();
    expect(store.getState().session.save.kind).toBe('saved');
    stop();
  });

  it('a scan whose session cannot be created stays open, unsaved; leaving asks; making room creates it', async () => {
    const db = await freshDb();
    const { store, controller, stop } = setup(db);
    const old = await openScan(store, 9);
    const restore = failWritesTo(db, 'sessions', 'QuotaExceededError');
    loadScan(store, scanBlob(10), scanRef('new.png', '1'.repeat(64)));
    for (let i = 0; i < 100 && store.getState().session.save.kind !== 'error'; i++) await settle(10);
    const s = store.getState().session;
    expect(s.save.kind === 'error' && s.save.storageFull).toBe(true);
    expect(s.open).toBeNull();
    expect(s.storageFull?.candidates.map((c) => c.id)).toEqual([old.id]);
    expect(await controller.close()).toBe(false);
    expect(store.getState().doc.scan?.fileName).toBe('new.png');

    restore();
    await controller.retrySave();
    expect(store.getState().session.open?.scanName).toBe('new.png');
    expect((await listSessions(db)).map((m) => m.scanName).sort()).toEqual(['log-9.png', 'new.png']);
    stop();
  });

  it('leaving without saving, when the user chooses it, empties the workbench and keeps the last saved state', async () => {
    const db = await freshDb();
    const { store, controller, stop } = setup(db);
    const meta = await openScan(store, 11);
    const restore = failWritesTo(db, 'sessions', 'QuotaExceededError');
    store.getState().rotateScan(1);
    await settle();
    expect(await controller.close()).toBe(false);
    expect(await controller.close(true)).toBe(true);
    expect(store.getState().doc.scan).toBeNull();
    restore();
    expect((await openSession(db, meta.id)).content.layout?.rotate).toBe(0);
    stop();
  });
});
