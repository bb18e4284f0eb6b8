/**
 * Creating, opening and saving sessions. Every write is one transaction over the stores it
 * touches (tx.ts): a failed or interrupted save leaves the previous saved state exactly as it was.
 */
import { sha256Hex } from '../hash';
import { SessionNotFoundError } from './errors';
import type { TracewellDb } from './open';
import { sessionPartsRange, type DocumentRecord, type MainDocRecord, type SessionRecord } from './records';
import { contentBytes } from './size';
import { discardNewParts, writeParts } from './parts';
import { commitPlan, planSave, SaveTracker } from './tracker';
import { queueAll, runWrite } from './tx';
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
  /** SHA-256 hex of the scan, when the decode worker already computed it (hashing a large scan here would block) */
  scanHash?: string;
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

/** Stores the scan (once per distinct content) and a new session using it. */
export async function createSession(db: TracewellDb, input: NewSession, now = Date.now()): Promise<OpenedSession> {
  const scanHash = input.scanHash ?? (await sha256Hex(input.scan));
  const content = input.content ?? emptyContent();
  const name = input.name ?? input.scanName.replace(/\.[^.]+$/, '');
  const record: SessionRecord = {
    id: crypto.randomUUID(), name, wellName: wellNameOf(content, ''), scanName: input.scanName, scanHash,
    created: input.created ?? now, lastEdited: input.lastEdited ?? now, thumbnail: input.thumbnail ?? null,
    scanBytes: input.scan.size, sizeBytes: contentBytes(input.scan.size, content),
  };
  const tracker = new SaveTracker();
  tracker.seed(1, [], []);
  const plan = planSave(tracker, record.id, content);
  // As in a save: parts first (small transactions), then one transaction makes the session exist.
  try {
    await writeParts(db, plan);
    await runWrite(db, ['scans', 'sessions', 'documents'], async (tx) => {
      const scans = tx.objectStore('scans');
      const known = (await scans.getKey(scanHash)) !== undefined;
      // A plain Blob, not the File: the name belongs to the session, the bytes to the scan.
      const blob = new Blob([input.scan], { type: input.scan.type });
      await queueAll((reqs) => {
        if (!known) reqs.push(scans.put({ hash: scanHash, blob, type: input.scan.type }));
        reqs.push(tx.objectStore('sessions').add(record), tx.objectStore('documents').put(plan.main));
      });
    });
  } catch (e) {
    await discardNewParts(db, plan);
    throw e;
  }
  commitPlan(tracker, plan);
  return { meta: toMeta(record), scan: input.scan, content, tracker };
}

/** Restores everything a session saved, the undo/redo history included. */
export async function openSession(db: TracewellDb, sessionId: string): Promise<OpenedSession> {
  const tx = db.transaction(['scans', 'sessions', 'documents', 'history'], 'readonly');
  const row = await tx.objectStore('sessions').get(sessionId);
  if (!row) throw new SessionNotFoundError(sessionId);
  // Curves one request each: every large record is deserialised in its own task, not all in one.
  const documents = tx.objectStore('documents');
  const [scan, keys, hist] = await Promise.all([
    tx.objectStore('scans').get(row.scanHash),
    documents.getAllKeys(sessionPartsRange(sessionId)),
    tx.objectStore('history').getAll(sessionPartsRange(sessionId)),
  ]);
  const docs = await Promise.all(keys.map((k) => documents.get(k)));
  await tx.done;
  const damaged = (what: string) => new Error(`Session "${row.name}" is damaged: ${what} is missing.`);
  if (!scan) throw damaged('its scan');
  const main = docs.find((d): d is MainDocRecord => d?.kind === 'main');
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

function isCurve(d: DocumentRecord | undefined): d is Extract<DocumentRecord, { kind: 'curve' }> {
  return d?.kind === 'curve';
}

function failWith(e: Error): never {
  throw e;
}
