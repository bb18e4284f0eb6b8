/**
 * The browser's storage for this origin: ask to keep it (a persisted origin is not evicted under
 * storage pressure, so sessions survive a full disk elsewhere), report used and available space,
 * and pick what to delete when a save did not fit.
 */
import { listSessions } from './manage';
import type { TracewellDb } from './open';
import type { SessionMeta } from './types';

/** The parts of `navigator.storage` used here; tests and old browsers may lack some. */
export type StorageApi = Partial<Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>>;

export interface StorageReport {
  /** bytes this origin uses, and may use, as the browser reports them; null when it cannot say */
  usedBytes: number | null;
  quotaBytes: number | null;
  /** true when the browser promised not to evict this origin's data */
  persisted: boolean;
}

function defaultStorage(): StorageApi | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/**
 * Asks the browser to keep our data (Chromium grants it silently to installed or often-used
 * apps; Firefox may ask the user). Returns whether storage is persistent now; never throws.
 */
export async function requestPersistentStorage(storage: StorageApi | undefined = defaultStorage()): Promise<boolean> {
  try {
    if (await storage?.persisted?.()) return true;
    return (await storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

export async function storageReport(storage: StorageApi | undefined = defaultStorage()): Promise<StorageReport> {
  const [estimate, persisted] = await Promise.all([
    storage?.estimate?.().catch(() => undefined),
    storage?.persisted?.().catch(() => false) ?? false,
  ]);
  return { usedBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null, persisted };
}

/** "1.4 GB used of 12 GB" — for the start screen and the storage-full message. */
export function describeStorage(r: StorageReport): string {
  if (r.usedBytes === null) return 'Storage use unknown';
  const used = `${formatBytes(r.usedBytes)} used`;
  return r.quotaBytes === null ? used : `${used} of ${formatBytes(r.quotaBytes)}`;
}

export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  if (i === 0) return `${n} bytes`;
  // One decimal below 10; 9.96 rounds to "10", not "10.0".
  const r = n < 10 ? Math.round(n * 10) / 10 : Math.round(n);
  return `${r < 10 ? r.toFixed(1) : r} ${units[i]}`;
}

/**
 * Sessions to offer for deletion when storage is full: all but the open one, least recently
 * edited first; among equally old ones, the larger first (it frees more).
 */
export function deletionCandidates(sessions: SessionMeta[], openId?: string): SessionMeta[] {
  return sessions
    .filter((s) => s.id !== openId)
    .sort((a, b) => a.lastEdited - b.lastEdited || b.sizeBytes - a.sizeBytes);
}

export async function listDeletionCandidates(db: TracewellDb, openId?: string): Promise<SessionMeta[]> {
  return deletionCandidates(await listSessions(db), openId);
}
