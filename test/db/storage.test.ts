import { describe, expect, it, vi } from 'vitest';
import { createSession, listDeletionCandidates, requestPersistentStorage, saveSession, storageReport, describeStorage, formatBytes } from '../../src/io/db';
import { freshDb, sampleCurve, scanBlob } from './helpers';

describe('storage helpers', () => {
  it('asks for persistent storage only when not already persistent, and reports the answer', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persisted: async () => true, persist })).toBe(true);
    expect(persist).not.toHaveBeenCalled();
    expect(await requestPersistentStorage({ persisted: async () => false, persist })).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => false })).toBe(false);
  });

  it('never throws when the browser lacks the API or refuses', async () => {
    expect(await requestPersistentStorage(undefined)).toBe(false);
    expect(await requestPersistentStorage({ persist: () => Promise.reject(new Error('denied')) })).toBe(false);
    expect(await storageReport({})).toEqual({ usedBytes: null, quotaBytes: null, persisted: false });
  });

  it('reports used and available space in words', async () => {
    const report = await storageReport({ estimate: async () => ({ usage: 1_400_000_000, quota: 12_000_000_000 }), persisted: async () => true });
    expect(report).toEqual({ usedBytes: 1_400_000_000, quotaBytes: 12_000_000_000, persisted: true });
    expect(describeStorage(report)).toBe('1.4 GB used of 12 GB');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(2_345_678)).toBe('2.3 MB');
    expect(formatBytes(9_990_000_000)).toBe('10 GB'); // not "10.0 GB"
  });

  it('offers the least recently edited sessions first, never the open one', async () => {
    const db = await freshDb();
    const open = await createSession(db, { scan: scanBlob(1), scanName: 'open.png' }, 1000);
    const oldSmall = await createSession(db, { scan: scanBlob(2), scanName: 'old-small.png' }, 2000);
    const oldBig = await createSession(db, { scan: scanBlob(3), scanName: 'old-big.png' }, 2000);
    await saveSession(db, oldBig.meta.id, { ...oldBig.content, curves: [sampleCurve(0, 0, 3000)] }, { now: 2000 });
    const recent = await createSession(db, { scan: scanBlob(4), scanName: 'recent.png' }, 9000);
    const offered = await listDeletionCandidates(db, open.meta.id);
    expect(offered.map((s) => s.id)).toEqual([oldBig.meta.id, oldSmall.meta.id, recent.meta.id]);
  });
});
