/**
 * The calibration in words for LAS ~O: how the scan was turned, how depth was fitted (with its
 * residuals) and each track's edges and scales — enough to check or redo the reading later.
 * Plain ASCII (LAS headers are ASCII): "deg", "to", "-".
 */
import { depthMap } from '../calibration/depth-map.ts';
import { resolveFit } from '../calibration/validate.ts';
import type { CurveSpec, Layout } from '../calibration/layout.ts';

const fmt = (v: number, decimals: number) => (Object.is(Number(v.toFixed(decimals)), -0) ? 0 : Number(v.toFixed(decimals))).toString();

/** `appliedDeskew`: the angle used (resolved when the layout says 'auto'). */
export function calibrationSummary(layout: Layout, appliedDeskew?: number): string[] {
  const lines: string[] = [];
  const deskew = layout.deskew === 'auto'
    ? appliedDeskew !== undefined ? `${fmt(appliedDeskew, 3)} deg (estimated from the grid lines)` : 'estimated from the grid lines'
    : `${fmt(layout.deskew, 3)} deg`;
  lines.push(`scan turned ${layout.rotate} deg clockwise, then deskewed by ${deskew}`);
  lines.push(depthLine(layout));
  layout.tracks.forEach((t, i) => {
    const curves = t.curves.map(curveText).join('; ');
    lines.push(`track ${i + 1}: x ${fmt(t.x0, 1)} to ${fmt(t.x1, 1)} px${curves ? `; ${curves}` : ''}`);
  });
  return lines;
}

function depthLine(layout: Layout): string {
  const { refs, unit } = layout.depth;
  const map = depthMap(layout.depth);
  const fit = resolveFit(layout.depth);
  const refsText = refs.map((r) => `y ${fmt(r.y, 1)} px = ${r.depth} ${unit}`).join(', ');
  const rms = Math.sqrt(map.residuals.reduce((s, r) => s + r * r, 0) / Math.max(1, map.residuals.length));
  const worst = Math.max(0, ...map.residuals.map(Math.abs));
  const kind = fit === 'linear' ? 'least-squares line' : 'piecewise-linear';
  const resid = fit === 'linear' ? 'residuals' : 'leave-one-out residuals';
  const scale = fit === 'linear' ? `; ${fmt(Math.abs(map.yAt(refs[0].depth + 1) - map.yAt(refs[0].depth)), 3)} px per ${unit}` : '';
  return `depth: ${kind} through ${refs.length} refs (${refsText}), ${resid} rms ${fmt(rms, 3)} ${unit}, largest ${fmt(worst, 3)} ${unit}${scale}`;
}

function curveText(c: CurveSpec): string {
  const extras = [c.scale, c.left > c.right ? 'reversed' : '', c.wrap ? 'backup scales' : '', c.style ?? ''].filter(Boolean).join(', ');
  return `${c.mnemonic} ${c.left} to ${c.right} ${c.unit} (${extras})`;
}
