/**
 * Wiring autosave to a session and to the store, in a few lines:
 *
 *   const opened = await openSession(db, id);            // or createSession(db, {...})
 *   useTracewell.getState().loadSession(opened);         // the store's own action
 *   const autosave = sessionAutosave(db, opened, (s) => useTracewell.setState({ saveStatus: s }));
 *   const stop = [watchStore(useTracewell, selectSessionContent, autosave), flushOnPageHide(autosave)];
 *
 * `selectSessionContent` picks the parts out of the store; it may build a new object each time,
 * since changes are detected field by field. For the store in src/state:
 *
 *   const selectSessionContent = (s: AppState): SessionContent => ({
 *     scanRef: s.doc.scan, layout: s.doc.layout, curves: s.doc.curves, exportSettings: s.doc.exportSettings,
 *     history: { undo: s.history.undo, redo: s.history.redo },
 *   });
 *
 * and restoring is the inverse: resetDocument({ scan, layout, curves, exportSettings }, { ...emptyHistory(), undo, redo }).
 */
import { createAutosave, type Autosave, type AutosaveOptions, type SaveStatus } from './autosave';
import { saveSession, type OpenedSession, type TracewellDb } from './db';
import type { SessionContent } from './db/types';

/** Autosave for one open session: incremental saves through the session's tracker. */
export function sessionAutosave(
  db: TracewellDb,
  opened: Pick<OpenedSession, 'meta' | 'tracker'>,
  onStatus?: (s: SaveStatus) => void,
  timing: Pick<AutosaveOptions<SessionContent>, 'debounceMs' | 'maxWaitMs' | 'retryMs'> = {},
): Autosave<SessionContent> {
  return createAutosave({
    save: (content) => saveSession(db, opened.meta.id, content, { tracker: opened.tracker }),
    onStatus,
    ...timing,
  });
}

/** Same content if every part is the same object: immutable updates make this exact and cheap. */
export function sameContent(a: SessionContent, b: SessionContent): boolean {
  return (
    a.layout === b.layout &&
    a.curves === b.curves &&
    a.exportSettings === b.exportSettings &&
    (a.scanRef ?? null) === (b.scanRef ?? null) &&
    a.history.undo === b.history.undo &&
    a.history.redo === b.history.redo
  );
}

/** The part of a zustand store (StoreApi) this needs; no import of zustand here. */
export interface Subscribable<S> {
  subscribe(listener: (state: S, prev: S) => void): () => void;
}

/** Reports every change of the session content to `autosave`; returns the unsubscribe. */
export function watchStore<S>(
  store: Subscribable<S>,
  select: (state: S) => SessionContent | null,
  autosave: Pick<Autosave<SessionContent>, 'change'>,
): () => void {
  return store.subscribe((state, prev) => {
    const next = select(state);
    const before = select(prev);
    if (next && !(before && sameContent(next, before))) autosave.change(next);
  });
}

/**
 * Saves at once when the page is hidden (lid closed, tab switched, app backgrounded): the last
 * moment a browser reliably lets a write finish. Returns the remover.
 */
export function flushOnPageHide(autosave: Pick<Autosave<unknown>, 'flush'>, target: Document = document): () => void {
  const onHide = () => {
    if (target.visibilityState === 'hidden') void autosave.flush();
  };
  target.addEventListener('visibilitychange', onHide);
  return () => target.removeEventListener('visibilitychange', onHide);
}
