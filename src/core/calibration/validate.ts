/**
 * The meaning checks of a layout: ranges, orderings and scales that make the maps well defined
 * and invertible. Works on a typed Layout (from parseLayout, or built by the UI), so it re-checks
 * what types cannot promise at run time: finite numbers and the allowed words.
 */
import { describeValue, indexPath, joinPath, type LayoutError } from './errors';
import type { CurveSpec, DepthSpec, Layout, TrackSpec } from './layout';
import { CURRENT_LAYOUT_VERSION } from './migrate';

export const ROTATIONS = [0, 90, 180, 270] as const;
export const DEPTH_UNITS = ['M', 'FT'] as const;
export const SCALE_KINDS = ['linear', 'log'] as const;
export const LINE_STYLES = ['solid', 'broken'] as const;
export const BACKUP_SIDES = ['right', 'left', 'both'] as const;
export const DEPTH_FITS = ['auto', 'linear', 'piecewise'] as const;
/** Larger tilts are not skew but a wrong `rotate`, or a scan the user should redo. */
export const MAX_DESKEW_DEG = 5;

/** Every meaning error in the layout; [] when it is valid. */
export function validateLayout(layout: Layout): LayoutError[] {
  const errors: LayoutError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  if (layout.version !== CURRENT_LAYOUT_VERSION) {
    add('version', `unknown layout version ${describeValue(layout.version)}; expected ${CURRENT_LAYOUT_VERSION}`);
  }
  if (!(ROTATIONS as readonly number[]).includes(layout.rotate)) {
    add('rotate', `unknown rotate ${describeValue(layout.rotate)}; use 0, 90, 180 or 270 (degrees clockwise)`);
  }
  checkDeskew(layout.deskew, add);
  if (!layout.depth || typeof layout.depth !== 'object') add('depth', 'missing the depth references {"unit", "refs"}');
  else errors.push(...depthSpecErrors(layout.depth, 'depth'));
  if (!isFiniteNumber(layout.step) || layout.step <= 0) {
    add('step', `the depth step must be a number greater than 0, not ${describeValue(layout.step)}`);
  }
  for (const [key, value] of Object.entries(layout.well ?? {})) {
    if (typeof value !== 'string') add(joinPath('well', key), `must be a string, not ${describeValue(value)}`);
  }
  if (!Array.isArray(layout.tracks)) add('tracks', 'must be a list of tracks');
  else layout.tracks.forEach((t, i) => errors.push(...trackErrors(t, indexPath('tracks', i))));
  return errors;
}

function checkDeskew(deskew: unknown, add: (path: string, message: string) => void): void {
  if (deskew === 'auto') return;
  if (!isFiniteNumber(deskew)) {
    add('deskew', `must be a finite number of degrees or "auto", not ${describeValue(deskew)}`);
  } else if (Math.abs(deskew) > MAX_DESKEW_DEG) {
    add(
      'deskew',
      `${deskew}° is more than ${MAX_DESKEW_DEG}° of skew; turn the scan with "rotate" (90° steps) and keep deskew for small tilts`,
    );
  }
}

/** Which fit a depth spec resolves to: 'auto' is linear for 2 refs, piecewise for 3 or more. */
export function resolveFit(spec: DepthSpec): 'linear' | 'piecewise' {
  const fit = spec.fit ?? 'auto';
  if (fit === 'auto') return spec.refs.length >= 3 ? 'piecewise' : 'linear';
  return fit;
}

/**
 * Errors that make a depth map impossible or not invertible. Shared by validateLayout and depthMap.
 * `base` is the path of the spec in the layout ('depth').
 */
export function depthSpecErrors(spec: DepthSpec, base: string): LayoutError[] {
  const errors: LayoutError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  if (!(DEPTH_UNITS as readonly string[]).includes(spec.unit)) {
    add(joinPath(base, 'unit'), `unknown depth unit ${describeValue(spec.unit)}; use "M" or "FT"`);
  }
  if (spec.fit !== undefined && !(DEPTH_FITS as readonly string[]).includes(spec.fit)) {
    add(joinPath(base, 'fit'), `unknown fit ${describeValue(spec.fit)}; use "auto", "linear" or "piecewise"`);
  }
  for (const key of ['top', 'bottom'] as const) {
    const v = spec[key];
    if (v !== undefined && !isFiniteNumber(v)) add(joinPath(base, key), `must be a finite depth, not ${describeValue(v)}`);
  }
  if (spec.top !== undefined && spec.top === spec.bottom) add(joinPath(base, 'bottom'), 'must differ from top');
  const refsPath = joinPath(base, 'refs');
  if (!Array.isArray(spec.refs) || spec.refs.length < 2) {
    const n = Array.isArray(spec.refs) ? spec.refs.length : 0;
    add(refsPath, `needs at least two depth references (a row y and its depth), found ${n}`);
    return errors;
  }
  const before = errors.length;
  refErrors(spec, refsPath, add);
  if (errors.length === before) orderErrors(spec, refsPath, add);
  return errors;
}

/** Finite numbers, rows not negative, and no two refs on one row. */
function refErrors(spec: DepthSpec, refsPath: string, add: (p: string, m: string) => void): void {
  const rowOwner = new Map<number, number>();
  spec.refs.forEach((ref, i) => {
    const path = indexPath(refsPath, i);
    if (!isFiniteNumber(ref.y) || ref.y < 0) add(joinPath(path, 'y'), `must be a row ≥ 0 px, not ${describeValue(ref.y)}`);
    if (!isFiniteNumber(ref.depth)) add(joinPath(path, 'depth'), `must be a finite depth, not ${describeValue(ref.depth)}`);
    const other = rowOwner.get(ref.y);
    if (other !== undefined) {
      add(joinPath(path, 'y'), `same row (y ${ref.y}) as ${indexPath(refsPath, other)}; each reference needs its own row`);
    } else rowOwner.set(ref.y, i);
  });
}

/** Depth must change down the scan, and for a piecewise fit change steadily (else no inverse). */
function orderErrors(spec: DepthSpec, refsPath: string, add: (p: string, m: string) => void): void {
  const order = spec.refs.map((_, i) => i).sort((a, b) => spec.refs[a].y - spec.refs[b].y);
  const first = spec.refs[order[0]].depth;
  const last = spec.refs[order[order.length - 1]].depth;
  if (spec.refs.every((r) => r.depth === first)) {
    add(refsPath, `all depth references have the same depth (${first}); depth must change down the scan`);
    return;
  }
  if (resolveFit(spec) === 'linear') {
    if (covariance(spec.refs) === 0) add(refsPath, 'the depths do not change with y on the whole, so no line fits them; is one a typo?');
    return;
  }
  const sign = Math.sign(last - first);
  for (let k = 1; k < order.length; k++) {
    const a = spec.refs[order[k - 1]];
    const b = spec.refs[order[k]];
    if (Math.sign(b.depth - a.depth) !== sign) {
      const trend = sign > 0 ? 'increase' : 'decrease';
      add(
        joinPath(indexPath(refsPath, order[k]), 'depth'),
        `depth ${b.depth} at y ${b.y} breaks the order of the references (previous: ${a.depth} at y ${a.y}); ` +
          `for a piecewise fit depths must ${trend} strictly down the scan — is it a typo?`,
      );
      return;
    }
  }
}

/** Σ(y − ȳ)(depth − d̄): the least-squares slope is this over Σ(y − ȳ)², so 0 means no line. */
function covariance(refs: DepthSpec['refs']): number {
  const ym = refs.reduce((s, r) => s + r.y, 0) / refs.length;
  const dm = refs.reduce((s, r) => s + r.depth, 0) / refs.length;
  return refs.reduce((s, r) => s + (r.y - ym) * (r.depth - dm), 0);
}

function trackErrors(track: TrackSpec, path: string): LayoutError[] {
  const errors: LayoutError[] = [];
  const add = (p: string, m: string) => errors.push({ path: p, message: m });
  const { x0, x1 } = track;
  if (!isFiniteNumber(x0) || x0 < 0) add(joinPath(path, 'x0'), `must be a column ≥ 0 px, not ${describeValue(x0)}`);
  if (!isFiniteNumber(x1)) add(joinPath(path, 'x1'), `must be a finite column in px, not ${describeValue(x1)}`);
  else if (isFiniteNumber(x0) && x1 <= x0) {
    add(joinPath(path, 'x1'), `the right edge (${x1}) must be greater than the left edge x0 (${x0})`);
  }
  if (!Array.isArray(track.curves)) add(joinPath(path, 'curves'), 'must be a list of curves');
  else track.curves.forEach((c, i) => errors.push(...curveErrors(c, track, indexPath(joinPath(path, 'curves'), i))));
  return errors;
}

function curveErrors(curve: CurveSpec, track: TrackSpec, path: string): LayoutError[] {
  const errors: LayoutError[] = [];
  const add = (key: string, m: string) => errors.push({ path: joinPath(path, key), message: m });
  if (typeof curve.mnemonic !== 'string' || curve.mnemonic.trim() === '') add('mnemonic', 'must be a non-empty name such as "GR"');
  if (typeof curve.unit !== 'string') add('unit', `must be a string ("" when unitless), not ${describeValue(curve.unit)}`);
  if (!(SCALE_KINDS as readonly string[]).includes(curve.scale)) {
    add('scale', `unknown scale ${describeValue(curve.scale)}; use "linear" or "log"`);
  }
  const { left, right } = curve;
  if (!isFiniteNumber(left)) add('left', `must be a finite value, not ${describeValue(left)}`);
  if (!isFiniteNumber(right)) add('right', `must be a finite value, not ${describeValue(right)}`);
  else if (left === right) add('right', `equals left (${left}); a scale needs two different edge values`);
  if (curve.scale === 'log') {
    if (isFiniteNumber(left) && left <= 0) add('left', `a log scale needs bounds > 0, not ${left}`);
    if (isFiniteNumber(right) && right <= 0) add('right', `a log scale needs bounds > 0, not ${right}`);
  }
  seedErrors(curve, track, add);
  anchorErrors(curve, track, add);
  if (typeof curve.wrap !== 'boolean') add('wrap', `must be true or false, not ${describeValue(curve.wrap)}`);
  if (curve.backup !== undefined && !(BACKUP_SIDES as readonly string[]).includes(curve.backup)) {
    add('backup', `unknown backup side ${describeValue(curve.backup)}; use "right", "left" or "both"`);
  }
  if (curve.style !== undefined && !(LINE_STYLES as readonly string[]).includes(curve.style)) {
    add('style', `unknown line style ${describeValue(curve.style)}; use "solid" or "broken"`);
  }
  return errors;
}

function seedErrors(curve: CurveSpec, track: TrackSpec, add: (key: string, m: string) => void): void {
  const seed = curve.seed;
  if (!seed || typeof seed !== 'object') {
    add('seed', 'must be a point {"x": …, "y": …} on the curve');
    return;
  }
  if (!isFiniteNumber(seed.y) || seed.y < 0) add('seed.y', `must be a row ≥ 0 px, not ${describeValue(seed.y)}`);
  if (!isFiniteNumber(seed.x)) add('seed.x', `must be a finite column in px, not ${describeValue(seed.x)}`);
  else if (isFiniteNumber(track.x0) && isFiniteNumber(track.x1) && (seed.x < track.x0 || seed.x > track.x1)) {
    add('seed.x', `the seed (x ${seed.x}) lies outside its track (x ${track.x0}–${track.x1})`);
  }
}

function anchorErrors(curve: CurveSpec, track: TrackSpec, add: (key: string, m: string) => void): void {
  if (curve.anchors === undefined) return;
  if (!Array.isArray(curve.anchors)) {
    add('anchors', 'must be a list of points {"x": …, "y": …} on the curve');
    return;
  }
  const rows = new Set<number>();
  curve.anchors.forEach((a, i) => {
    const key = `anchors[${i}]`;
    if (!a || typeof a !== 'object') return add(key, 'must be a point {"x": …, "y": …} on the curve');
    if (!isFiniteNumber(a.y) || a.y < 0) add(`${key}.y`, `must be a row ≥ 0 px, not ${describeValue(a.y)}`);
    if (!isFiniteNumber(a.x)) add(`${key}.x`, `must be a finite column in px, not ${describeValue(a.x)}`);
    else if (isFiniteNumber(track.x0) && isFiniteNumber(track.x1) && (a.x < track.x0 || a.x > track.x1)) {
      add(`${key}.x`, `the point (x ${a.x}) lies outside its track (x ${track.x0}–${track.x1})`);
    }
    // one point per row: two on a row would ask the curve to be in two places at once
    const row = Math.floor(a.y);
    if (isFiniteNumber(a.y) && (rows.has(row) || (curve.seed && Math.floor(curve.seed.y) === row))) {
      add(`${key}.y`, `row ${row} already has a point of this curve (its seed or another point)`);
    }
    rows.add(row);
  });
}

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
