/**
 * Keeps the display levels in step with the document's rotation and deskew: rotating, deskewing (or
 * undoing either) changes layout.rotate / layout.deskew; this rebuilds the upright pyramid in the
 * worker — the same pixels the digitise pipeline reads (prepareUpright) — and swaps it in. Layout
 * coordinates refer to that frame, so what is drawn over the scan lands where it was read. The
 * previous levels stay on screen until the new ones arrive.
 */
import type { UprightLevels } from '../io/decode/service';
import { rotationOf, turnsOf } from './document';
import type { ScanDecoder } from './load';
import type { AppStore } from './store';

interface Want {
  turns: number;
  deskew: number | 'auto';
}

const same = (a: Want, b: Want) => a.turns === b.turns && a.deskew === b.deskew;

export function startScanSync(store: AppStore, decoder: ScanDecoder): () => void {
  let running: { cancel(): void; want: Want } | null = null;

  const wanted = (): Want => {
    const { layout } = store.getState().doc;
    return { turns: turnsOf(layout.rotate), deskew: layout.deskew };
  };

  async function sync(): Promise<void> {
    const { doc, scan } = store.getState();
    if (!scan.source || !doc.scan) return;
    const want = wanted();
    if (same(want, { turns: scan.turns, deskew: scan.deskewFor }) || (running && same(running.want, want))) return;
    running?.cancel();
    const source = scan.source;
    let job: { cancel(): void; promise: Promise<UprightLevels> } | null = null;
    const label = want.turns !== scan.turns ? 'Rotating the scan' : 'Straightening the scan';
    const id = store.getState().startJob('rotate', label, () => job?.cancel());
    running = { cancel: () => job?.cancel(), want };
    job = decoder.upright(source, { rotate: rotationOf(want.turns), deskew: want.deskew }, (p) => store.getState().updateJob(id, p.fraction, p.stage === 'pyramid' ? 'Building zoom levels' : 'Turning'));
    try {
      const { levels, deskew } = await job.promise;
      // Unturned and unskewed, level 0 is the source itself: keep one copy of the full-resolution pixels, not two.
      if (want.turns === 0 && deskew === 0 && levels[0].width === source.width && levels[0].height === source.height) levels[0] = source;
      // Only if the scan is still the one we turned (a new file may have been opened meanwhile).
      if (store.getState().scan.source === source) store.getState().setScan({ levels, turns: want.turns, deskewFor: want.deskew, deskew });
    } catch (e) {
      if ((e as Error)?.name !== 'CancelledError') {
        store.getState().showNotice({ kind: 'error', title: 'Could not turn the scan upright', message: (e as Error)?.message ?? String(e) });
      }
    } finally {
      store.getState().endJob(id);
      if (running && same(running.want, want)) running = null;
      // The layout may have changed again while this one ran (never retry a failure blindly).
      if (!same(wanted(), want)) void sync();
    }
  }

  return store.subscribe((s, prev) => {
    const l = s.doc.layout;
    const p = prev.doc.layout;
    if (l.rotate !== p.rotate || l.deskew !== p.deskew || s.scan.source !== prev.scan.source) void sync();
  });
}

/** True when the display levels are the upright frame the layout describes (not being rebuilt). */
export function levelsMatchLayout(s: ReturnType<AppStore['getState']>): boolean {
  const { layout } = s.doc;
  return s.scan.levels.length > 0 && s.scan.turns === turnsOf(layout.rotate) && s.scan.deskewFor === layout.deskew;
}

