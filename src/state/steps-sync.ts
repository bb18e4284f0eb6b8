/**
 * Keeps the step state in step with the scan: a newly opened scan (or a restored session) starts
 * with no auto-layout proposal, no mask and no review position; new display levels (another deskew
 * or rotation) drop the mask, which was made in the old frame; a click target left armed when the
 * user leaves the calibrate step is disarmed.
 */
import type { AppStore } from './store';

export function startStepsSync(store: AppStore): () => void {
  return store.subscribe((s, prev) => {
    if (s.scan.source !== prev.scan.source) s.resetSteps();
    else if (s.scan.levels !== prev.scan.levels && s.digitise.maskLevels.length > 0) s.setDigitise({ maskLevels: [], reviewIndex: -1 });
    if (s.view.step !== 'calibrate' && s.calibrate.pick) s.setCalibrate({ pick: null, pickProblem: null });
  });
}
