/** Least-squares line through (y, u) samples: [value at y, slope]; null with fewer than 3 samples. */
export function lineFit(s: { y: number[]; u: number[] }, y: number): [number, number] | null {
  const n = s.y.length;
  if (n < 3) return null;
  // samples as (y from the asked row, u): the line's value there is its intercept
  const sums = new PowerSums();
  for (let i = 0; i < n; i++) sums.add(s.y[i] - y, s.u[i]);
  return lineOfSums(sums) ?? [sums.v / n, 0];
}

/** Running sums of samples (w, v) for a least-squares parabola v = a + b·w + c·w² (parabolaFit). */
export class PowerSums {
  n = 0; w1 = 0; w2 = 0; w3 = 0; w4 = 0; v = 0; wv = 0; w2v = 0;
  /** one sample, counted `k` times (a weight) */
  add(w: number, v: number, k = 1): void {
    const w2 = w * w;
    this.n += k; this.w1 += k * w; this.w2 += k * w2; this.w3 += k * w2 * w; this.w4 += k * w2 * w2;
    this.v += k * v; this.wv += k * w * v; this.w2v += k * w2 * v;
  }
}

/** The least-squares line through the samples, [a, b] of v = a + b·w; null when the w do not spread. */
export function lineOfSums(s: PowerSums): [number, number] | null {
  const det = s.n * s.w2 - s.w1 * s.w1;
  if (!(s.n > 0) || !(det > 1e-9 * s.n * s.n)) return null;
  const b = (s.n * s.wv - s.w1 * s.v) / det;
  return [(s.v - b * s.w1) / s.n, b];
}

/** The least-squares parabola through the samples, [a, b, c] of v = a + b·w + c·w²; null when singular. */
export function parabolaFit(s: PowerSums): [number, number, number] | null {
  // normal equations, solved by Cramer's rule
  const m = [s.n, s.w1, s.w2, s.w1, s.w2, s.w3, s.w2, s.w3, s.w4];
  const det3 = (q: number[]) =>
    q[0] * (q[4] * q[8] - q[5] * q[7]) - q[1] * (q[3] * q[8] - q[5] * q[6]) + q[2] * (q[3] * q[7] - q[4] * q[6]);
  const d = det3(m);
  if (!(Math.abs(d) > 1e-9 * Math.max(1, Math.abs(m[0] * m[4] * m[8])))) return null;
  const rhs = [s.v, s.wv, s.w2v];
  const col = (i: number) => { const q = m.slice(); for (let k = 0; k < 3; k++) q[3 * k + i] = rhs[k]; return det3(q); };
  return [col(0) / d, col(1) / d, col(2) / d];
}
