/**
 * The IndexedDB record shapes (private to src/io/db). A session is spread over four stores so
 * that an autosave rewrites only what changed: the session row, one `main` document record,
 * one record per changed curve and one per new undo/redo entry.
 */
import type { DBSchema } from 'idb';
import type { Layout } from '../../core/calibration/layout';
import type { TracedCurve } from '../../core/types';

/** A scan's bytes, stored once however many sessions use it; key = SHA-256 hex of the bytes. */
export interface ScanRecord {
  hash: string;
  blob: Blob;
  /** MIME type as the file reported it ('' when unknown) */
  type: string;
}

export interface SessionRecord {
  id: string;
  name: string;
  wellName: string;
  scanName: string;
  scanHash: string;
  created: number;
  lastEdited: number;
  thumbnail: Blob | null;
  /** since v2: the scan's size, and scan + document + history (size.ts), in bytes */
  scanBytes: number;
  sizeBytes: number;
}

/**
 * Record 0 of a session in `documents`: what is small, plus the order of the parts stored apart.
 * Ids are per session, shared by curves and history entries, and never reused (nextId only grows).
 */
export interface MainDocRecord {
  sessionId: string;
  id: 0;
  kind: 'main';
  layout: Layout | null;
  exportSettings: object;
  /** added after schema v2 shipped without a migration: older records lack it (read as null) */
  scanRef?: object | null;
  curveIds: number[];
  undoIds: number[];
  redoIds: number[];
  nextId: number;
}

export interface CurveDocRecord {
  sessionId: string;
  id: number;
  kind: 'curve';
  curve: TracedCurve;
}

export type DocumentRecord = MainDocRecord | CurveDocRecord;

export interface HistoryRecord {
  sessionId: string;
  id: number;
  entry: object;
}

export interface TracewellSchema extends DBSchema {
  scans: { key: string; value: ScanRecord };
  sessions: { key: string; value: SessionRecord; indexes: { byScanHash: string; byLastEdited: number } };
  documents: { key: [string, number]; value: DocumentRecord };
  history: { key: [string, number]; value: HistoryRecord };
}

export const MAIN_DOC_ID = 0;

/** Every [sessionId, n] key of one session: arrays sort after numbers, so [id, []] bounds them. */
export function sessionPartsRange(sessionId: string): IDBKeyRange {
  return IDBKeyRange.bound([sessionId], [sessionId, []]);
}
