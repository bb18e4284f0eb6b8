/**
 * The Digitise button: segment the upright scan (the model through the worker pool, or darkness
 * alone), then trace the layout's curves in the trace worker, and store them as one undo entry.
 * Until that last step nothing is written: cancel, or a failure, leaves the document, the kept
 * segmentation and the mask as they were. A model that cannot be used says why and leaves the
 * classical segmentation one click away (never stuck). A curve whose seed finds no ink is left out
 * (absent) while the others are kept, and a notice names it and says why.
 */
import { validateLayout } from '../core/calibration/validate';
import { traceOptionsFor, type SegmentationKind } from '../core/digitise/trace-layout';
import type { TraceJob, TraceResult, TraceStage } from '../core/digitise/job';
import type { Segmentation } from '../core/types';
import { isAbortError, SegmentError } from '../ml/errors';
import type { SegmentProgress, Segmenter } from '../ml/segmenter';
import { levelsMatchLayout } from './scan-sync';
import type { AppStore } from './store';

interface Job<T> {
  promise: Promise<T>;
  cancel(): void;
}

export interface DigitiseDeps {
  /** the model's segmenter, made once and reused; rejects with a SegmentError when it cannot be made */
  segmenter(): Promise<Segmenter>;
  tracer: { run(job: TraceJob, onStage?: (stage: TraceStage) => void): Job<TraceResult> };
}

/** Share of the progress bar the model's segmentation fills; tracing takes the rest. */
const SEGMENT_SHARE = 0.85;

const STAGE_WORDS: Record<TraceStage, string> = {
  segment: 'Segmenting by darkness (no model)',
  trace: 'Tracing the curves',
  mask: 'Preparing the mask overlay',
};

/** "Segmenting: tile 12 of 40 · about 8 s left" */
export function segmentStage(p: SegmentProgress): string {
  const eta = p.etaMs === null ? '' : p.etaMs < 1500 ? ' · about 1 s left' : ` · about ${Math.round(p.etaMs / 1000)} s left`;
  return `Segmenting: tile ${p.done} of ${p.total}${eta}`;
}

/** Why the layout cannot be digitised yet, in words; null when it can. */
export function digitiseBlocker(s: ReturnType<AppStore['getState']>): string | null {
  if (!s.scan.levels[0] || !s.doc.scan) return 'Open a scan first.';
  if (!levelsMatchLayout(s)) return 'The scan is being turned upright as the layout says; a moment.';
  const errors = validateLayout(s.doc.layout);
  if (errors.length > 0) return `Finish calibrating first: ${errors.length === 1 ? 'one field needs' : `${errors.length} fields need`} attention (${errors[0].path}: ${errors[0].message}).`;
  if (s.doc.layout.tracks.every((t) => t.curves.length === 0)) return 'Add at least one curve to a track and click its seed.';
  return null;
}

export function createDigitiser(store: AppStore, deps: DigitiseDeps) {
  let running: { cancel(): void } | null = null;
  const isCancel = (e: unknown) => isAbortError(e) || (e as Error)?.name === 'CancelledError';

  async function segmentWithModel(upright: TraceJob['upright'], signal: AbortSignal, id: string): Promise<{ seg: Segmentation; modelId: string } | null> {
    const st = store.getState();
    try {
      const segmenter = await deps.segmenter();
      st.setDigitise({ backend: segmenter.backend, modelId: segmenter.card.id, modelProblem: null });
      const seg = await segmenter.segment(upright, { signal, onProgress: (p) => store.getState().updateJob(id, (SEGMENT_SHARE * p.done) / Math.max(1, p.total), segmentStage(p)) });
      return { seg, modelId: segmenter.card.id };
    } catch (e) {
      if (isCancel(e) || signal.aborted) return null;
      const message = e instanceof SegmentError ? e.message : `${(e as Error)?.message ?? String(e)}`;
      st.setDigitise({ modelProblem: message });
      st.showNotice({ kind: 'error', title: 'The segmentation model cannot be used', message: `${message}. You can digitise without it: choose “Digitise without the model” (classical segmentation by darkness).` });
      return null;
    }
  }

  async function run(engine: SegmentationKind = store.getState().digitise.engine): Promise<boolean> {
    const s = store.getState();
    const blocker = digitiseBlocker(s);
    if (blocker) {
      s.showNotice({ kind: 'error', title: 'Cannot digitise yet', message: blocker });
      return false;
    }
    running?.cancel();
    const upright = s.scan.levels[0];
    const layout = s.doc.layout;
    const abort = new AbortController();
    let trace: Job<TraceResult> | null = null;
    const cancel = () => {
      abort.abort();
      trace?.cancel();
    };
    const mine = { cancel };
    running = mine;
    const id = s.startJob('segment', 'Digitising', cancel);
    try {
      let model: { seg: Segmentation; modelId: string } | null = null;
      if (engine === 'model') {
        model = await segmentWithModel(upright, abort.signal, id);
        if (!model) return false;
      }
      store.getState().updateJob(id, model ? SEGMENT_SHARE : null, STAGE_WORDS[model ? 'trace' : 'segment']);
      trace = deps.tracer.run({ upright, layout, segmentation: model?.seg ?? null }, (stage) => store.getState().updateJob(id, null, STAGE_WORDS[stage]));
      const r = await trace.promise;
      // only if nothing changed underneath: the same scan pixels and the same layout
      const now = store.getState();
      if (abort.signal.aborted || now.scan.levels[0] !== upright) return false;
      if (now.doc.layout !== layout) {
        now.showNotice({ kind: 'info', title: 'The calibration changed while digitising', message: 'The curves traced with the old one were not kept. Press Digitise again.' });
        return false;
      }
      keep(r, model, upright);
      return true;
    } catch (e) {
      if (!isCancel(e) && !abort.signal.aborted) {
        store.getState().showNotice({ kind: 'error', title: 'Digitising failed', message: (e as Error)?.message ?? String(e) });
      }
      return false;
    } finally {
      store.getState().endJob(id);
      if (running === mine) running = null;
    }
  }

  function keep(r: TraceResult, model: { seg: Segmentation; modelId: string } | null, upright: TraceJob['upright']): void {
    const st = store.getState();
    // the result's: the model's own segmentation went to the trace worker (transferred) and came back
    const seg = r.segmentation;
    st.updateDocument('Digitise', (d) => ({ ...d, curves: r.curves }), 'now');
    st.setScan({ traceInput: { seg, upright, options: traceOptionsFor(r.kind), kind: r.kind, modelId: model?.modelId, fill: r.fillSegmentation } });
    st.setDigitise({ maskLevels: [{ width: seg.width, height: seg.height, channels: 1, data: seg.classes }, ...r.maskLevels], reviewIndex: -1 });
    const problems = r.curves.flatMap((c) => (c.problem ? [c.problem] : []));
    const notes = r.curves.flatMap((c) => (c.note ? [c.note] : []));
    if (problems.length > 0) {
      // the other curves are kept: the user re-clicks the seed of the one left out and digitises again
      st.showNotice({ kind: 'error', title: problems.length === 1 ? 'One curve could not be traced' : `${problems.length} curves could not be traced`, message: [...problems, ...notes].join(' · ') });
    } else if (notes.length > 0) {
      st.showNotice({ kind: 'info', title: notes.length === 1 ? 'One curve needs a careful review' : `${notes.length} curves need a careful review`, message: notes.join(' · ') });
    }
  }

  return {
    run,
    cancel(): void {
      running?.cancel();
    },
  };
}

export type Digitiser = ReturnType<typeof createDigitiser>;
