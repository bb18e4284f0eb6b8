/**
 * Undo/redo over the document as inverse patches (see patches.ts). Every document update says
 * when it enters the history (STYLE.md, after Excalidraw):
 *  - 'now':    one entry per update (typing a depth, rotating, erasing an interval);
 *  - 'commit': eventually: a run of updates (a drag's pointer moves) becomes one entry when
 *              commitHistory() is called (pointer-up), measured from the document before the run;
 *  - 'never':  not recorded (loading, restoring); the redo stack is left alone.
 * Entries are plain, structured-cloneable and never mutated once pushed (the session saver
 * recognises stored entries by identity).
 */
import { applyPatches, diff, type Patch } from './patches';

export type Capture = 'now' | 'commit' | 'never';

export interface HistoryEntry {
  /** what the user did, for "Undo Rotate 90°" */
  label: string;
  /** ms since the epoch */
  at: number;
  forward: Patch[];
  inverse: Patch[];
}

export interface HistoryState<D = unknown> {
  undo: HistoryEntry[];
  redo: HistoryEntry[];
  /** the document before the first uncommitted 'commit' update; null when nothing is pending */
  pendingBase: D | null;
  pendingLabel: string;
}

/** Oldest entries are dropped past this; a long editing day stays bounded in memory and storage. */
export const MAX_UNDO = 500;

export function emptyHistory<D>(): HistoryState<D> {
  return { undo: [], redo: [], pendingBase: null, pendingLabel: '' };
}

function push<D>(h: HistoryState<D>, before: D, after: D, label: string): HistoryState<D> {
  const { forward, inverse } = diff(before, after);
  if (forward.length === 0) return { ...h, pendingBase: null, pendingLabel: '' };
  const entry: HistoryEntry = { label, at: Date.now(), forward, inverse };
  const undo = [...h.undo, entry];
  return { undo: undo.length > MAX_UNDO ? undo.slice(undo.length - MAX_UNDO) : undo, redo: [], pendingBase: null, pendingLabel: '' };
}

/** Turn pending 'commit' updates into one entry (no-op when nothing is pending). */
export function commitPending<D>(h: HistoryState<D>, current: D): HistoryState<D> {
  return h.pendingBase === null ? h : push(h, h.pendingBase, current, h.pendingLabel);
}

/** The history after the document went from `before` to `after` with the given capture. */
export function record<D>(h: HistoryState<D>, before: D, after: D, label: string, capture: Capture): HistoryState<D> {
  if (capture === 'never' || before === after) return h;
  if (capture === 'commit') return h.pendingBase === null ? { ...h, pendingBase: before, pendingLabel: label } : h;
  return push(commitPending(h, before), before, after, label);
}

export function undo<D>(h: HistoryState<D>, doc: D): { history: HistoryState<D>; doc: D } | null {
  const committed = commitPending(h, doc);
  const entry = committed.undo[committed.undo.length - 1];
  if (!entry) return null;
  return {
    doc: applyPatches(doc, entry.inverse),
    history: { ...committed, undo: committed.undo.slice(0, -1), redo: [...committed.redo, entry] },
  };
}

export function redo<D>(h: HistoryState<D>, doc: D): { history: HistoryState<D>; doc: D } | null {
  if (h.pendingBase !== null) return null; // a new change is in progress: redo would be lost anyway
  const entry = h.redo[h.redo.length - 1];
  if (!entry) return null;
  return {
    doc: applyPatches(doc, entry.forward),
    history: { ...h, undo: [...h.undo, entry], redo: h.redo.slice(0, -1) },
  };
}

/** What a session saves of the history: the two stacks (an uncommitted drag is not history yet). */
export function savedHistory<D>(h: HistoryState<D>): { undo: HistoryEntry[]; redo: HistoryEntry[] } {
  return { undo: h.undo, redo: h.redo };
}

/** A history restored from a saved session. */
export function restoredHistory<D>(saved: { undo: HistoryEntry[]; redo: HistoryEntry[] }): HistoryState<D> {
  return { ...emptyHistory<D>(), undo: saved.undo, redo: saved.redo };
}
