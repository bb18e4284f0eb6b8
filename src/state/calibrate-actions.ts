/**
 * The calibrate step's actions on the store: auto-layout in its worker, and what a click on the
 * scan does (add a depth reference snapped to the depth line under it, set a curve's seed, or add
 * a point on a curve).
 * Positions are upright-frame scan px.
 */
import { snapDepthLine } from '../core/digitise/analyse';
import type { LayoutProposal } from '../core/layout-detect';
import type { Layout } from '../core/calibration/layout';
import { validateLayout } from '../core/calibration/validate';
import type { Raster } from '../core/raster';
import { emptyDocument } from './document';
import { addAnchor, addDepthRef, applyProposal, setSeed } from './layout-edits';
import type { PickTarget } from './steps-slice';
import type { AppStore } from './store';

interface Job<T> {
  promise: Promise<T>;
  cancel(): void;
}

export interface Analyser {
  analyse(source: Raster, layout: Pick<Layout, 'rotate' | 'deskew'>): Job<LayoutProposal>;
}

export function createAutoLayout(store: AppStore, analyser: Analyser) {
  let current: Job<LayoutProposal> | null = null;

  /**
   * Propose deskew, tracks and depth lines. The proposal is applied (one undo entry) when the
   * layout has no tracks yet; otherwise it is kept for snapping and for "Use the proposed tracks".
   */
  async function run(): Promise<LayoutProposal | null> {
    const s = store.getState();
    const source = s.scan.source;
    if (!source || !s.doc.scan) return null;
    current?.cancel();
    const job = analyser.analyse(source, { rotate: s.doc.layout.rotate, deskew: 'auto' });
    current = job;
    s.setCalibrate({ analysing: true, analyseError: null });
    try {
      const proposal = await job.promise;
      const now = store.getState();
      if (now.scan.source !== source) return null; // another scan was opened meanwhile
      now.setCalibrate({ proposal });
      if (now.doc.layout.tracks.length === 0 && proposal.tracks.length > 0) {
        now.updateDocument(`Auto-layout (${proposal.tracks.length} tracks, deskew ${proposal.deskew}°)`, applyProposal(proposal));
      }
      return proposal;
    } catch (e) {
      if ((e as Error)?.name !== 'CancelledError') store.getState().setCalibrate({ analyseError: (e as Error)?.message ?? String(e) });
      return null;
    } finally {
      if (current === job) {
        current = null;
        store.getState().setCalibrate({ analysing: false });
      }
    }
  }

  return {
    run,
    cancel: () => current?.cancel(),
    /** Apply the kept proposal's deskew and track edges (one undo entry). */
    useProposal(): void {
      const p = store.getState().calibrate.proposal;
      if (p) store.getState().updateDocument('Use the proposed tracks', applyProposal(p));
    },
  };
}

export type AutoLayout = ReturnType<typeof createAutoLayout>;

/**
 * The row of the depth line nearest a click at (x, y): a line the auto-layout found within
 * `radius` px (when the proposal is in the frame on screen), else a line found in the pixels there,
 * else the click itself.
 */
export function depthLineAt(store: AppStore, x: number, y: number, radius: number): number {
  const s = store.getState();
  const { proposal } = s.calibrate;
  const deskew = s.doc.layout.deskew;
  if (proposal && deskew !== 'auto' && Math.abs(proposal.deskew - deskew) < 1e-6) {
    let best: number | null = null;
    for (const l of proposal.depthLines) if (Math.abs(l.y - y) <= radius && (best === null || Math.abs(l.y - y) < Math.abs(best - y))) best = l.y;
    if (best !== null) return best;
  }
  const upright = s.scan.levels[0];
  if (!upright) return y;
  const tracks = s.doc.layout.tracks;
  const track = tracks.find((t) => x >= t.x0 && x <= t.x1) ?? tracks[0];
  const span = track ?? { x0: 0, x1: upright.width };
  return snapDepthLine(upright, y, span.x0, span.x1, { radius }) ?? y;
}

/** Arm (or, with null, end) what the next click on the scan does; a refusal of the last click is forgotten. */
export function setPick(store: AppStore, pick: PickTarget | null): void {
  store.getState().setCalibrate({ pick, pickProblem: null });
}

type PickResult = { kind: 'depth'; ref: number } | { kind: 'seed' } | { kind: 'anchor'; added: boolean };

/** A click on the scan while a pick is armed; returns what it did (for focus), or null. */
export function pickAt(store: AppStore, x: number, y: number, radius: number): PickResult | null {
  const s = store.getState();
  const pick = s.calibrate.pick;
  if (!pick) return null;
  if (pick.kind === 'anchor') return { kind: 'anchor', added: addAnchorAt(store, pick.track, pick.curve, round1(x), round1(y)) };
  setPick(store, null);
  if (pick.kind === 'depth') {
    const row = Math.round(depthLineAt(store, x, y, radius) * 100) / 100;
    s.updateDocument('Add a depth reference', addDepthRef(row));
    return { kind: 'depth', ref: store.getState().doc.layout.depth.refs.length - 1 };
  }
  const curve = s.doc.layout.tracks[pick.track]?.curves[pick.curve];
  if (!curve) return null;
  s.updateDocument(`Set the seed of ${curve.mnemonic || `curve ${pick.curve + 1}`}`, setSeed(pick.track, pick.curve, round1(x), round1(y)));
  return { kind: 'seed' };
}

/**
 * Add a point on curve c of track t at (x, y) upright px (not snapped: the seed click is not
 * either), one undo entry; or refuse it, with the reason in calibrate.pickProblem, when the point
 * would make the layout invalid (outside the track, on a row the curve already has a point on).
 * Adding stays armed either way.
 */
function addAnchorAt(store: AppStore, t: number, c: number, x: number, y: number): boolean {
  const s = store.getState();
  const track = s.doc.layout.tracks[t];
  const curve = track?.curves[c];
  if (!track || !curve) return false;
  const problem = anchorProblem(s.doc.layout, t, c, x, y);
  if (problem) {
    s.setCalibrate({ pickProblem: problem });
    return false;
  }
  s.setCalibrate({ pickProblem: null });
  s.updateDocument(`Add a point on ${curve.mnemonic || `curve ${c + 1}`}`, addAnchor(t, c, x, y));
  return true;
}

/** Why a point at (x, y) cannot go on curve c of track t, in words, or null when it can. */
export function anchorProblem(layout: Layout, t: number, c: number, x: number, y: number): string | null {
  const track = layout.tracks[t];
  if (x < track.x0 || x > track.x1) {
    return `Point not added: x ${x.toFixed(1)} px is outside track ${t + 1} (x ${track.x0.toFixed(1)}–${track.x1.toFixed(1)} px). Click this curve's own line inside its track.`;
  }
  // the rest is validateLayout's to say (one point per row, not on the seed's row): the problems
  // the point would add to this curve's points
  const path = `tracks[${t}].curves[${c}].anchors`;
  const under = (l: Layout) => validateLayout(l).filter((e) => e.path.startsWith(path)).map((e) => e.message);
  const before = new Set(under(layout));
  const added = under(addAnchor(t, c, x, y)({ ...emptyDocument(), layout }).layout).filter((m) => !before.has(m));
  return added.length > 0 ? `Point not added: ${added[0]}.` : null;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
