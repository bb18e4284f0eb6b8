/**
 * Saving a session without blocking the page and without ever exposing half a save.
 *
 * 1. New parts (changed curves, new undo steps) are written in small transactions, one large
 *    curve or a batch of small steps each, so the main thread serialises one piece at a time and
 *    stays responsive between them. Parts get fresh ids: nothing the last save references is
 *    touched.
 * 2. One small transaction commits: the session row, the main record pointing at the new parts,
 *    and the deletion of parts no longer referenced.
 *
 * Interrupted before 2 (tab closed, crash, full disk), the previous main record and all its parts
 * are intact; the unreferenced new parts are deleted at once when possible, else by the next save.
 */
import { SessionNotFoundError } from './errors';
import type { TracewellDb } from './open';
import { sessionPartsRange, type MainDocRecord, type SessionRecord } from './records';
import { toMeta } from './sessions';
import { contentBytes } from './size';
import { discardNewParts, writeParts } from './parts';
import { commitPlan, planSave, SaveTracker, type SavePlan } from './tracker';
import { queueAll, runWrite } from './tx';
import type { SessionContent, SessionMeta } from './types';

export interface SaveOptions {
  /** from createSession/openSession; without it the save replaces the whole document */
  tracker?: SaveTracker;
  /** new thumbnail; undefined keeps the stored one */
  thumbnail?: Blob | null;
  now?: number;
}

/** The commit: session row, main record, and deletion of what the new main no longer uses. */
function commit(db: TracewellDb, plan: SavePlan, content: SessionContent, options: SaveOptions): Promise<SessionRecord> {
  const sessionId = plan.main.sessionId;
  return runWrite(db, ['sessions', 'documents', 'history'], async (tx) => {
    const sessions = tx.objectStore('sessions');
    const row = await sessions.get(sessionId);
    if (!row) throw new SessionNotFoundError(sessionId);
    const wellName = content.layout?.well?.WELL?.trim() || row.wellName;
    const next: SessionRecord = {
      ...row, wellName, lastEdited: options.now ?? Date.now(), sizeBytes: contentBytes(row.scanBytes, content),
      thumbnail: options.thumbnail === undefined ? row.thumbnail : options.thumbnail,
    };
    await queueAll((reqs) => {
      reqs.push(sessions.put(next), tx.objectStore('documents').put(plan.main));
      for (const id of plan.deleteCurves) reqs.push(tx.objectStore('documents').delete([sessionId, id]));
      for (const id of plan.deleteEntries) reqs.push(tx.objectStore('history').delete([sessionId, id]));
    });
    return next;
  });
}

/** Reads which parts a session has stored (keys only), for a tracker that did not open it. */
async function seedTracker(db: TracewellDb, sessionId: string, tracker: SaveTracker): Promise<void> {
  const tx = db.transaction(['documents', 'history'], 'readonly');
  const [main, docKeys, histKeys] = await Promise.all([
    tx.objectStore('documents').get([sessionId, 0]) as Promise<MainDocRecord | undefined>,
    tx.objectStore('documents').getAllKeys(sessionPartsRange(sessionId)),
    tx.objectStore('history').getAllKeys(sessionPartsRange(sessionId)),
  ]);
  await tx.done;
  const ids = (keys: [string, number][]) => keys.map((k) => k[1]).filter((id) => id !== 0);
  tracker.seed(main?.nextId ?? 1, ids(docKeys), ids(histKeys));
}

/** Saves the whole content (writing only what changed); returns the updated start-screen row. */
export function saveSession(db: TracewellDb, sessionId: string, content: SessionContent, options: SaveOptions = {}): Promise<SessionMeta> {
  const tracker = options.tracker ?? new SaveTracker();
  return tracker.serialize(async () => {
    if (!tracker.synced) await seedTracker(db, sessionId, tracker);
    const plan = planSave(tracker, sessionId, content);
    try {
      await writeParts(db, plan);
      const record = await commit(db, plan, content, options);
      commitPlan(tracker, plan);
      return toMeta(record);
    } catch (e) {
      await discardNewParts(db, plan);
      throw e;
    }
  });
}
