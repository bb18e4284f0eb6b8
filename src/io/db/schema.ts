/**
 * Schema versions and their migrations. Each migration takes a database at version n-1 to n inside
 * the upgrade transaction; opening runs every step between the stored version and ours, in order,
 * so a database written by any released version opens with this one (test/db/migrate.test.ts).
 * Never edit a released step: add a new one.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { sessionPartsRange, type TracewellSchema } from './records';
import { recordsBytes } from './size';

export const DB_NAME = 'tracewell';
/** The schema this code reads and writes. */
export const DB_VERSION = 2;

type UpgradeDb = IDBPDatabase<TracewellSchema>;
type UpgradeTx = IDBPTransaction<TracewellSchema, StoreNames<TracewellSchema>[], 'versionchange'>;
export type Migration = (db: UpgradeDb, tx: UpgradeTx) => Promise<void> | void;

/** Version 1: scans by content hash, session rows, documents and history by [sessionId, id]. */
function createV1(db: UpgradeDb): void {
  db.createObjectStore('scans', { keyPath: 'hash' });
  const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
  // Deleting a session asks "does any other session still use this scan?" through this index.
  sessions.createIndex('byScanHash', 'scanHash');
  db.createObjectStore('documents', { keyPath: ['sessionId', 'id'] });
  db.createObjectStore('history', { keyPath: ['sessionId', 'id'] });
}

/**
 * Version 2: sessions know their size (shown on the start screen, and used to pick what to delete
 * when storage is full), and are indexed by last edit so the oldest are found without a full scan.
 */
async function addSizes(_db: UpgradeDb, tx: UpgradeTx): Promise<void> {
  const sessions = tx.objectStore('sessions');
  sessions.createIndex('byLastEdited', 'lastEdited');
  for (let cursor = await sessions.openCursor(); cursor; cursor = await cursor.continue()) {
    const row = cursor.value;
    const [scan, docs, hist] = await Promise.all([
      tx.objectStore('scans').get(row.scanHash),
      tx.objectStore('documents').getAll(sessionPartsRange(row.id)),
      tx.objectStore('history').getAll(sessionPartsRange(row.id)),
    ]);
    const scanBytes = scan?.blob.size ?? 0;
    await cursor.update({ ...row, scanBytes, sizeBytes: recordsBytes(scanBytes, docs, hist) });
  }
}

/** MIGRATIONS[n] upgrades version n-1 to n. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: createV1,
  2: addSizes,
};
