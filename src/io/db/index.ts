/** Saved sessions in IndexedDB: the public API of src/io/db. */
export { openTracewellDb, type OpenOptions, type TracewellDb } from './open';
export { DB_NAME, DB_VERSION } from './schema';
export { createSession, openSession, type NewSession, type OpenedSession } from './sessions';
export { saveSession, type SaveOptions } from './save';
export { deleteSession, duplicateSession, listSessions, renameSession, sweepOrphanParts } from './manage';
export { SaveTracker } from './tracker';
export { DatabaseTooNewError, SaveFailedError, SessionNotFoundError, StorageFullError } from './errors';
export { emptyContent, type SessionContent, type SessionHistory, type SessionMeta } from './types';
export {
  deletionCandidates, describeStorage, formatBytes, listDeletionCandidates, requestPersistentStorage, storageReport,
  type StorageApi, type StorageReport,
} from './storage';
