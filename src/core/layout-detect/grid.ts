/**
 * Grid type of a track from the x of its vertical grid lines: linear with n divisions (lines equally
 * spaced), or logarithmic with d decades (within each decade, lines at log10(1..9) of the decade width).
 * Each hypothesis predicts the internal lines; the one whose predictions best match the found lines wins
 * (F1 of matched lines; ties go to the hypothesis with fewer lines).
 */
export type GridGuess =
  | { kind: 'linear'; divisions: number }
  | { kind: 'log'; decades: number }
  | { kind: 'none' };

export interface GridFit {
  grid: GridGuess;
  /** F1 of predicted vs found internal lines, 0..1 */
  score: number;
}

/** Internal line positions (px) a grid predicts between x0 and x1. */
export function predictedLines(x0: number, x1: number, g: GridGuess): number[] {
  const out: number[] = [];
  if (g.kind === 'linear') {
    for (let i = 1; i < g.divisions; i++) out.push(x0 + ((x1 - x0) * i) / g.divisions);
  } else if (g.kind === 'log') {
    const dw = (x1 - x0) / g.decades;
    for (let d = 0; d < g.decades; d++) {
      for (let m = d === 0 ? 2 : 1; m <= 9; m++) out.push(x0 + dw * (d + Math.log10(m)));
    }
  }
  return out;
}

/** How found lines and a grid's predicted lines agree, in counts. */
export interface GridMatch {
  found: number;
  predicted: number;
  /** found lines near a predicted one */
  foundHit: number;
  /** predicted lines with a found one near */
  predictedHit: number;
  /** summed strength (0..1 each, 1 when not given) of the found lines near no predicted one */
  unexplained: number;
}

/**
 * Matches found against predicted lines (both sorted); each prediction matches within 15% of its gap to its neighbours,
 * at least 1.5 px and at most 4 px: printed grids are exact to a pixel or two, and a looser window lets a
 * wrong grid with many lines match lines by chance.
 */
export function matchGrid(found: number[], predicted: number[], x0: number, x1: number, strength?: number[]): GridMatch {
  const all = [x0, ...predicted, x1];
  const tol = predicted.map((p, i) => Math.max(1.5, Math.min(4, 0.15 * Math.min(p - all[i], all[i + 2] - p))));
  // a window is under half its gap wide, so only the nearest prediction can take a found line (and back)
  let foundHit = 0, unexplained = 0, predictedHit = 0;
  found.forEach((x, k) => {
    const i = nearest(predicted, x);
    if (i >= 0 && Math.abs(x - predicted[i]) <= tol[i]) foundHit++;
    else unexplained += strength ? strength[k] : 1;
  });
  predicted.forEach((p, i) => {
    const k = nearest(found, p);
    if (k >= 0 && Math.abs(found[k] - p) <= tol[i]) predictedHit++;
  });
  return { found: found.length, predicted: predicted.length, foundHit, predictedHit, unexplained };
}

/** Index of the value in sorted `xs` nearest to x (−1 when empty). */
function nearest(xs: number[], x: number): number {
  if (xs.length === 0) return -1;
  let lo = 0, hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && x - xs[lo - 1] < xs[lo] - x ? lo - 1 : lo;
}

/** F1 of a match (0 when either side is empty). */
export function matchF1(m: GridMatch): number {
  if (m.found === 0 || m.predicted === 0) return 0;
  const precision = m.foundHit / m.found, recall = m.predictedHit / m.predicted;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

const HYPOTHESES: GridGuess[] = [
  ...Array.from({ length: 29 }, (_, i): GridGuess => ({ kind: 'linear', divisions: i + 2 })),
  ...Array.from({ length: 6 }, (_, i): GridGuess => ({ kind: 'log', decades: i + 1 })),
];

/** Best grid for a track [x0, x1] given the x of vertical lines found in it (its edges may be included). */
export function classifyGrid(lines: number[], x0: number, x1: number): GridFit {
  const inner = lines.filter((x) => x > x0 + 3 && x < x1 - 3);
  const fits = HYPOTHESES.map((g) => {
    const predicted = predictedLines(x0, x1, g);
    return { grid: g, score: matchF1(matchGrid(inner, predicted, x0, x1)), count: predicted.length };
  });
  const top = Math.max(...fits.map((f) => f.score));
  // near-ties: the simpler grid (a 10-division track also half-matches 20 divisions)
  const best = fits.filter((f) => f.score >= top - 0.02).sort((a, b) => a.count - b.count)[0];
  return best.score < 0.5 ? { grid: { kind: 'none' }, score: best.score } : { grid: best.grid, score: best.score };
}

/** Every grid hypothesis (and none) with how it matches the lines strictly inside [x0, x1] (strength: see GridMatch). */
export function gridMatches(lines: number[], x0: number, x1: number, strength?: number[]): { grid: GridGuess; match: GridMatch }[] {
  const keep = lines.map((x, k) => k).filter((k) => lines[k] > x0 + 3 && lines[k] < x1 - 3);
  const inner = keep.map((k) => lines[k]), s = strength && keep.map((k) => strength[k]);
  const none = { grid: { kind: 'none' } as GridGuess, match: matchGrid(inner, [], x0, x1, s) };
  return [none, ...HYPOTHESES.map((grid) => ({ grid, match: matchGrid(inner, predictedLines(x0, x1, grid), x0, x1, s) }))];
}
