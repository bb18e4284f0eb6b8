import { describe, expect, it } from 'vitest';
import { gridMatches, matchGrid, predictedLines } from '../../src/core/layout-detect/grid.ts';
import { cheapestGrid, matchCost } from '../../src/core/layout-detect/grid-cost.ts';
import { mergeClose, visibleRows, type ProfileLine } from '../../src/core/layout-detect/profile.ts';

describe('matchGrid: found lines against a grid prediction', () => {
  it('matches within 15% of the gap (at least 1.5 px, at most 4 px) and weighs what is left over by strength', () => {
    const predicted = predictedLines(0, 100, { kind: 'linear', divisions: 10 }); // 10, 20, … 90: windows ±1.5 px
    const m = matchGrid([10, 21.4, 50, 55, 91.6], predicted, 0, 100, [1, 1, 1, 0.25, 1]);
    expect(m).toEqual({ found: 5, predicted: 9, foundHit: 3, predictedHit: 3, unexplained: 1.25 });
  });

  it('caps the window at 4 px on a wide grid', () => {
    const predicted = predictedLines(0, 1000, { kind: 'linear', divisions: 2 }); // 500, gap 500
    expect(matchGrid([503.9], predicted, 0, 1000).foundHit).toBe(1);
    expect(matchGrid([504.1], predicted, 0, 1000).foundHit).toBe(0);
  });

  it('lists every hypothesis and none, on the lines strictly inside the track', () => {
    const all = gridMatches([0, 50, 100], 0, 100);
    expect(all[0]).toEqual({ grid: { kind: 'none' }, match: { found: 1, predicted: 0, foundHit: 0, predictedHit: 0, unexplained: 1 } });
    expect(all.find((h) => h.grid.kind === 'linear' && h.grid.divisions === 2)!.match.predictedHit).toBe(1);
  });
});

describe('grid cost', () => {
  const tenDiv = predictedLines(0, 300, { kind: 'linear', divisions: 10 });

  it('prices missing lines as a share until the share kept is known, then each by it', () => {
    const m = matchGrid(tenDiv.slice(0, 3), tenDiv, 0, 300); // 3 of 9 found
    const g = { kind: 'linear', divisions: 10 } as const;
    expect(matchCost(g, m, { unexplained: 3, missing: 1.5 })).toBeCloseTo(1.5 * (6 / 9));
    expect(matchCost(g, m, { unexplained: 3, missing: 1.5, kept: 0.5 })).toBeCloseTo(6 * Math.log(2));
  });

  it('reads a complete 10-division grid as 10 divisions, not 20 or 5', () => {
    expect(cheapestGrid(gridMatches(tenDiv, 0, 300)).fit.grid).toEqual({ kind: 'linear', divisions: 10 });
  });

  it('reads a track with no lines inside as no grid', () => {
    expect(cheapestGrid(gridMatches([], 0, 300)).fit.grid).toEqual({ kind: 'none' });
  });
});

describe('profile helpers', () => {
  const line = (centre: number, weight: number): ProfileLine => ({ centre, weight, mass: weight, peak: weight / 2 });

  it('joins lines closer than the gap, centre weighted, weights summed', () => {
    const merged = mergeClose([line(10, 1), line(12, 3), line(40, 1)], 3);
    expect(merged).toHaveLength(2);
    expect(merged[0].centre).toBeCloseTo(11.5);
    expect(merged[0].weight).toBe(4);
    expect(merged[1].centre).toBe(40);
  });

  it('counts the rows where a straightened column lies inside a skewed scan', () => {
    const w = 1600, h = 3200;
    for (const [xs, deg] of [[1.6, 1.35], [1590, -1.35], [800, 0.5], [-5, 0.8]]) {
      const tan = Math.tan((deg * Math.PI) / 180);
      let brute = 0;
      for (let y = 0; y < h; y++) {
        const x = xs - (y + 0.5 - h / 2) * tan;
        if (x >= 0 && x < w) brute++;
      }
      expect(Math.abs(visibleRows(xs, 0, h, tan, w, h) - brute), `${xs} at ${deg}°`).toBeLessThanOrEqual(1);
    }
    expect(visibleRows(-1, 0, h, 0, w, h)).toBe(0);
  });
});
