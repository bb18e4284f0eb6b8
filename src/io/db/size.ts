/**
 * How many bytes a session takes, for the start screen and for choosing what to delete when
 * storage is full. An estimate of the stored size (browsers do not report per-record sizes):
 * typed arrays and blobs count their bytes, strings 2 bytes per UTF-16 unit, numbers 8.
 */
import type { CurveDocRecord, HistoryRecord, MainDocRecord } from './records';
import type { SessionContent } from './types';

// Curves and history entries are immutable once saved, so their sizes can be remembered.
const cache = new WeakMap<object, number>();

export function estimateBytes(value: unknown): number {
  switch (typeof value) {
    case 'number':
      return 8;
    case 'boolean':
      return 4;
    case 'string':
      return 2 * value.length;
    case 'object':
      break;
    default:
      return 0;
  }
  if (value === null) return 0;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (value instanceof Blob) return value.size;
  const known = cache.get(value);
  if (known !== undefined) return known;
  let n = 0;
  if (Array.isArray(value)) for (const v of value) n += estimateBytes(v);
  else for (const [k, v] of Object.entries(value)) n += 2 * k.length + estimateBytes(v);
  cache.set(value, n);
  return n;
}

/** Scan plus document plus history, from the content the store holds. */
export function contentBytes(scanBytes: number, c: SessionContent): number {
  let n = scanBytes + estimateBytes(c.layout) + estimateBytes(c.exportSettings) + estimateBytes(c.scanRef ?? null);
  for (const curve of c.curves) n += estimateBytes(curve);
  for (const e of c.history.undo) n += estimateBytes(e);
  for (const e of c.history.redo) n += estimateBytes(e);
  return n;
}

/** The same figure from stored records (used by the v2 migration, which has no store content). */
export function recordsBytes(scanBytes: number, docs: (MainDocRecord | CurveDocRecord)[], hist: HistoryRecord[]): number {
  let n = scanBytes;
  for (const d of docs) n += d.kind === 'main' ? estimateBytes(d.layout) + estimateBytes(d.exportSettings) + estimateBytes(d.scanRef ?? null) : estimateBytes(d.curve);
  for (const h of hist) n += estimateBytes(h.entry);
  return n;
}
