/**
 * What a track's grid hypothesis costs against the lines found in it (nats-like units, shared with the
 * partition's other costs).
 *
 * Found lines a grid does not explain are counted one by one (`unexplained` each, times the line's
 * strength: a faint streak or a short straight stretch of curve is cheap to leave over): printed grids
 * seldom gain straight lines, so a wrong grid, or two tracks taken for one, leaves lines over. Predicted
 * lines that were not found cost, while it is not known how many lines the print kept, only as a share
 * of the grid (`missing` × (1 − recall)): a 1-bit or faded print loses whole families of lines (those
 * between pixels, under the threshold). Once that share is estimated, each missing line costs by it.
 * Plus how unusual the grid is on a log print.
 */
import { matchF1, type GridFit, type GridGuess, type GridMatch } from './grid.ts';

export interface GridCostOptions {
  /** cost of each found line the grid does not explain */
  unexplained: number;
  /** cost of a grid none of whose lines were found (scaled by the share missing) */
  missing: number;
  /**
   * when the share q of grid lines the print kept is known: each missing line costs −ln(1 − q) instead
   * (a clean print that shows every other line does not lose one; a lossy one loses many cheaply)
   */
  kept?: number;
}

export const DEFAULT_GRID_COST_OPTIONS: GridCostOptions = { unexplained: 3, missing: 1.5 };

/** How unusual a grid is on a log print, against a 10-division track. */
export function gridPrior(g: GridGuess): number {
  if (g.kind === 'log') return 0.5;
  if (g.kind === 'none') return 0.2;
  if (g.divisions === 10) return 0;
  if (g.divisions === 20) return 1;
  if ([4, 5, 8].includes(g.divisions)) return 1.5;
  return 3;
}

/** Cost of one hypothesis's match. */
export function matchCost(g: GridGuess, m: GridMatch, o: GridCostOptions = DEFAULT_GRID_COST_OPTIONS): number {
  const missed = m.predicted - m.predictedHit;
  const missing = o.kept !== undefined ? missed * -Math.log(1 - o.kept) : m.predicted ? (o.missing * missed) / m.predicted : 0;
  return m.unexplained * o.unexplained + missing + gridPrior(g);
}

/** The cheapest hypothesis among `matches` (from gridMatches); its score is the match's F1. */
export function cheapestGrid(matches: { grid: GridGuess; match: GridMatch }[], o: GridCostOptions = DEFAULT_GRID_COST_OPTIONS): { fit: GridFit; cost: number } {
  let best = matches[0], bestCost = Infinity;
  for (const h of matches) {
    const c = matchCost(h.grid, h.match, o);
    if (c < bestCost) { best = h; bestCost = c; }
  }
  return { fit: { grid: best.grid, score: matchF1(best.match) }, cost: bestCost };
}
