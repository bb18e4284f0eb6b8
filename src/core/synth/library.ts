/**
 * The curve library: short runs of real log values (from openly licensed LAS files, converted to the
 * generator's canonical unit per kind), used instead of the bed model for some curves so that the
 * model sees real curve texture. Built by scripts/build-curve-library.ts; sources and licences are
 * listed inside the library file.
 */
import type { KindId } from './curve-kinds.ts';
import type { Rng } from './prng.ts';
import { smooth } from './geology.ts';

export interface LibraryCurve {
  kind: KindId;
  mnemonic: string;
  /** canonical unit of the kind (as in CURVE_KINDS) */
  unit: string;
  /** index into CurveLibrary.sources */
  source: number;
  /** sample step of `values` in feet (metre files converted), for realistic stretching */
  stepFt: number;
  /** values in `unit`, null = no data */
  values: (number | null)[];
}

export interface CurveLibrary {
  format: 'tracewell-curve-library/1';
  sources: { file: string; licence: string; attribution: string }[];
  curves: LibraryCurve[];
}

/** Check the shape of a parsed library file; throws a message naming the problem. */
export function checkLibrary(lib: unknown): CurveLibrary {
  const l = lib as CurveLibrary;
  if (!l || l.format !== 'tracewell-curve-library/1') throw new Error('curve library: format must be "tracewell-curve-library/1"');
  if (!Array.isArray(l.curves) || !Array.isArray(l.sources)) throw new Error('curve library: needs "sources" and "curves" arrays');
  l.curves.forEach((c, i) => {
    if (!Array.isArray(c.values) || c.values.length < 50) throw new Error(`curve library: curves[${i}] needs at least 50 values`);
    if (!(c.stepFt > 0)) throw new Error(`curve library: curves[${i}].stepFt must be > 0`);
  });
  return l;
}

/** Fill nulls by linear interpolation (ends held), so a stretched run has no holes. */
function filled(values: readonly (number | null)[]): Float64Array {
  const out = new Float64Array(values.length).fill(Number.NaN);
  values.forEach((v, i) => { if (v !== null && Number.isFinite(v)) out[i] = v; });
  let last = -1;
  for (let i = 0; i < out.length; i++) {
    if (Number.isNaN(out[i])) continue;
    if (last < 0) out.fill(out[i], 0, i);
    else for (let k = last + 1; k < i; k++) out[k] = out[last] + ((out[i] - out[last]) * (k - last)) / (i - last);
    last = i;
  }
  if (last >= 0) out.fill(out[last], last + 1);
  return out;
}

/**
 * `n` values of `kind` on a grid of `stepFt` feet per sample, cut from a random library curve with
 * a random start and a stretch of 0.6–1.6; runs shorter than needed are mirrored end to end.
 * Returns null when the library has no curve of that kind.
 */
export function libraryValues(rng: Rng, lib: CurveLibrary, kind: KindId, n: number, stepFt: number): Float64Array | null {
  const pool = lib.curves.filter((c) => c.kind === kind);
  if (pool.length === 0) return null;
  const curve = rng.pick(pool);
  const src = filled(curve.values);
  if (Number.isNaN(src[0])) return null;
  const stretch = rng.range(0.6, 1.6);
  const srcStepFt = curve.stepFt;
  const perSample = stepFt / (srcStepFt * stretch); // source samples per output sample
  // low-pass before decimating, as the logging tool's vertical response would (no aliasing noise)
  if (perSample > 1.5) smooth(src, perSample);
  const m = src.length;
  const pos = rng.float() * m;
  const dir = rng.chance(0.5) ? 1 : -1;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // mirror-extend: position p on an infinite ping-pong over [0, m-1]
    const period = 2 * (m - 1);
    let p = (pos + dir * i * perSample) % period;
    if (p < 0) p += period;
    if (p > m - 1) p = period - p;
    const k = Math.min(m - 2, Math.floor(p));
    const f = p - k;
    out[i] = src[k] * (1 - f) + src[k + 1] * f;
  }
  return out;
}
