/**
 * Shared fixtures for the session-storage tests: a deterministic session (layout, curves with
 * gaps, undo/redo entries holding typed arrays) and ways to make fake-indexeddb fail the way a
 * browser does.
 */
import 'fake-indexeddb/auto';
import { unwrap } from 'idb';
import type { Layout } from '../../src/core/calibration/layout';
import type { TracedCurve } from '../../src/core/types';
import { openTracewellDb, type TracewellDb } from '../../src/io/db';
import type { SessionContent } from '../../src/io/db/types';

let dbCounter = 0;
/** Each test gets its own database so cases never see each other's sessions. */
export function freshDb(version?: number): Promise<TracewellDb> {
  return openTracewellDb({ name: `tracewell-test-${process.pid}-${++dbCounter}`, version });
}

/** Bytes that stand in for a scan file; `seed` makes different scans. */
export function scanBlob(seed: number, size = 4096): Blob {
  const bytes = new Uint8Array(size);
  let s = seed * 2654435761;
  for (let i = 0; i < size; i++) bytes[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
  return new Blob([bytes], { type: 'image/png' });
}

export function sampleLayout(well = 'WILDCAT 1'): Layout {
  return {
    version: 1, rotate: 0, deskew: 0.4, step: 0.5,
    depth: { unit: 'FT', refs: [{ y: 100, depth: 1000 }, { y: 1100, depth: 1100 }] },
    well: { WELL: well, COMP: 'ACME OIL' },
    tracks: [{ x0: 10, x1: 210, curves: [{ mnemonic: 'GR', unit: 'GAPI', scale: 'linear', left: 0, right: 150, seed: { x: 50, y: 120 }, wrap: true }] }],
  };
}

/** A traced curve of `rows` rows with a NaN gap, like one the tracer loses for a stretch. */
export function sampleCurve(track: number, curve: number, rows: number, phase = 0): TracedCurve {
  const x = new Float64Array(rows);
  const confidence = new Float32Array(rows);
  const cycle = new Int8Array(rows);
  for (let i = 0; i < rows; i++) {
    x[i] = i % 97 > 90 ? NaN : 100 + 40 * Math.sin((i + phase) / 13);
    confidence[i] = (i % 10) / 10;
    cycle[i] = i % 500 < 20 ? 1 : 0;
  }
  return { track, curve, y0: 100, x, confidence, cycle };
}

/** An undo entry as an editor might keep it: the rows before and after an edit. */
export function sampleEntry(n: number): object {
  const before = new Float64Array(8).fill(n);
  const after = new Float64Array(8).fill(n + 0.5);
  return { kind: 'edit-points', curve: n % 2, y0: 100 + n * 8, before, after, label: `edit ${n}` };
}

export function sampleContent(rows = 1000): SessionContent {
  return {
    layout: sampleLayout(),
    curves: [sampleCurve(0, 0, rows), sampleCurve(0, 1, rows, 7)],
    exportSettings: { format: 'las', include: ['GR', 'SP'], well: { UWI: '05-123-45678' } },
    scanRef: { format: 'pdf', fileName: 'log.pdf', page: 2, pageCount: 3, dpi: 300, sha256: 'ab'.repeat(32) },
    history: { undo: [sampleEntry(1), sampleEntry(2), sampleEntry(3)], redo: [sampleEntry(4)] },
  };
}

type Patchable = Record<string, (...args: unknown[]) => unknown>;

/** fake-indexeddb's IDBObjectStore class, and its internal store where values are finally written. */
function storeProtos(db: TracewellDb): { api: Patchable; raw: Patchable } {
  const store = unwrap(db.transaction('history').objectStore('history')) as unknown as { _rawObjectStore: object };
  return { api: Object.getPrototypeOf(store), raw: Object.getPrototypeOf(store._rawObjectStore) };
}

/**
 * Makes every write into `storeName` fail while the request runs, as a browser does when the disk
 * is full: the request errors, and the transaction aborts carrying the error's name.
 */
export function failWritesTo(db: TracewellDb, storeName: string, errorName: string): () => void {
  const proto = storeProtos(db).raw;
  const original = proto.storeRecord;
  proto.storeRecord = function (this: { name: string }, ...args: unknown[]) {
    if (this.name === storeName) throw new DOMException(`simulated ${errorName}`, errorName);
    return original.apply(this, args);
  };
  return () => {
    proto.storeRecord = original;
  };
}

/**
 * Interrupts the transaction at its first put into `storeName` (the page dies mid-write): the
 * puts queued before it, in other stores, must be rolled back.
 */
export function abortAtPutTo(db: TracewellDb, storeName: string): () => void {
  const proto = storeProtos(db).api;
  const original = proto.put;
  proto.put = function (this: { name: string; transaction: { abort(): void } }, ...args: unknown[]) {
    if (this.name === storeName) this.transaction.abort();
    return original.apply(this, args);
  };
  return () => {
    proto.put = original;
  };
}
