/**
 * A session thumbnail made in a short-lived worker: the page copies only the head rows the
 * thumbnail reads (thumbnailHead) and hands them over; the worker averages and encodes them.
 */
import { transfer, wrap } from 'comlink';
import type { Raster } from '../core/raster';
import type { ThumbnailWorkerApi } from '../../workers/thumbnail.worker';
import { makeThumbnail, thumbnailHead } from './thumbnail';

export async function thumbnailOffThread(raster: Raster): Promise<Blob> {
  const head = thumbnailHead(raster);
  if (typeof Worker === 'undefined') return makeThumbnail(head);
  const worker = new Worker(new URL('../../workers/thumbnail.worker.ts', import.meta.url), { type: 'module', name: 'tracewell-thumbnail' });
  try {
    return await wrap<ThumbnailWorkerApi>(worker).makeThumbnail(transfer(head, [head.data.buffer]));
  } finally {
    worker.terminate();
  }
}
