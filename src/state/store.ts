/**
 * One zustand store made of slices: document (undoable, saved), view (how it is looked at), jobs
 * (work in progress), scan (the decoded pixels, derived), edit (the edit tool in hand), steps (calibrate
 * and digitise state that is not the document) and session (the open saved session and its autosave).
 * Components read it with selectors (useAppStore(s => s.view.transform.k)); code outside React uses
 * appStore.getState().
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createEditSlice, type EditSlice } from './edit-slice';
import { createJobsSlice, type JobsSlice } from './jobs';
import { createScanSlice, type ScanSlice } from './scan-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createStepsSlice, type StepsSlice } from './steps-slice';
import { createViewSlice, type ViewSlice } from './view';

export type AppState = DocumentSlice & ViewSlice & JobsSlice & ScanSlice & EditSlice & StepsSlice & SessionSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createViewSlice(...a),
    ...createJobsSlice(...a),
    ...createScanSlice(...a),
    ...createEditSlice(...a),
    ...createStepsSlice(...a),
    ...createSessionSlice(...a),
  }));
}

/** The app's store. Tests make their own with createAppStore(). */
export const appStore = createAppStore();

export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
