/**
 * The view slice: how the user is looking at the document. Never undoable, never saved with the
 * session's history (a selection change must not clear redo; zooming is not an edit).
 */
import type { StateCreator } from 'zustand';
import type { PageInfo, ScanFormat } from '../io/decode/types';
import type { AppState } from './store';

export type Step = 'load' | 'calibrate' | 'digitise' | 'edit' | 'export';

/** d3-zoom's transform: screen px (CSS) = scan px × k + (x, y), scan px of the upright scan. */
export interface ViewTransform {
  k: number;
  x: number;
  y: number;
}

export interface Notice {
  kind: 'error' | 'info';
  title: string;
  message: string;
}

/** A multi-page TIFF or a PDF waiting for the user to pick a page (and, for PDF, a resolution). */
export interface PageChooserState {
  fileName: string;
  format: ScanFormat;
  pages: PageInfo[];
  page: number;
  dpi: number;
}

export interface Overlays {
  mask: boolean;
  maskOpacity: number;
  curves: boolean;
  lowConfidence: boolean;
}

export interface ViewState {
  transform: ViewTransform;
  /** viewer size in CSS px */
  viewport: { width: number; height: number };
  /** scan px under the pointer (upright frame), null when outside the viewer */
  cursor: { x: number; y: number } | null;
  overlays: Overlays;
  selection: { track: number; curve: number } | null;
  step: Step;
  pageChooser: PageChooserState | null;
  notice: Notice | null;
}

export interface ViewSlice {
  view: ViewState;
  setTransform(t: ViewTransform): void;
  setViewport(width: number, height: number): void;
  setCursor(c: { x: number; y: number } | null): void;
  setOverlays(o: Partial<Overlays>): void;
  select(s: ViewState['selection']): void;
  setStep(step: Step): void;
  setPageChooser(p: PageChooserState | null): void;
  showNotice(n: Notice): void;
  dismissNotice(): void;
}

export function initialView(): ViewState {
  return {
    transform: { k: 1, x: 0, y: 0 },
    viewport: { width: 0, height: 0 },
    cursor: null,
    overlays: { mask: false, maskOpacity: 0.5, curves: true, lowConfidence: true },
    selection: null,
    step: 'load',
    pageChooser: null,
    notice: null,
  };
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => {
  const patch = (p: Partial<ViewState>) => set((s) => ({ view: { ...s.view, ...p } }));
  return {
    view: initialView(),
    setTransform: (transform) => patch({ transform }),
    setViewport: (width, height) => patch({ viewport: { width, height } }),
    setCursor: (cursor) => patch({ cursor }),
    setOverlays: (o) => set((s) => ({ view: { ...s.view, overlays: { ...s.view.overlays, ...o } } })),
    select: (selection) => patch({ selection }),
    setStep: (step) => patch({ step }),
    setPageChooser: (pageChooser) => patch({ pageChooser }),
    showNotice: (notice) => patch({ notice }),
    dismissNotice: () => patch({ notice: null }),
  };
};
