import { describe, expect, it } from 'vitest';
import { createSession, deleteSession, listSessions, openSession, type TracewellDb } from '../../src/io/db';
import { exportSessionFile, importSessionFile, SessionFileError, sessionFileName } from '../../src/io/session-file';
import { MAGIC, packContainer } from '../../src/io/session-file/container';
import { decodeValue, encodeValue } from '../../src/io/session-file/values';
import { sha256 } from '../../src/io/hash';
import { freshDb, sampleContent, scanBlob } from './helpers';

async function withSession(db: TracewellDb) {
  const thumbnail = new Blob([Uint8Array.of(1, 2, 3, 4)], { type: 'image/webp' });
  return createSession(db, { scan: scanBlob(5, 20_000), scanName: '273101.tif', name: 'Well 7: run 2', content: sampleContent(3000), thumbnail, created: 111, lastEdited: 222 });
}

async function bytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** Everything in the database, to show an import changed nothing. */
async function snapshot(db: TracewellDb) {
  const stores = ['scans', 'sessions', 'documents', 'history'] as const;
  return { counts: await Promise.all(stores.map((s) => db.count(s))), sessions: await listSessions(db) };
}

async function importError(db: TracewellDb, file: Uint8Array | Blob): Promise<SessionFileError> {
  const before = await snapshot(db);
  const error = await importSessionFile(db, file instanceof Blob ? file : new Blob([file.slice()])).then(() => null, (e) => e);
  expect(error).toBeInstanceOf(SessionFileError);
  expect(error.message).toMatch(/^Cannot import this session file: .*Nothing was changed\.$/);
  expect(await snapshot(db)).toEqual(before);
  return error;
}

describe('session file', () => {
  it('round trip: export, delete, import gives identical scan, curves, settings and history', async () => {
    const db = await freshDb();
    const s = await withSession(db);
    const file = await exportSessionFile(db, s.meta.id);
    await deleteSession(db, s.meta.id);
    expect(await db.count('scans')).toBe(0);
    const meta = await importSessionFile(db, file);
    const back = await openSession(db, meta.id);
    expect(back.content).toEqual(sampleContent(3000));
    expect(back.content.curves[1].cycle).toBeInstanceOf(Int8Array);
    expect(await bytes(back.scan)).toEqual(await bytes(scanBlob(5, 20_000)));
    expect(await bytes(back.meta.thumbnail!)).toEqual(Uint8Array.of(1, 2, 3, 4));
    expect(meta).toMatchObject({ name: 'Well 7: run 2', scanName: '273101.tif', wellName: 'WILDCAT 1', created: 111, lastEdited: 222, scanHash: s.meta.scanHash });
    expect(sessionFileName(meta)).toBe('Well 7_ run 2.tracewell');
  });

  it('importing a session whose scan is already stored keeps one copy of the scan', async () => {
    const db = await freshDb();
    const s = await withSession(db);
    await importSessionFile(db, await exportSessionFile(db, s.meta.id));
    expect(await db.count('sessions')).toBe(2);
    expect(await db.count('scans')).toBe(1);
  });

  it('a truncated file is reported as cut short, wherever it was cut', async () => {
    const db = await freshDb();
    const file = await bytes(await exportSessionFile(db, (await withSession(db)).meta.id));
    await withSession(db); // something to keep
    for (const keep of [3, 20, 200, Math.floor(file.length / 2), file.length - 1]) {
      const error = await importError(db, file.subarray(0, keep));
      expect(error.problem, `cut at ${keep}`).toBe('truncated');
      expect(error.message).toMatch(/cut short/);
    }
  });

  it('a flipped bit anywhere (header, manifest, curve data, checksum) is caught by the checksum', async () => {
    const db = await freshDb();
    const file = await bytes(await exportSessionFile(db, (await withSession(db)).meta.id));
    for (const at of [9, 12, 17, 40, 500, file.length - 5000, file.length - 40, file.length - 1]) {
      const damaged = file.slice();
      damaged[at] ^= 0x10;
      const error = await importError(db, damaged);
      expect(error.problem, `bit flipped at ${at}`).toBe('damaged');
    }
  });

  it('a file that is not a session says what it looks like instead', async () => {
    const db = await freshDb();
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(0), /empty/],
      [new TextEncoder().encode('{"version":1,"tracks":[]}'), /JSON file \(a layout file\?\)/],
      [new TextEncoder().encode('~Version Information\n VERS. 2.0:'), /LAS file/],
      [new Uint8Array(await scanBlob(1).arrayBuffer()), /does not start like a Tracewell session file/],
      [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), /PNG image/],
    ];
    for (const [file, message] of cases) {
      const error = await importError(db, file);
      expect(error.problem).toBe('not-session');
      expect(error.message).toMatch(message);
    }
  });

  it('a file from a newer Tracewell (future format version) is refused plainly', async () => {
    const db = await freshDb();
    const file = await bytes(await exportSessionFile(db, (await withSession(db)).meta.id));
    const future = file.slice();
    new DataView(future.buffer).setUint32(8, 2, true);
    future.set(await sha256(future.subarray(0, future.length - 32)), future.length - 32);
    const error = await importError(db, future);
    expect(error.problem).toBe('too-new');
    expect(error.message).toMatch(/newer Tracewell \(session file format 2; this one reads format 1\)/);
  });

  it('a well-formed file with content that is not a session is refused before anything is written', async () => {
    const db = await freshDb();
    const scan = new Uint8Array(await scanBlob(2).arrayBuffer());
    const chunks: Uint8Array[] = [scan];
    const content = encodeValue({ ...sampleContent(10), curves: [{ track: 0, curve: 0, y0: 0, x: [1, 2], confidence: [1, 1] }] }, chunks);
    const manifest = {
      kind: 'tracewell-session', session: { name: 'x', wellName: '', scanName: 'x.png', created: 1, lastEdited: 1 },
      scan: { sha256: Buffer.from(await sha256(scan)).toString('hex'), type: 'image/png', chunk: 0 }, thumbnail: null, content,
    };
    const error = await importError(db, await packContainer(manifest, chunks));
    expect(error.problem).toBe('invalid');
    expect(error.message).toMatch(/curve 0 has no x positions/);
  });

  it('starts with the magic bytes and format version 1', async () => {
    const db = await freshDb();
    const file = await bytes(await exportSessionFile(db, (await withSession(db)).meta.id));
    expect(file.subarray(0, 8)).toEqual(MAGIC);
    expect(new DataView(file.buffer).getUint32(8, true)).toBe(1);
  });
});

describe('session file values', () => {
  it('round-trips keys starting with $, undefined, non-finite numbers and every typed array kind', () => {
    const value = { $bin: 'user key', a: undefined, n: [NaN, Infinity, -Infinity, 0.1], i16: Int16Array.of(-2, 3), u32: Uint32Array.of(4e9) };
    const chunks: ArrayBufferView[] = [];
    const json = JSON.parse(JSON.stringify(encodeValue(value, chunks)));
    const bytesOfChunk = (i: number) => new Uint8Array(chunks[i].buffer, chunks[i].byteOffset, chunks[i].byteLength);
    expect(decodeValue(json, bytesOfChunk)).toStrictEqual(value);
  });

  it('refuses what a file cannot hold, naming where it is', () => {
    expect(() => encodeValue({ history: { undo: [{ map: new Map() }] } }, [])).toThrow(/cannot store a Map \(at session.history.undo\[0\].map\)/);
  });
});
