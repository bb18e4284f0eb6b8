/**
 * SHA-256 of a Blob without blocking the page: in the browser a short-lived worker reads and
 * digests it (the Blob is passed by reference, not copied); elsewhere (Node, tests, inside a
 * worker) the digest runs directly, since there is no page to keep responsive.
 */
import { wrap } from 'comlink';
import type { HashWorkerApi } from '../../workers/hash.worker';
import { sha256Hex } from './hash';

/** Below this a digest is quicker than starting a worker, and blocks for well under a frame. */
const SMALL_BYTES = 1 << 20;

export async function sha256HexOffThread(blob: Blob): Promise<string> {
  if (typeof window === 'undefined' || typeof Worker === 'undefined' || blob.size < SMALL_BYTES) return sha256Hex(blob);
  const worker = new Worker(new URL('../../workers/hash.worker.ts', import.meta.url), { type: 'module', name: 'tracewell-hash' });
  try {
    return await wrap<HashWorkerApi>(worker).sha256Hex(blob);
  } finally {
    worker.terminate();
  }
}
