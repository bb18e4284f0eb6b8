/**
 * Creating, opening and saving sessions. Every write is one transaction over the stores it
 * touches (tx.ts): a failed or interrupted save leaves the previous saved state exactly as it was.
 */
import { sha256Hex } from '../hash';
import { SessionNotFoundError } from './errors';
import type { TracewellDb } from './open';
import { sessionPartsRange, type DocumentRecord, type MainDocRecord, type SessionRecord } from './records';
import { contentBytes } from './size';
import { commitPlan, planSave, SaveTracker, type SavePlan } from './tracker';
import { queueAll, runWrite, type Stores, type WriteTx } from './tx';
import { emptyContent, type SessionContent, type SessionMeta } from './types';

/** A session as the store loads it. Keep `tracker` for saving, so saves write only what changed. */
export interface OpenedSession {
  meta: SessionMeta;
  scan: Blob;
  content: SessionContent;
  tracker: SaveTracker;
}

export interface NewSession {
  scan: Blob;
  scanName: string;
  name?: string;
  content?: SessionContent;
  thumbnail?: Blob | null;
  /** kept from the original when importing a session file; default: now */
  created?: number;
  lastEdited?: number;
}

export function toMeta(r: SessionRecord): SessionMeta {
  const { id, name, wellName, scanName, scanHash, created, lastEdited, sizeBytes, thumbnail } = r;
  return { id, name, wellName, scanName, scanHash, created, lastEdited, sizeBytes, thumbnail };
}

/** The well name shown on the start screen follows the layout's ~W WELL field once it is typed. */
function wellNameOf(content: SessionContent, fallback: string): string {
  return content.layout?.well?.WELL?.trim() || fallback;
}

/** Queues a save plan's requests on an open transaction (see queueAll). */
function queuePlan<S extends Stores>(tx: WriteTx<S | 'documents' | 'history'>, plan: SavePlan, reqs: Promise<unknown>[]): void {
  const sessionId = plan.main.sessionId;
  const docs = tx.objectStore('documents');
  const hist = tx.objectStore('history');
  if (plan.replaceAll) reqs.push(docs.delete(sessionPartsRange(sessionId)), hist.delete(sessionPartsRange(sessionId)));
  reqs.push(docs.put(plan.main));
  for (const rec of plan.putCurves) reqs.push(docs.put(rec));
  for (const rec of plan.putEntries) reqs.push(hist.put(rec));
  for (const id of plan.deleteCurves) reqs.push(docs.delete([sessionId, id]));
  for (const id of plan.deleteEntries) reqs.push(hist.delete([sessionId, id]));
}

/** Stores the scan (once per distinct content) and a new session using it. */
export async function createSession(db: TracewellDb, input: NewSession, now = Date.now()): Promise<OpenedSession> {
  const scanHash = await sha256Hex(input.scan);
  const content = input.content ?? emptyContent();
  const name = input.name ?? input.scanName.replace(/\.[^.]+$/, '');
  const record: SessionRecord = {
    id: crypto.randomUUID(), name, wellName: wellNameOf(content, ''), scanName: input.scanName, scanHash,
    created: input.created ?? now, lastEdited: input.lastEdited ?? now, thumbnail: input.thumbnail ?? null,
    scanBytes: input.scan.size, sizeBytes: contentBytes(input.scan.size, content),
  };
  const tracker = new SaveTracker();
  const plan = planSave(tracker, record.id, content);
  await runWrite(db, ['scans', 'sessions', 'documents', 'history'], async (tx) => {
    const scans = tx.objectStore('scans');
    const known = (await scans.getKey(scanHash)) !== undefined;
    // A plain Blob, not the File: the name belongs to the session, the bytes to the scan.
    const blob = new Blob([input.scan], { type: input.scan.type });
    await queueAll((reqs) => {
      if (!known) reqs.push(scans.put({ hash: scanHash, blob, type: input.scan.type }));
      reqs.push(tx.objectStore('sessions').add(record));
      queuePlan(tx, plan, reqs);
    });
  });
  commitPlan(tracker, plan);
  return { meta: toMeta(record), scan: input.scan, content, tracker };
}

export interface SaveOptions {
  /** from createSession/openSession; without it the save rewrites the whole document */
  tracker?: SaveTracker;
  /** new thumbnail; undefined keeps the stored one */
  thumbnail?: Blob | null;
  now?: number;
}

/** Saves the whole content atomically; returns the updated start-screen row. */
export function saveSession(
  db: TracewellDb,
  sessionId: string,
  content: SessionContent,
  options: SaveOptions = {},
): Promise<SessionMeta> {
  const tracker = options.tracker ?? new SaveTracker();
  return tracker.serialize(async () => {
    const plan = planSave(tracker, sessionId, content);
    const record = await runWrite(db, ['sessions', 'documents', 'history'], async (tx) => {
      const sessions = tx.objectStore('sessions');
      const row = await sessions.get(sessionId);
      if (!row) throw new SessionNotFoundError(sessionId);
      const next: SessionRecord = {
        ...row,
        lastEdited: options.now ?? Date.now(),
        wellName: wellNameOf(content, row.wellName),
        thumbnail: options.thumbnail === undefined ? row.thumbnail : options.thumbnail,
        sizeBytes: contentBytes(row.scanBytes, content),
      };
      await queueAll((reqs) => {
        reqs.push(sessions.put(next));
        queuePlan(tx, plan, reqs);
      });
      return next;
    });
    commitPlan(tracker, plan);
    return toMeta(record);
  });
}

/** Restores everything a session saved, the undo/redo history included. */
export async function openSession(db: TracewellDb, sessionId: string): Promise<OpenedSession> {
  const tx = db.transaction(['scans', 'sessions', 'documents', 'history'], 'readonly');
  const row = await tx.objectStore('sessions').get(sessionId);
  if (!row) throw new SessionNotFoundError(sessionId);
  const [scan, docs, hist] = await Promise.all([
    tx.objectStore('scans').get(row.scanHash),
    tx.objectStore('documents').getAll(sessionPartsRange(sessionId)),
    tx.objectStore('history').getAll(sessionPartsRange(sessionId)),
  ]);
  await tx.done;
  const damaged = (what: string) => new Error(`Session "${row.name}" is damaged: ${what} is missing.`);
  if (!scan) throw damaged('its scan');
  const main = docs.find((d): d is MainDocRecord => d.kind === 'main');
  if (!main) throw damaged('its document');
  const curves = new Map(docs.filter(isCurve).map((d) => [d.id, d.curve]));
  const entries = new Map(hist.map((h) => [h.id, h.entry]));
  const pick = <T>(map: Map<number, T>, ids: number[], what: string) =>
    ids.map((id) => map.get(id) ?? failWith(damaged(`${what} ${id}`)));
  const content: SessionContent = {
    layout: main.layout,
    curves: pick(curves, main.curveIds, 'curve'),
    exportSettings: main.exportSettings,
    scanRef: main.scanRef ?? null,
    history: { undo: pick(entries, main.undoIds, 'undo step'), redo: pick(entries, main.redoIds, 'redo step') },
  };
  return { meta: toMeta(row), scan: scan.blob, content, tracker: SaveTracker.fromStored(main, curves, entries) };
}

function isCurve(d: DocumentRecord): d is Extract<DocumentRecord, { kind: 'curve' }> {
  return d.kind === 'curve';
}

function failWith(e: Error): never {
  throw e;
}
