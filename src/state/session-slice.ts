/**
 * The session slice: which saved session is open, how its autosave is doing, and what the start
 * screen lists. Not undoable and not saved itself (it describes the saving). The work of opening,
 * closing and saving is in sessions.ts; this slice only holds what the UI shows.
 */
import type { StateCreator } from 'zustand';
import type { SaveStatus } from '../io/autosave';
import type { SessionMeta, StorageReport } from '../io/db';
import type { AppState } from './store';

export interface SessionState {
  /** the open session's start-screen row; null on the start screen */
  open: SessionMeta | null;
  /** the open session's autosave, shown in words on the top bar */
  save: SaveStatus;
  /** saved sessions, most recently edited first; null until first listed */
  list: SessionMeta[] | null;
  /** used / available storage and whether the browser promised to keep it; null until asked */
  storage: StorageReport | null;
  /**
   * Set while saves fail because storage is full: the sessions the user may delete to make room,
   * least recently edited first (the open one is never offered).
   */
  storageFull: { candidates: SessionMeta[] } | null;
  /** a start-screen operation is running (opening, importing…), in words; null when idle */
  busy: string | null;
}

export interface SessionSlice {
  session: SessionState;
  setSession(patch: Partial<SessionState>): void;
}

export function initialSession(): SessionState {
  return { open: null, save: { kind: 'idle' }, list: null, storage: null, storageFull: null, busy: null };
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  session: initialSession(),
  setSession: (patch) => set((s) => ({ session: { ...s.session, ...patch } })),
});
