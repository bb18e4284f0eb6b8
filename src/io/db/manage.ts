/** The start screen's operations on saved sessions: list, rename, duplicate, delete. */
import { SessionNotFoundError } from './errors';
import type { TracewellDb } from './open';
import { sessionPartsRange, type SessionRecord } from './records';
import { toMeta } from './sessions';
import { queueAll, runWrite } from './tx';
import type { SessionMeta } from './types';

/** Every saved session, most recently edited first. */
export async function listSessions(db: TracewellDb): Promise<SessionMeta[]> {
  const rows = await db.getAllFromIndex('sessions', 'byLastEdited');
  return rows.reverse().map(toMeta);
}

export async function renameSession(db: TracewellDb, sessionId: string, name: string): Promise<SessionMeta> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A session name cannot be empty.');
  return runWrite(db, ['sessions'], async (tx) => {
    const store = tx.objectStore('sessions');
    const row = await store.get(sessionId);
    if (!row) throw new SessionNotFoundError(sessionId);
    const next: SessionRecord = { ...row, name: trimmed };
    await store.put(next);
    return toMeta(next);
  });
}

/** A full copy under a new id, sharing the stored scan. */
export async function duplicateSession(
  db: TracewellDb,
  sessionId: string,
  name?: string,
  now = Date.now(),
): Promise<SessionMeta> {
  return runWrite(db, ['sessions', 'documents', 'history'], async (tx) => {
    const row = await tx.objectStore('sessions').get(sessionId);
    if (!row) throw new SessionNotFoundError(sessionId);
    const [docs, hist] = await Promise.all([
      tx.objectStore('documents').getAll(sessionPartsRange(sessionId)),
      tx.objectStore('history').getAll(sessionPartsRange(sessionId)),
    ]);
    const id = crypto.randomUUID();
    const copy: SessionRecord = { ...row, id, name: name?.trim() || `${row.name} (copy)`, created: now, lastEdited: now };
    await queueAll((reqs) => {
      reqs.push(tx.objectStore('sessions').add(copy));
      for (const d of docs) reqs.push(tx.objectStore('documents').add({ ...d, sessionId: id }));
      for (const h of hist) reqs.push(tx.objectStore('history').add({ ...h, sessionId: id }));
    });
    return toMeta(copy);
  });
}

/** Deletes a session, and its scan too once no other session uses it (same transaction). */
export async function deleteSession(db: TracewellDb, sessionId: string): Promise<void> {
  await runWrite(db, ['sessions', 'documents', 'history', 'scans'], async (tx) => {
    const sessions = tx.objectStore('sessions');
    const row = await sessions.get(sessionId);
    if (!row) throw new SessionNotFoundError(sessionId);
    await queueAll((reqs) => {
      reqs.push(sessions.delete(sessionId));
      reqs.push(tx.objectStore('documents').delete(sessionPartsRange(sessionId)));
      reqs.push(tx.objectStore('history').delete(sessionPartsRange(sessionId)));
    });
    const users = await sessions.index('byScanHash').count(row.scanHash);
    if (users === 0) await tx.objectStore('scans').delete(row.scanHash);
  });
}

/**
 * Deletes parts whose session does not exist: what a tab leaves when it dies between writing a
 * new session's parts and the transaction that creates it. Run when the database opens. (A tab
 * creating a session at that very instant would lose its parts; creation takes well under a
 * second, and two tabs opening and importing at once is not a case worth a lock.)
 */
export async function sweepOrphanParts(db: TracewellDb): Promise<number> {
  return runWrite(db, ['sessions', 'documents', 'history'], async (tx) => {
    const [ids, docKeys, histKeys] = await Promise.all([
      tx.objectStore('sessions').getAllKeys(),
      tx.objectStore('documents').getAllKeys(),
      tx.objectStore('history').getAllKeys(),
    ]);
    const live = new Set(ids);
    const docs = docKeys.filter((k) => !live.has(k[0]));
    const hist = histKeys.filter((k) => !live.has(k[0]));
    await queueAll((reqs) => {
      for (const k of docs) reqs.push(tx.objectStore('documents').delete(k));
      for (const k of hist) reqs.push(tx.objectStore('history').delete(k));
    });
    return docs.length + hist.length;
  });
}
