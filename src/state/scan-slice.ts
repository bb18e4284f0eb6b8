/**
 * The open scan's bytes and pixels: derived from the document (scan ref + layout.rotate), kept
 * out of it. Not undoable and not saved as such (sessions store the file by its hash).
 */
import type { StateCreator } from 'zustand';
import type { Raster } from '../core/raster';
import type { ScanProbe } from '../io/decode/types';
import type { AppState } from './store';

export interface ScanRuntime {
  /** the open scan file */
  file: Blob | null;
  /** decoded 8-bit gray, as in the file (before rotation) */
  source: Raster | null;
  /** upright display pyramid, levels[0] at full resolution */
  levels: Raster[];
  /** quarter turns clockwise `levels` were built for */
  turns: number;
  /** a multi-page file waiting in the page chooser */
  pending: { file: Blob; probe: ScanProbe } | null;
}

export interface ScanSlice {
  scan: ScanRuntime;
  setScan(patch: Partial<ScanRuntime>): void;
}

export function emptyScan(): ScanRuntime {
  return { file: null, source: null, levels: [], turns: 0, pending: null };
}

export const createScanSlice: StateCreator<AppState, [], [], ScanSlice> = (set) => ({
  scan: emptyScan(),
  setScan: (patch) => set((s) => ({ scan: { ...s.scan, ...patch } })),
});
