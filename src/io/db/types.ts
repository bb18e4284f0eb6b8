/**
 * What a saved session is, as the rest of the app sees it. The IndexedDB record shapes are private
 * to this folder (records.ts); these types are what the store loads and hands back for saving.
 */
import type { Layout } from '../../core/calibration/layout';
import type { TracedCurve } from '../../core/types';

/**
 * The undo and redo stacks as the store keeps them. Entries are plain, structured-cloneable data
 * (objects, arrays, numbers, strings, typed arrays) and are never mutated once pushed: the saver
 * recognises an entry it has already written by its object identity and does not write it again.
 */
export interface SessionHistory<E extends object = object> {
  undo: E[];
  redo: E[];
}

/**
 * Everything a session holds besides its scan. Curves are in pixel space (edits are kept there and
 * re-calibrated); like history entries, a changed curve must be a new object (immutable updates),
 * because unchanged curves are recognised by identity and not rewritten.
 */
export interface SessionContent<E extends object = object, S extends object = object> {
  layout: Layout | null;
  curves: TracedCurve[];
  /** LAS/CSV export choices (well fields, step, curves to include…), owned by the store. */
  exportSettings: S;
  /**
   * How the scan's bytes were read (format, PDF page and DPI, …: the store's ScanRef), so that
   * reopening decodes them the same way. Optional: sessions saved before it was added have none.
   */
  scanRef?: object | null;
  history: SessionHistory<E>;
}

/** One row of the start screen. */
export interface SessionMeta {
  id: string;
  /** the user's title for the session; defaults to the scan name without its extension */
  name: string;
  wellName: string;
  scanName: string;
  /** SHA-256 of the scan's bytes, lower-case hex: the key of its record in the `scans` store */
  scanHash: string;
  /** ms since the epoch */
  created: number;
  lastEdited: number;
  /** scan bytes + an estimate of the saved document and history, in bytes */
  sizeBytes: number;
  thumbnail: Blob | null;
}

export function emptyContent(): SessionContent {
  return { layout: null, curves: [], exportSettings: {}, scanRef: null, history: { undo: [], redo: [] } };
}
