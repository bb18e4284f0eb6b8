/**
 * Checking typed depth references for typos. A printed depth scale is straight (paper stretch bends
 * it by far less than a mistyped digit), so each reference is compared with a straight line:
 *  - the residual shown per reference: its depth minus the least-squares line through all of them;
 *  - with four or more, the suspect is the reference whose removal leaves the others closest to a
 *    line, when it is itself farther from that line than the tolerance (an extrapolated line
 *    through a typo can miss a good end reference by more than the typo itself, so the distance
 *    alone would blame the wrong one);
 *  - with three, a typo shows as the three not lining up, but any one of them could be the culprit
 *    (three points have a single degree of freedom): the check says so and asks for a fourth.
 * Depths in the layout's unit, rows in px of the upright scan.
 */
import { leastSquaresLine } from '../../core/calibration/depth-map';
import type { DepthRef } from '../../core/calibration/layout';

export interface RefCheck {
  /** per reference: depth minus the least-squares line through all references */
  residuals: number[];
  /** the reference that is most likely mistyped (≥ 4 references), or null */
  suspect: number | null;
  /** with exactly three references that do not line up: how far off the worst is; else null */
  misfit: number | null;
}

/** The least-squares line depth(y) through the references (flat when they all sit on one row). */
export function lineThrough(refs: readonly DepthRef[]): (y: number) => number {
  const { ym, dm, slope } = leastSquaresLine(refs);
  const k = Number.isFinite(slope) ? slope : 0;
  return (y) => dm + k * (y - ym);
}

/** `tolerance`: a residual larger than this (depth units) is worth a look. */
export function checkRefs(refs: readonly DepthRef[], tolerance: number): RefCheck | null {
  if (refs.length < 3 || refs.some((r) => !Number.isFinite(r.depth) || !Number.isFinite(r.y))) return null;
  const all = lineThrough(refs);
  const residuals = refs.map((r) => r.depth - all(r.y));
  if (refs.length === 3) {
    const worst = Math.max(...residuals.map(Math.abs));
    return { residuals, suspect: null, misfit: worst > tolerance ? worst : null };
  }
  let best = { i: -1, rest: Infinity, own: 0 };
  refs.forEach((r, i) => {
    const others = refs.filter((_, j) => j !== i);
    const line = lineThrough(others);
    const rest = others.reduce((s, o) => s + (o.depth - line(o.y)) ** 2, 0);
    if (rest < best.rest) best = { i, rest, own: Math.abs(r.depth - line(r.y)) };
  });
  return { residuals, suspect: best.own > tolerance ? best.i : null, misfit: null };
}
