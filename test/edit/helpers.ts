/** Small traced curves for the edit tests: x = f(row centre) on rows [y0, y0 + n). */
import type { TracedCurve } from '../../src/core/types.ts';

export function curveOf(f: (y: number) => number, y0: number, n: number, extra: Partial<TracedCurve> = {}): TracedCurve {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = f(y0 + i + 0.5);
  return { track: 0, curve: 0, y0, x, confidence: new Float32Array(n).fill(0.6), ...extra };
}

/** Indices where two arrays differ (Object.is, so NaN equals NaN). */
export function changed(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (!Object.is(a[i], b[i])) out.push(i);
  return out;
}
