import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { DatabaseTooNewError, DB_VERSION, listSessions, openSession, openTracewellDb, saveSession } from '../../src/io/db';
import { contentBytes } from '../../src/io/db/size';
import { restoreDatabase, type DbDump } from './idb-dump';
import { v1Content, v1Scan, V1_SESSIONS } from './fixtures/v1-sessions';

const v1Dump = JSON.parse(readFileSync(new URL('./fixtures/tracewell-db-v1.json', import.meta.url), 'utf8')) as DbDump;
let n = 0;

async function openMigratedV1() {
  const name = `migrate-${++n}`;
  await restoreDatabase(v1Dump, name);
  return openTracewellDb({ name });
}

describe('schema migrations', () => {
  it('the fixture really is a version-1 database, without the v2 field and index', () => {
    expect(v1Dump.version).toBe(1);
    const sessions = v1Dump.stores.find((s) => s.name === 'sessions')!;
    expect(sessions.indexes.map((i) => i.name)).toEqual(['byScanHash']);
    expect(sessions.records.every((r) => !('sizeBytes' in (r.value as object)))).toBe(true);
  });

  it('a database written by version 1 opens with the current version and keeps every session', async () => {
    const db = await openMigratedV1();
    expect(db.version).toBe(DB_VERSION);
    const list = await listSessions(db);
    expect(list.map((m) => m.name)).toEqual(['south', 'north (copy)', 'north']);
    for (const spec of V1_SESSIONS) {
      const meta = list.find((m) => m.name === spec.name)!;
      const opened = await openSession(db, meta.id);
      // v1 documents had no scan reference; it reads as null
      expect(opened.content).toEqual({ ...v1Content(spec.content), scanRef: null });
      expect(new Uint8Array(await opened.scan.arrayBuffer())).toEqual(new Uint8Array(await v1Scan(spec.scanSeed).arrayBuffer()));
      expect(opened.meta.created).toBe(spec.created);
    }
    expect(list.find((m) => m.name === 'north')!.thumbnail?.size).toBe(5);
  });

  it('version 2 gives migrated sessions the same size a fresh save computes', async () => {
    const db = await openMigratedV1();
    const list = await listSessions(db);
    for (const spec of V1_SESSIONS) {
      const meta = list.find((m) => m.name === spec.name)!;
      const expected = contentBytes(v1Scan(spec.scanSeed).size, v1Content(spec.content));
      expect(meta.sizeBytes).toBe(expected);
      expect(meta.sizeBytes).toBeGreaterThan(800 * 12); // the curve alone: 800 rows × (8 + 4) bytes
    }
  });

  it('a migrated session keeps saving incrementally and is found by the new last-edited index', async () => {
    const db = await openMigratedV1();
    const north = (await listSessions(db)).find((m) => m.name === 'north')!;
    const opened = await openSession(db, north.id);
    const edited = { ...opened.content, history: { undo: opened.content.history.undo.slice(0, 1), redo: [] } };
    await saveSession(db, north.id, edited, { tracker: opened.tracker, now: 1_800_000_000_000 });
    expect((await openSession(db, north.id)).content).toEqual(edited);
    expect((await listSessions(db))[0].name).toBe('north');
    const newest = await db.getAllKeysFromIndex('sessions', 'byLastEdited', IDBKeyRange.lowerBound(1_800_000_000_000));
    expect(newest).toEqual([north.id]);
  });

  it('a database from a newer Tracewell is refused with a plain message, untouched', async () => {
    const name = `newer-${++n}`;
    await new Promise<void>((resolve) => {
      const req = indexedDB.open(name, DB_VERSION + 1);
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
    });
    const error = await openTracewellDb({ name }).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect(error.message).toMatch(/newer version of Tracewell.*nothing was changed/);
  });
});
