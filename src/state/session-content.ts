/**
 * The store's document and history as a saved session's content, and back. The saved content is
 * made of the very objects the store holds (no copies), so the saver can tell what changed by
 * identity and write only that.
 */
import type { SessionContent } from '../io/db/types';
import { defaultLayout, emptyDocument, type DocumentData, type ExportSettings, type ScanRef } from './document';
import { restoredHistory, savedHistory, type HistoryEntry, type HistoryState } from './history';
import type { AppState } from './store';
import type { Step } from './view';

/** What autosave writes: the document and the two history stacks. */
export function sessionContentOf(s: Pick<AppState, 'doc' | 'history'>): SessionContent {
  const { doc } = s;
  return { scanRef: doc.scan, layout: doc.layout, curves: doc.curves, exportSettings: doc.exportSettings, history: savedHistory(s.history) };
}

/**
 * The content to autosave now, or null when there is nothing to save yet: while a drag is in
 * progress ('commit' capture) the document holds a change its history does not, and saving that
 * pair would make the first undo after a reopen skip it. The drag is saved at pointer-up.
 */
export function contentToSave(s: Pick<AppState, 'doc' | 'history'>): SessionContent | null {
  return s.history.pendingBase === null ? sessionContentOf(s) : null;
}

/** A saved session's content as the store's document and history (the inverse of sessionContentOf). */
export function documentOf(content: SessionContent): { doc: DocumentData; history: HistoryState<DocumentData> } {
  const doc: DocumentData = {
    scan: (content.scanRef ?? null) as ScanRef | null,
    layout: content.layout ?? defaultLayout(),
    curves: content.curves,
    // Settings added in later versions take their defaults in sessions saved before them.
    exportSettings: { ...emptyDocument().exportSettings, ...(content.exportSettings as Partial<ExportSettings>) },
  };
  const history = restoredHistory<DocumentData>(content.history as { undo: HistoryEntry[]; redo: HistoryEntry[] });
  return { doc, history };
}

/** Where a reopened session starts: at its curves if it has any, else where calibrating begins. */
export function stepFor(doc: DocumentData): Step {
  if (doc.curves.length > 0) return 'edit';
  if (doc.layout.tracks.length > 0 || doc.layout.depth.refs.length > 0) return 'calibrate';
  return 'load';
}
