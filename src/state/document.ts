/**
 * The document: what a session saves and what undo/redo walks over. Plain data only (the session
 * store persists it to IndexedDB as is): the scan's identity (not its pixels), the layout, the
 * traced and edited curves in pixel space, and the export choices.
 */
import type { Layout, Rotation } from '../core/calibration/layout';
import type { TracedCurve } from '../core/types';
import type { ScanMeta } from '../io/decode/types';

/** Enough to find the scan's bytes again (by hash) and decode them identically. */
export interface ScanRef extends ScanMeta {
  /** SHA-256 of the file's bytes, lower-case hex */
  sha256: string;
}

export interface ExportSettings {
  format: 'las' | 'csv';
  /** curves to write, by mnemonic; 'all' until the user picks */
  include: string[] | 'all';
  /** LAS NULL value */
  nullValue: number;
  /** ~W fields as the user typed them, by mnemonic; over the layout's `well` (optional: older sessions lack it) */
  well?: Record<string, string>;
  /** depth unit of the file; default the layout's */
  depthUnit?: 'M' | 'FT';
  /** depth step of the file, in its depth unit; default the layout's `step` */
  step?: number;
  /** LAS WRAP YES (long rows folded at 80 characters) */
  wrap?: boolean;
}

export interface DocumentData {
  scan: ScanRef | null;
  layout: Layout;
  curves: TracedCurve[];
  exportSettings: ExportSettings;
}

export function defaultLayout(): Layout {
  return { version: 1, rotate: 0, deskew: 0, depth: { unit: 'FT', refs: [] }, step: 0.5, well: {}, tracks: [] };
}

export function emptyDocument(scan: ScanRef | null = null): DocumentData {
  return { scan, layout: defaultLayout(), curves: [], exportSettings: { format: 'las', include: 'all', nullValue: -999.25 } };
}

/** Quarter turns clockwise for a layout rotation. */
export function turnsOf(rotate: Rotation): number {
  return rotate / 90;
}

export function rotationOf(turns: number): Rotation {
  return ((((turns % 4) + 4) % 4) * 90) as Rotation;
}

/**
 * Why the scan cannot be rotated now, or null. Depth references, tracks and curves are pixel
 * positions in the current orientation; rotating under them would silently misplace them all.
 */
export function rotateBlocker(doc: DocumentData): string | null {
  if (!doc.scan) return 'Open a scan first.';
  const { refs } = doc.layout.depth;
  if (refs.length > 0 || doc.layout.tracks.length > 0 || doc.curves.length > 0) {
    return 'Rotate the scan before calibrating: depth references, tracks and curves are placed in the current orientation.';
  }
  return null;
}
