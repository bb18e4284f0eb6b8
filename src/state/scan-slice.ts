/**
 * The open scan's bytes and pixels: derived from the document (scan ref + layout.rotate and deskew), kept
 * out of it. Not undoable and not saved as such (sessions store the file by its hash).
 */
import type { StateCreator } from 'zustand';
import type { Raster } from '../core/raster';
import type { TraceOptions } from '../core/trace/options';
import type { Segmentation } from '../core/types';
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
  /** the layout deskew `levels` were built for ('auto' or degrees) */
  deskewFor: number | 'auto';
  /** the deskew applied to `levels`, degrees (deskewFor resolved) */
  deskew: number;
  /** a multi-page file waiting in the page chooser */
  pending: { file: Blob; probe: ScanProbe } | null;
  /** the last digitise run's segmentation, kept so an edit can re-trace an interval; null until then */
  traceInput: TraceInput | null;
}

/**
 * What the tracker read when the curves were digitised: large, derived, never undoable or saved
 * (a reopened session re-digitises to re-trace). Frames: pixel space of the upright scan.
 */
export interface TraceInput {
  seg: Segmentation;
  /** the upright scan the segmentation was made from (for the tracker's darkness), if kept */
  upright: Raster | null;
  /** tracker options used (the classical segmentation has no line styles) */
  options: Partial<TraceOptions>;
  /** which segmentation: the model's, or darkness alone */
  kind: 'model' | 'classical';
  /** the model card's id when kind is 'model' */
  modelId?: string;
  /** the scan's darkness segmentation, when the digitise run made one to fill the model's misses (re-trace fills from it) */
  fill?: Segmentation;
}

export interface ScanSlice {
  scan: ScanRuntime;
  setScan(patch: Partial<ScanRuntime>): void;
}

export function emptyScan(): ScanRuntime {
  return { file: null, source: null, levels: [], turns: 0, deskewFor: 0, deskew: 0, pending: null, traceInput: null };
}

export const createScanSlice: StateCreator<AppState, [], [], ScanSlice> = (set) => ({
  scan: emptyScan(),
  setScan: (patch) => set((s) => ({ scan: { ...s.scan, ...patch } })),
});
