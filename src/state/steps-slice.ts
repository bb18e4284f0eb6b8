/**
 * State of the calibrate and digitise steps that is not the document: the auto-layout proposal,
 * what the next click on the scan sets, the segmentation engine in use, the mask overlay's levels
 * and the review walk. Never undoable, never saved (derived from the scan, or a choice of the moment).
 */
import type { StateCreator } from 'zustand';
import type { LayoutProposal } from '../core/layout-detect';
import type { Raster } from '../core/raster';
import type { BackendInfo } from '../ml/segmenter';
import type { AppState } from './store';

/**
 * What a click on the scan does in the calibrate step. 'anchor' stays armed for click after click
 * (points on a curve come several at a time) until Esc or its toggle ends it.
 */
export type PickTarget = { kind: 'depth' } | { kind: 'seed'; track: number; curve: number } | { kind: 'anchor'; track: number; curve: number };

export interface CalibrateState {
  proposal: LayoutProposal | null;
  /** true while the auto-layout worker runs */
  analysing: boolean;
  /** why auto-layout failed, in words */
  analyseError: string | null;
  pick: PickTarget | null;
  /** why the last click of an armed pick was refused, in words (a point outside its track); null when it was not */
  pickProblem: string | null;
}

export type Engine = 'model' | 'classical';

export interface DigitiseState {
  /** what the Digitise button segments with */
  engine: Engine;
  /** the model's segmenter as set up (EP, workers), once made */
  backend: BackendInfo | null;
  modelId: string | null;
  /** why the model cannot be used (missing, corrupt, EP failed), in words; null when fine or not tried */
  modelProblem: string | null;
  /** class-map levels of the last segmentation, for the mask overlay (level 0 full size) */
  maskLevels: Raster[];
  /** the low-confidence region the review walk is at (index into reviewRegions), −1 before the first */
  reviewIndex: number;
}

export interface StepsSlice {
  calibrate: CalibrateState;
  digitise: DigitiseState;
  setCalibrate(p: Partial<CalibrateState>): void;
  setDigitise(p: Partial<DigitiseState>): void;
  /** A new scan: nothing of the old one's proposal, mask or review applies. */
  resetSteps(): void;
}

export function initialCalibrate(): CalibrateState {
  return { proposal: null, analysing: false, analyseError: null, pick: null, pickProblem: null };
}

export function initialDigitise(): DigitiseState {
  return { engine: 'model', backend: null, modelId: null, modelProblem: null, maskLevels: [], reviewIndex: -1 };
}

export const createStepsSlice: StateCreator<AppState, [], [], StepsSlice> = (set) => ({
  calibrate: initialCalibrate(),
  digitise: initialDigitise(),
  setCalibrate: (p) => set((s) => ({ calibrate: { ...s.calibrate, ...p } })),
  setDigitise: (p) => set((s) => ({ digitise: { ...s.digitise, ...p } })),
  // the engine choice and the segmenter's set-up outlive a scan; the rest belongs to it
  resetSteps: () => set((s) => ({ calibrate: initialCalibrate(), digitise: { ...s.digitise, maskLevels: [], reviewIndex: -1 } })),
});
