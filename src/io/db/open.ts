/** Opening the sessions database: runs migrations, and reports a too-new database plainly. */
import { openDB, type IDBPDatabase } from 'idb';
import { DatabaseTooNewError } from './errors';
import type { TracewellSchema } from './records';
import { sweepOrphanParts } from './manage';
import { DB_NAME, DB_VERSION, MIGRATIONS } from './schema';

export type TracewellDb = IDBPDatabase<TracewellSchema>;

export interface OpenOptions {
  /** database name; tests give each case its own */
  name?: string;
  /** schema version to open at; only tests ask for an older one, to write a database as it was */
  version?: number;
  /**
   * Another tab (a newer Tracewell) wants to upgrade the schema. The connection is closed so it
   * can; the callback should tell the user to reload, since saves here will fail from now on.
   */
  onVersionChange?: () => void;
}

export async function openTracewellDb(options: OpenOptions = {}): Promise<TracewellDb> {
  const version = options.version ?? DB_VERSION;
  let migrationError: unknown;
  let db: TracewellDb;
  try {
    db = await openDB<TracewellSchema>(options.name ?? DB_NAME, version, {
      async upgrade(udb, oldVersion, newVersion, tx) {
        try {
          for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) {
            const step = MIGRATIONS[v];
            if (!step) throw new Error(`no migration to schema version ${v}`);
            await step(udb, tx);
          }
        } catch (e) {
          // Abort so a half-run migration leaves the old database exactly as it was.
          migrationError = e;
          tx.abort();
        }
      },
      blocking() {
        db.close();
        options.onVersionChange?.();
      },
    });
  } catch (e) {
    if (migrationError) throw new Error(`Could not upgrade the saved sessions: ${String(migrationError)}`, { cause: migrationError });
    if (e instanceof Error && e.name === 'VersionError') throw new DatabaseTooNewError(DB_VERSION);
    throw e;
  }
  // Housekeeping only: a failure here must not stop the app from opening its sessions.
  await sweepOrphanParts(db).catch(() => undefined);
  return db;
}
