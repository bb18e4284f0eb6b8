/**
 * Keeps the step state in step with the scan: a newly opened scan (or a restored session) starts
 * with no auto-layout proposal, no mask and no review position; new display levels (another deskew
 * or rotation) drop the mask, which was made in the old frame; a click target left armed when the
 * user leaves the calibrate step is disarmed, and so is one aimed at a curve by its place when
 * curves or tracks are added or removed (the place may now hold another curve: adding points stays
 * armed across many clicks, and must not drift onto a neighbour).
 */
import type { Layout } from '../core/calibration/layout';
import type { AppStore } from './store';

export function startStepsSync(store: AppStore): () => void {
  return store.subscribe((s, prev) => {
    if (s.scan.source !== prev.scan.source) s.resetSteps();
    else if (s.scan.levels !== prev.scan.levels && s.digitise.maskLevels.length > 0) s.setDigitise({ maskLevels: [], reviewIndex: -1 });
    const pick = s.calibrate.pick;
    if (!pick) return;
    const curveMoved = pick.kind !== 'depth' && s.doc.layout.tracks !== prev.doc.layout.tracks && shape(s.doc.layout) !== shape(prev.doc.layout);
    if (s.view.step !== 'calibrate' || curveMoved) s.setCalibrate({ pick: null, pickProblem: null });
  });
}

/** "3,2": the number of curves of each track. */
const shape = (l: Layout) => l.tracks.map((t) => t.curves.length).join(',');
