/**
 * The start screen's operations on saved sessions (list, rename, duplicate, delete, export to a
 * file, import from one) and the storage facts it shows. Each operation reports a failure as a
 * notice in words and resolves with a plain result; none throws into the UI.
 */
import {
  deleteSession, duplicateSession, listDeletionCandidates, listSessions, renameSession, requestPersistentStorage, storageReport,
  type SessionMeta, type StorageApi, type TracewellDb,
} from '../io/db';
import { exportSessionFile, importSessionFile, sessionFileName } from '../io/session-file';
import type { AppStore } from './store';

export interface LibraryDeps {
  database(): Promise<TracewellDb>;
  storage?: StorageApi;
  /** the open session's id: never offered for deletion */
  openId(): string | null;
  /** saves the open session now (before it is exported) */
  flushOpen(): Promise<void>;
}

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createSessionLibrary(store: AppStore, deps: LibraryDeps) {
  const set = (patch: Parameters<ReturnType<AppStore['getState']>['setSession']>[0]) => store.getState().setSession(patch);

  /** Runs `op`, turning a failure into a notice titled `title`; resolves undefined then. */
  async function attempt<T>(title: string, op: (db: TracewellDb) => Promise<T>): Promise<T | undefined> {
    try {
      return await op(await deps.database());
    } catch (e) {
      store.getState().showNotice({ kind: 'error', title, message: messageOf(e) });
      return undefined;
    }
  }

  async function refreshStorage(): Promise<void> {
    set({ storage: await storageReport(deps.storage) });
  }

  /** Re-reads the list (and the storage figures, which every list change moves). */
  async function refresh(): Promise<void> {
    const list = await attempt('Could not read the saved sessions', listSessions);
    if (list) set({ list });
    await refreshStorage();
    // While storage is full, keep the offer of what to delete in step with the list.
    if (store.getState().session.storageFull) await offerDeletions();
  }

  /** After a save did not fit: what may be deleted, and the storage figures as they are now. */
  async function offerDeletions(): Promise<void> {
    void refreshStorage();
    const candidates = await attempt('Could not list sessions to delete', (db) => listDeletionCandidates(db, deps.openId() ?? undefined));
    if (candidates) set({ storageFull: { candidates } });
  }

  return {
    refresh,
    refreshStorage,
    offerDeletions,

    async rename(id: string, name: string): Promise<boolean> {
      const meta = await attempt('Could not rename the session', (db) => renameSession(db, id, name));
      if (meta && store.getState().session.open?.id === id) set({ open: meta });
      await refresh();
      return meta !== undefined;
    },

    async duplicate(id: string): Promise<SessionMeta | null> {
      const meta = await attempt('Could not duplicate the session', (db) => duplicateSession(db, id));
      await refresh();
      return meta ?? null;
    },

    async remove(id: string): Promise<boolean> {
      if (id === deps.openId()) {
        store.getState().showNotice({ kind: 'error', title: 'Not deleted', message: 'This session is open. Go back to the sessions list first.' });
        return false;
      }
      const done = await attempt('Could not delete the session', (db) => deleteSession(db, id).then(() => true));
      await refresh();
      return done !== undefined;
    },

    /** The session as one file (scan, layout, curves, history), with the name to save it under. */
    async exportFile(id: string): Promise<{ blob: Blob; fileName: string } | null> {
      if (id === deps.openId()) await deps.flushOpen();
      const r = await attempt('Could not export the session', async (db) => {
        const meta = (await listSessions(db)).find((m) => m.id === id);
        return { blob: await exportSessionFile(db, id), fileName: sessionFileName(meta ?? { name: 'session' }) };
      });
      return r ?? null;
    },

    /** Adds a session file as a new session; a damaged file is refused whole, with the reason. */
    async importFile(file: Blob): Promise<SessionMeta | null> {
      set({ busy: 'Importing the session file' });
      try {
        const meta = await attempt(`Could not import ${(file as File).name || 'the file'}`, (db) => importSessionFile(db, file));
        await refresh();
        return meta ?? null;
      } finally {
        set({ busy: null });
      }
    },

    /** Asks the browser to keep this origin's data; the figures then say whether it agreed. */
    async persist(): Promise<boolean> {
      const granted = await requestPersistentStorage(deps.storage);
      await refreshStorage();
      return granted;
    },
  };
}

export type SessionLibrary = ReturnType<typeof createSessionLibrary>;
