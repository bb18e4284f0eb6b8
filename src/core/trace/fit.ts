/** Least-squares line through (y, u) samples: [value at y, slope]; null with fewer than 3 samples. */
export function lineFit(s: { y: number[]; u: number[] }, y: number): [number, number] | null {
  const n = s.y.length;
  if (n < 3) return null;
  let my = 0, mu = 0;
  for (let i = 0; i < n; i++) { my += s.y[i]; mu += s.u[i]; }
  my /= n; mu /= n;
  let syy = 0, syu = 0;
  for (let i = 0; i < n; i++) { syy += (s.y[i] - my) ** 2; syu += (s.y[i] - my) * (s.u[i] - mu); }
  const slope = syy > 0 ? syu / syy : 0;
  return [mu + slope * (y - my), slope];
}
