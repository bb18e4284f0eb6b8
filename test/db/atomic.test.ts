import { afterEach, describe, expect, it } from 'vitest';
import { abortAtPutTo, failWritesTo, freshDb, sampleContent, sampleCurve, sampleEntry, scanBlob } from './helpers';
import { createSession, listSessions, openSession, openTracewellDb, saveSession, SaveFailedError, StorageFullError } from '../../src/io/db';
import type { SessionContent } from '../../src/io/db/types';

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** An edit touching every store a save writes: the session row, a curve and the history. */
function edit(c: SessionContent): SessionContent {
  return { ...c, curves: [sampleCurve(0, 0, 1000, 50), c.curves[1]], history: { undo: [...c.history.undo, sampleEntry(8)], redo: [] } };
}

describe('a save commits whole or not at all', () => {
  it('interrupted mid-write (after the document was written, before the history), the previous state is intact', async () => {
    const db = await freshDb();
    const s = await createSession(db, { scan: scanBlob(1), scanName: 'a.png', content: sampleContent() }, 1000);
    restore = abortAtPutTo(db, 'history');
    await expect(saveSession(db, s.meta.id, edit(s.content), { tracker: s.tracker, now: 2000 })).rejects.toBeInstanceOf(SaveFailedError);
    restore();
    const opened = await openSession(db, s.meta.id);
    expect(opened.content).toEqual(sampleContent());
    expect(opened.meta.lastEdited).toBe(1000);
  });

  it('after a failed save, the next save through the same tracker writes everything the failed one lost', async () => {
    const db = await freshDb();
    const s = await createSession(db, { scan: scanBlob(1), scanName: 'a.png', content: sampleContent() });
    const changed = edit(s.content);
    restore = abortAtPutTo(db, 'documents');
    await expect(saveSession(db, s.meta.id, changed, { tracker: s.tracker })).rejects.toThrow(/last saved version is kept/);
    restore();
    await saveSession(db, s.meta.id, changed, { tracker: s.tracker });
    expect((await openSession(db, s.meta.id)).content).toEqual(changed);
  });
});

describe('large saves are split into small transactions, committed by one', () => {
  it('a save interrupted at its commit keeps the previous state and leaves no stray records', async () => {
    const db = await freshDb();
    const s = await createSession(db, { scan: scanBlob(1), scanName: 'a.png', content: sampleContent() }, 1000);
    const counts = async () => [await db.count('documents'), await db.count('history')];
    const before = await counts();
    restore = abortAtPutTo(db, 'sessions'); // the commit transaction is the one that writes the row
    await expect(saveSession(db, s.meta.id, edit(s.content), { tracker: s.tracker })).rejects.toBeInstanceOf(SaveFailedError);
    restore();
    expect(await counts()).toEqual(before);
    expect((await openSession(db, s.meta.id)).content).toEqual(sampleContent());
  });

  it('parts left by a page that died before its commit are removed by the next save', async () => {
    const db = await freshDb();
    const s = await createSession(db, { scan: scanBlob(1), scanName: 'a.png', content: sampleContent() });
    // What a dead page leaves: new parts under fresh ids that no main record references.
    await db.put('documents', { sessionId: s.meta.id, id: 900, kind: 'curve', curve: sampleCurve(0, 0, 50) });
    await db.put('history', { sessionId: s.meta.id, id: 901, entry: sampleEntry(9) });
    const opened = await openSession(db, s.meta.id);
    expect(opened.content).toEqual(sampleContent());
    await saveSession(db, s.meta.id, edit(opened.content), { tracker: opened.tracker });
    expect(await db.get('documents', [s.meta.id, 900])).toBeUndefined();
    expect(await db.get('history', [s.meta.id, 901])).toBeUndefined();
  });

  it('parts of a session whose creation never committed are swept when the database next opens', async () => {
    const db = await freshDb();
    const kept = await createSession(db, { scan: scanBlob(1), scanName: 'a.png', content: sampleContent() });
    await db.put('documents', { sessionId: 'never-created', id: 1, kind: 'curve', curve: sampleCurve(0, 0, 50) });
    await db.put('history', { sessionId: 'never-created', id: 2, entry: sampleEntry(1) });
    const before = [await db.count('documents'), await db.count('history')];
    db.close();
    const reopened = await openTracewellDb({ name: db.name });
    expect([await reopened.count('documents'), await reopened.count('history')]).toEqual([before[0] - 1, before[1] - 1]);
    expect((await openSession(reopened, kept.meta.id)).content).toEqual(sampleContent());
  });

  it('writes large curves in separate transactions before the commit', async () => {
    const db = await freshDb();
    const s = await createSession(db, { scan: scanBlob(1), scanName: 'a.png' });
    const big = { ...s.content, curves: [0, 1, 2, 3].map((i) => sampleCurve(0, i, 20_000)) }; // ~260 KB each
    const modes: string[] = [];
    const original = db.transaction.bind(db);
    db.transaction = ((stores: never, mode?: IDBTransactionMode) => {
      modes.push(mode ?? 'readonly');
      return original(stores, mode);
    }) as typeof db.transaction;
    await saveSession(db, s.meta.id, big, { tracker: s.tracker });
    db.transaction = original;
    expect(modes.filter((m) => m === 'readwrite').length).toBe(5); // 4 curves + the commit
    expect((await openSession(db, s.meta.id)).content).toEqual(big);
  });
});

describe('storage full (QuotaExceededError)', () => {
  it('becomes a StorageFullError with a plain message, and the last good session is kept', async () => {
    const db = await freshDb();
    const s = await createSession(db, { scan: scanBlob(1), scanName: 'a.png', content: sampleContent() }, 1000);
    restore = failWritesTo(db, 'history', 'QuotaExceededError');
    const error = await saveSession(db, s.meta.id, edit(s.content), { tracker: s.tracker, now: 2000 }).catch((e) => e);
    restore();
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error.message).toMatch(/^Storage is full.*last saved version is kept.*Delete old sessions/);
    expect(error.cause?.name).toBe('QuotaExceededError');
    const opened = await openSession(db, s.meta.id);
    expect(opened.content).toEqual(sampleContent());
    expect((await listSessions(db))[0].lastEdited).toBe(1000);
  });

  it('a new session that does not fit leaves no trace (no scan, no row)', async () => {
    const db = await freshDb();
    restore = failWritesTo(db, 'documents', 'QuotaExceededError');
    await expect(createSession(db, { scan: scanBlob(3), scanName: 'big.png', content: sampleContent() })).rejects.toBeInstanceOf(StorageFullError);
    restore();
    expect(await db.count('scans')).toBe(0);
    expect(await db.count('sessions')).toBe(0);
  });
});
