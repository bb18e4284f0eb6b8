import { afterEach, describe, expect, it } from 'vitest';
import { abortAtPutTo, failWritesTo, freshDb, sampleContent, sampleCurve, sampleEntry, scanBlob } from './helpers';
import { createSession, listSessions, openSession, saveSession, SaveFailedError, StorageFullError } from '../../src/io/db';
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
