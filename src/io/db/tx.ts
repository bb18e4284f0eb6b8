/** One readwrite transaction that commits whole or not at all, with errors made plain. */
import type { IDBPTransaction, StoreNames } from 'idb';
import { toSaveError } from './errors';
import type { TracewellDb } from './open';
import type { TracewellSchema } from './records';

export type Stores = StoreNames<TracewellSchema>;
export type WriteTx<S extends Stores> = IDBPTransaction<TracewellSchema, S[], 'readwrite'>;

/**
 * Runs `body`, which must queue its requests and await them all (Promise.all) before returning.
 * If anything in it throws, the transaction is aborted, so no partial write is ever committed:
 * IndexedDB would otherwise auto-commit the requests queued before the throw.
 */
export async function runWrite<S extends Stores, T>(
  db: TracewellDb,
  stores: S[],
  body: (tx: WriteTx<S>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, 'readwrite');
  let result: T;
  try {
    result = await body(tx);
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already aborted by the failed request: nothing more to undo
    }
    await tx.done.catch(() => undefined);
    throw toSaveError(e, tx.error);
  }
  try {
    await tx.done;
  } catch (e) {
    throw toSaveError(e, tx.error);
  }
  return result;
}

/**
 * Queues requests through `queue` and awaits them all. If queuing throws part-way (a put on an
 * aborted transaction), the requests already queued still get a handler: they reject with
 * AbortError, which is expected then and must not surface as an unhandled rejection.
 */
export async function queueAll(queue: (reqs: Promise<unknown>[]) => void): Promise<void> {
  const reqs: Promise<unknown>[] = [];
  try {
    queue(reqs);
  } catch (e) {
    for (const r of reqs) r.catch(() => undefined);
    throw e;
  }
  await Promise.all(reqs);
}
