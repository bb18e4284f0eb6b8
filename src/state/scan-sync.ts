/**
 * Keeps the display levels in step with the document's rotation: rotating (or undoing a rotation)
 * changes layout.rotate; this rebuilds the upright pyramid in the worker and swaps it in. The
 * previous levels stay on screen until the new ones arrive.
 */
import type { Raster } from '../core/raster';
import { turnsOf } from './document';
import type { ScanDecoder } from './load';
import type { AppStore } from './store';

export function startScanSync(store: AppStore, decoder: ScanDecoder): () => void {
  let running: { cancel(): void; turns: number } | null = null;

  async function sync(): Promise<void> {
    const { doc, scan } = store.getState();
    if (!scan.source || !doc.scan) return;
    const want = turnsOf(doc.layout.rotate);
    if (want === scan.turns || running?.turns === want) return;
    running?.cancel();
    const source = scan.source;
    let job: { cancel(): void; promise: Promise<Raster[]> } | null = null;
    const id = store.getState().startJob('rotate', 'Rotating the scan', () => job?.cancel());
    running = { cancel: () => job?.cancel(), turns: want };
    job = decoder.view(source, want, (p) => store.getState().updateJob(id, p.fraction, 'Rotating'));
    try {
      const levels = await job.promise;
      // Unrotated, level 0 is the source itself: keep one copy of the full-resolution pixels, not two.
      if (want === 0 && levels[0].width === source.width && levels[0].height === source.height) levels[0] = source;
      // Only if the scan is still the one we rotated (a new file may have been opened meanwhile).
      if (store.getState().scan.source === source) store.getState().setScan({ levels, turns: want });
    } catch (e) {
      if ((e as Error)?.name !== 'CancelledError') {
        store.getState().showNotice({ kind: 'error', title: 'Could not rotate the scan', message: (e as Error)?.message ?? String(e) });
      }
    } finally {
      store.getState().endJob(id);
      if (running?.turns === want) running = null;
      // The rotation may have changed again while this one ran (never retry a failure blindly).
      if (turnsOf(store.getState().doc.layout.rotate) !== want) void sync();
    }
  }

  return store.subscribe((s, prev) => {
    if (s.doc.layout.rotate !== prev.doc.layout.rotate || s.scan.source !== prev.scan.source) void sync();
  });
}
