/**
 * The document slice: the document, its history, and every action that changes it. All document
 * changes go through updateDocument with an explicit capture mode (history.ts).
 */
import type { StateCreator } from 'zustand';
import { emptyDocument, rotateBlocker, rotationOf, turnsOf, type DocumentData } from './document';
import { commitPending, emptyHistory, record, redo, undo, type Capture, type HistoryState } from './history';
import type { AppState } from './store';

export interface DocumentSlice {
  doc: DocumentData;
  history: HistoryState<DocumentData>;
  updateDocument(label: string, recipe: (d: DocumentData) => DocumentData, capture?: Capture): void;
  /** Close a run of 'commit' updates into one undo entry (pointer-up after a drag). */
  commitHistory(): void;
  undo(): void;
  redo(): void;
  /** Replace document and history wholesale (a new scan, a restored session); not undoable. */
  resetDocument(doc: DocumentData, history?: HistoryState<DocumentData>): void;
  /** Turn the scan a quarter turn (+1 clockwise, −1 counter-clockwise); returns why not, or null. */
  rotateScan(direction: 1 | -1): string | null;
}

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set, get) => ({
  doc: emptyDocument(),
  history: emptyHistory(),

  updateDocument(label, recipe, capture = 'now') {
    const { doc, history } = get();
    const next = recipe(doc);
    if (next === doc) return;
    set({ doc: next, history: record(history, doc, next, label, capture) });
  },

  commitHistory() {
    const { doc, history } = get();
    if (history.pendingBase !== null) set({ history: commitPending(history, doc) });
  },

  undo() {
    const r = undo(get().history, get().doc);
    if (r) set({ doc: r.doc, history: r.history });
  },

  redo() {
    const r = redo(get().history, get().doc);
    if (r) set({ doc: r.doc, history: r.history });
  },

  resetDocument(doc, history = emptyHistory()) {
    set({ doc, history });
  },

  rotateScan(direction) {
    const blocker = rotateBlocker(get().doc);
    if (blocker) return blocker;
    const label = direction > 0 ? 'Rotate 90° clockwise' : 'Rotate 90° counter-clockwise';
    get().updateDocument(label, (d) => ({ ...d, layout: { ...d.layout, rotate: rotationOf(turnsOf(d.layout.rotate) + direction) } }));
    return null;
  },
});

export function canUndo(s: Pick<AppState, 'history'>): boolean {
  return s.history.undo.length > 0 || s.history.pendingBase !== null;
}

export function canRedo(s: Pick<AppState, 'history'>): boolean {
  return s.history.redo.length > 0 && s.history.pendingBase === null;
}
