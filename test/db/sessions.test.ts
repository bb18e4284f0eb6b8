import { describe, expect, it } from 'vitest';
import { sampleContent, sampleCurve, sampleEntry, scanBlob, freshDb } from './helpers';
import {
  createSession, deleteSession, duplicateSession, listSessions, openSession, renameSession, saveSession,
  SessionNotFoundError,
} from '../../src/io/db';
import { sha256Hex } from '../../src/io/hash';

async function bytesOf(blob: Blob): Promise<number[]> {
  return [...new Uint8Array(await blob.arrayBuffer())];
}

describe('sessions in IndexedDB', () => {
  it('open restores the scan, layout, curves, export settings and undo/redo history exactly', async () => {
    const db = await freshDb();
    const content = sampleContent();
    const scan = scanBlob(1);
    const created = await createSession(db, { scan, scanName: '273101.png', content }, 1000);
    const opened = await openSession(db, created.meta.id);
    expect(opened.content).toEqual(content);
    expect(opened.content.curves[0].x).toBeInstanceOf(Float64Array);
    expect(Number.isNaN(opened.content.curves[0].x[95])).toBe(true);
    expect(await bytesOf(opened.scan)).toEqual(await bytesOf(scan));
    expect(opened.meta).toMatchObject({ name: '273101', scanName: '273101.png', wellName: 'WILDCAT 1', created: 1000 });
    expect(opened.meta.scanHash).toBe(await sha256Hex(scan));
  });

  it('saving records edits, undo moves and a new well name; open returns the latest', async () => {
    const db = await freshDb();
    const first = await createSession(db, { scan: scanBlob(1), scanName: 'a.png', content: sampleContent() });
    const c = first.content;
    // An edit replaces one curve and pushes an undo entry; an undo then moves the top entry to redo.
    const edited = { ...c, curves: [c.curves[0], sampleCurve(0, 1, 1000, 99)], history: { undo: [...c.history.undo, sampleEntry(5)], redo: [] } };
    await saveSession(db, first.meta.id, edited, { tracker: first.tracker, now: 5000 });
    const undone = { ...edited, history: { undo: edited.history.undo.slice(0, -1), redo: [edited.history.undo[3]] } };
    const layout = { ...c.layout!, well: { ...c.layout!.well, WELL: 'DEEP 2' } };
    const meta = await saveSession(db, first.meta.id, { ...undone, layout }, { tracker: first.tracker, now: 6000 });
    expect(meta).toMatchObject({ lastEdited: 6000, wellName: 'DEEP 2' });
    const opened = await openSession(db, first.meta.id);
    expect(opened.content).toEqual({ ...undone, layout });
  });

  it('the listed size follows the content: scan bytes plus curves and history', async () => {
    const db = await freshDb();
    const s = await createSession(db, { scan: scanBlob(1, 10_000), scanName: 'a.png' });
    expect(s.meta.sizeBytes).toBeGreaterThanOrEqual(10_000);
    expect(s.meta.sizeBytes).toBeLessThan(10_200);
    const withCurve = { ...s.content, curves: [sampleCurve(0, 0, 5000)] };
    const meta = await saveSession(db, s.meta.id, withCurve, { tracker: s.tracker });
    // 5000 rows × (8 B x + 4 B confidence + 1 B cycle) on top of the scan
    expect(meta.sizeBytes - s.meta.sizeBytes).toBeGreaterThanOrEqual(5000 * 13);
    expect(meta.sizeBytes - s.meta.sizeBytes).toBeLessThan(5000 * 13 + 200);
  });

  it('incremental saves leave no orphaned curve or history records behind', async () => {
    const db = await freshDb();
    const s = await createSession(db, { scan: scanBlob(1), scanName: 'a.png', content: sampleContent() });
    const c = s.content;
    await saveSession(db, s.meta.id, { ...c, curves: [sampleCurve(0, 0, 10)], history: { undo: [sampleEntry(9)], redo: [] } }, { tracker: s.tracker });
    expect(await db.count('documents')).toBe(2); // main + one curve
    expect(await db.count('history')).toBe(1);
  });

  it('a save without a tracker rewrites the whole document and drops stale parts', async () => {
    const db = await freshDb();
    const s = await createSession(db, { scan: scanBlob(1), scanName: 'a.png', content: sampleContent() });
    const small = { ...sampleContent(), curves: [sampleCurve(1, 0, 20)], history: { undo: [], redo: [] } };
    await saveSession(db, s.meta.id, small);
    expect((await openSession(db, s.meta.id)).content).toEqual(small);
    expect(await db.count('history')).toBe(0);
  });

  it('stores a scan once however many sessions use it, keyed by its SHA-256', async () => {
    const db = await freshDb();
    const a = await createSession(db, { scan: scanBlob(7), scanName: 'log.png' });
    const b = await createSession(db, { scan: scanBlob(7), scanName: 'same-log-again.png' });
    await createSession(db, { scan: scanBlob(8), scanName: 'other.png' });
    expect(a.meta.scanHash).toBe(b.meta.scanHash);
    expect(await db.getAllKeys('scans')).toEqual([a.meta.scanHash, (await sha256Hex(scanBlob(8)))].sort());
  });

  it('deleting a session frees its scan only when no other session uses it', async () => {
    const db = await freshDb();
    const a = await createSession(db, { scan: scanBlob(7), scanName: 'log.png', content: sampleContent() });
    const b = await duplicateSession(db, a.meta.id);
    await deleteSession(db, a.meta.id);
    expect(await db.count('scans')).toBe(1);
    expect((await openSession(db, b.id)).content).toEqual(sampleContent());
    await deleteSession(db, b.id);
    expect(await db.count('scans')).toBe(0);
    expect(await db.count('documents')).toBe(0);
    expect(await db.count('history')).toBe(0);
    await expect(openSession(db, b.id)).rejects.toBeInstanceOf(SessionNotFoundError);
  });

  it('a duplicate is independent: editing it leaves the original as it was', async () => {
    const db = await freshDb();
    const a = await createSession(db, { scan: scanBlob(1), scanName: 'a.png', content: sampleContent() });
    const copy = await duplicateSession(db, a.meta.id, 'try another calibration', 9000);
    expect(copy).toMatchObject({ name: 'try another calibration', created: 9000, scanHash: a.meta.scanHash });
    const opened = await openSession(db, copy.id);
    await saveSession(db, copy.id, { ...opened.content, curves: [] }, { tracker: opened.tracker });
    expect((await openSession(db, a.meta.id)).content).toEqual(sampleContent());
    expect((await openSession(db, copy.id)).content.curves).toEqual([]);
  });

  it('lists sessions most recently edited first, and renames them', async () => {
    const db = await freshDb();
    const old = await createSession(db, { scan: scanBlob(1), scanName: 'old.png' }, 1000);
    const recent = await createSession(db, { scan: scanBlob(2), scanName: 'recent.png' }, 2000);
    await renameSession(db, old.meta.id, '  Well 7, run 2 ');
    const list = await listSessions(db);
    expect(list.map((m) => m.name)).toEqual(['recent', 'Well 7, run 2']);
    expect(list[0].id).toBe(recent.meta.id);
    await expect(renameSession(db, old.meta.id, '   ')).rejects.toThrow(/cannot be empty/);
  });

  it('saving a session deleted meanwhile (another tab) fails plainly and writes nothing', async () => {
    const db = await freshDb();
    const s = await createSession(db, { scan: scanBlob(1), scanName: 'a.png' });
    await deleteSession(db, s.meta.id);
    await expect(saveSession(db, s.meta.id, sampleContent(), { tracker: s.tracker })).rejects.toBeInstanceOf(SessionNotFoundError);
    expect(await db.count('documents')).toBe(0);
  });
});
