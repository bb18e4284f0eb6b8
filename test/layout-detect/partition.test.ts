import { describe, expect, it } from 'vitest';
import { partitionCost, partitionLines, type CellInk, type LineMark, type Piece } from '../../src/core/layout-detect/partition.ts';
import { predictedLines } from '../../src/core/layout-detect/grid.ts';
import { candidateUnits, unitCost } from '../../src/core/layout-detect/units.ts';

// Line sets as detect.ts hands them to the partition: frames heavy (mass 2), grid lines light (mass 1),
// strength 1 unless said; cells: curves fill nearly every row of a track, numbers a few rows of the depth track.
const frame = (x: number): LineMark => ({ centre: x, mass: 2, strength: 1 });
const grid = (x: number, strength = 1): LineMark => ({ centre: x, mass: 1, strength });
const CURVES: CellInk = { fill: 0.95, textFill: 0.9 };
const NUMBERS: CellInk = { fill: 0.15, textFill: 0.12 };
const BLANK: CellInk = { fill: 0, textFill: 0 };

/** Sorted lines with the ink of each cell chosen by where it lies (depth track span → numbers, else curves). */
function page(lines: LineMark[], depth: [number, number] | null, blank: [number, number][] = []): { lines: LineMark[]; cells: CellInk[] } {
  const sorted = [...lines].sort((a, b) => a.centre - b.centre);
  const cells = sorted.slice(1).map((l, i) => {
    const mid = (sorted[i].centre + l.centre) / 2;
    if (depth && mid > depth[0] && mid < depth[1]) return NUMBERS;
    return blank.some(([a, b]) => mid > a && mid < b) ? BLANK : CURVES;
  });
  return { lines: sorted, cells };
}

const tenDiv = (x0: number, x1: number, keep: (i: number) => boolean = () => true) =>
  predictedLines(x0, x1, { kind: 'linear', divisions: 10 }).filter((_, i) => keep(i)).map((x) => grid(x));
const logDecades = (x0: number, x1: number, decades: number) => predictedLines(x0, x1, { kind: 'log', decades }).map((x) => grid(x));

const summary = (pieces: Piece[]) => pieces.map((p) => ({ kind: p.kind, x0: p.x0, x1: p.x1 }));

describe('partitionLines: tracks, the depth track and gaps from the long vertical lines', () => {
  it('finds a linear track, the depth track and a log track, with their grids', () => {
    const { lines, cells } = page([frame(0), ...tenDiv(0, 200), frame(200), frame(260), ...logDecades(260, 560, 2), frame(560)], [200, 260]);
    const pieces = partitionLines(lines, cells);
    expect(summary(pieces)).toEqual([
      { kind: 'track', x0: 0, x1: 200 }, { kind: 'depth', x0: 200, x1: 260 }, { kind: 'track', x0: 260, x1: 560 },
    ]);
    expect(pieces[0].fit.grid).toEqual({ kind: 'linear', divisions: 10 });
    expect(pieces[2].fit.grid).toEqual({ kind: 'log', decades: 2 });
    expect(pieces[0].group).not.toBe(pieces[2].group);
  });

  it('keeps a track whole when a lossy print kept only a few of its grid lines, and still reads its grid', () => {
    // a 1-bit print dropped lines 1, 2, 4, 6 and 8 of 9 in both tracks
    const kept = (i: number) => [2, 4, 6].includes(i);
    const { lines, cells } = page([frame(0), ...tenDiv(0, 300, kept), frame(300), frame(380), ...tenDiv(380, 680, kept), frame(680)], [300, 380]);
    const pieces = partitionLines(lines, cells);
    expect(summary(pieces)).toEqual([
      { kind: 'track', x0: 0, x1: 300 }, { kind: 'depth', x0: 300, x1: 380 }, { kind: 'track', x0: 380, x1: 680 },
    ]);
    expect(pieces[0].fit.grid).toEqual({ kind: 'linear', divisions: 10 });
  });

  it('keeps tracks one or two units wide on a 1-bit print where frames are as light as grid lines', () => {
    // every line 1 px (mass 1); the print kept lines 3, 5 and 7 of tracks 2–3 and one line of track 1;
    // the right of track 1 holds few curves, as sparse as the depth track's numbers
    const line = (x: number): LineMark => ({ centre: x, mass: 1, strength: 1 });
    const kept = (i: number) => [2, 4, 6].includes(i);
    const lines = [line(0), line(225), line(300), line(380), ...tenDiv(380, 680, kept), line(680), ...tenDiv(680, 980, kept), line(980)];
    const sparse: CellInk = { fill: 0.15, textFill: 0.14 };
    const cells = lines.slice(1).map((l, i) => {
      const mid = (lines[i].centre + l.centre) / 2;
      return mid < 225 ? CURVES : mid < 300 ? sparse : mid < 380 ? NUMBERS : CURVES;
    });
    const expected = [
      { kind: 'track', x0: 0, x1: 300 }, { kind: 'depth', x0: 300, x1: 380 }, { kind: 'track', x0: 380, x1: 680 }, { kind: 'track', x0: 680, x1: 980 },
    ];
    expect(summary(partitionLines(lines, cells))).toEqual(expected);
    // without the width term every line edges a gridless track
    expect(summary(partitionLines(lines, cells, { offUnit: 0 })).length).toBeGreaterThan(expected.length);
  });

  it('does not take a value track as wide as the others for the depth track when the numbers faded away', () => {
    // frames only; track 1 holds sparse curves (as sparse as numbers), the depth track 300–370 is blank
    const lines = [frame(0), frame(300), frame(370), frame(670), frame(970)];
    const cells: CellInk[] = [{ fill: 0.4, textFill: 0.38 }, BLANK, CURVES, CURVES];
    expect(summary(partitionLines(lines, cells))).toEqual([
      { kind: 'track', x0: 0, x1: 300 }, { kind: 'gap', x0: 300, x1: 370 }, { kind: 'track', x0: 370, x1: 670 }, { kind: 'track', x0: 670, x1: 970 },
    ]);
    // without the width terms the sparse track is the depth track
    expect(partitionLines(lines, cells, { offUnit: 0 })[0].kind).toBe('depth');
  });

  it('splits touching tracks at their shared frame when their grids differ, in one group', () => {
    const { lines, cells } = page([frame(0), ...tenDiv(0, 300), frame(300), ...logDecades(300, 600, 3), frame(600)], null);
    const pieces = partitionLines(lines, cells);
    expect(summary(pieces)).toEqual([{ kind: 'track', x0: 0, x1: 300 }, { kind: 'track', x0: 300, x1: 600 }]);
    expect(pieces[0].group).toBe(pieces[1].group);
  });

  it('keeps a 20-division track whole when its middle line is as light as the others', () => {
    const lines = [frame(0), ...predictedLines(0, 600, { kind: 'linear', divisions: 20 }).map((x) => grid(x)), frame(600)];
    const pieces = partitionLines(...Object.values(page(lines, null)) as [LineMark[], CellInk[]]);
    expect(summary(pieces)).toEqual([{ kind: 'track', x0: 0, x1: 600 }]);
    expect(pieces[0].fit.grid).toEqual({ kind: 'linear', divisions: 20 });
  });

  it('splits a 20-division line set at its middle line when that line runs on past the body as frames do', () => {
    // a 1-bit print: frames as light as grid lines; only where the lines end tells the shared frame (frames.ts)
    const light = (x: number, frame?: number): LineMark => ({ centre: x, mass: 1, strength: 1, frame });
    const inner = predictedLines(0, 600, { kind: 'linear', divisions: 20 }).map((x) => light(x, x === 300 ? 1 : 0));
    const lines = [light(0, 1), ...inner, light(600, 1)];
    const pieces = partitionLines(...Object.values(page(lines, null)) as [LineMark[], CellInk[]]);
    expect(summary(pieces)).toEqual([{ kind: 'track', x0: 0, x1: 300 }, { kind: 'track', x0: 300, x1: 600 }]);
    expect(pieces.map((p) => p.fit.grid)).toEqual([{ kind: 'linear', divisions: 10 }, { kind: 'linear', divisions: 10 }]);
  });

  it('does not take a frame shown by where it ends for the middle line of a wider grid whose lines faded', () => {
    // each track kept only its middle line: 150, 300 and 450 read as one 4-division track unless 300 is known a frame
    const lines = (f?: number) => [frame(0), grid(150), { ...frame(300), frame: f }, grid(450), frame(600)];
    const tracks = (f?: number) => summary(partitionLines(...Object.values(page(lines(f), null)) as [LineMark[], CellInk[]]));
    expect(tracks()).toEqual([{ kind: 'track', x0: 0, x1: 600 }]);
    // known a frame, 300 edges the pieces (here the lone middle lines may edge pieces too: nothing says otherwise)
    const split = tracks(1);
    expect(split.some((p) => p.x1 === 300) && split.some((p) => p.x0 === 300)).toBe(true);
    expect(split.every((p) => p.kind === 'track' && (p.x1 <= 300 || p.x0 >= 300))).toBe(true);
  });

  it('reads frames alone where the print lost every grid line: each interval of curves is a track', () => {
    const { lines, cells } = page([frame(0), frame(300), frame(380), frame(680), frame(980)], [300, 380]);
    expect(summary(partitionLines(lines, cells))).toEqual([
      { kind: 'track', x0: 0, x1: 300 }, { kind: 'depth', x0: 300, x1: 380 }, { kind: 'track', x0: 380, x1: 680 }, { kind: 'track', x0: 680, x1: 980 },
    ]);
  });

  it('leaves a faint scanner streak inside the depth track unexplained rather than losing the depth track', () => {
    const streak: LineMark = { centre: 331, mass: 0.3, strength: 0.3 };
    const { lines, cells } = page([frame(0), ...tenDiv(0, 300), frame(300), streak, frame(380), ...tenDiv(380, 680), frame(680)], [300, 380]);
    expect(summary(partitionLines(lines, cells))).toEqual([
      { kind: 'track', x0: 0, x1: 300 }, { kind: 'depth', x0: 300, x1: 380 }, { kind: 'track', x0: 380, x1: 680 },
    ]);
  });

  it('does not start a track on a streak beside the frame: the blank strip between is a gap', () => {
    const { lines, cells } = page([frame(20), frame(29), ...tenDiv(29, 329), frame(329)], null, [[20, 29]]);
    expect(summary(partitionLines(lines, cells)).filter((p) => p.kind === 'track')).toEqual([{ kind: 'track', x0: 29, x1: 329 }]);
  });

  it('does not end a track on a streak beside the frame when the strip between is too narrow to look at', () => {
    // 4 px apart: the cell's columns (4 px in from each line) are none, so its fill of 0 shows nothing
    const streak: LineMark = { centre: 296, mass: 0.6, strength: 0.6 };
    const sliver = (columns?: number) => {
      const { lines, cells } = page([frame(0), ...tenDiv(0, 300), streak, frame(300)], null);
      cells[cells.length - 1] = { ...BLANK, columns };
      return summary(partitionLines(lines, cells)).filter((p) => p.kind === 'track');
    };
    expect(sliver()).toEqual([{ kind: 'track', x0: 0, x1: 296 }]);
    expect(sliver(0)).toEqual([{ kind: 'track', x0: 0, x1: 300 }]);
  });

  it('proposes nothing from fewer than two lines', () => {
    expect(partitionLines([frame(10)], [])).toEqual([]);
    expect(partitionLines([], [])).toEqual([]);
  });
});

describe('partitionCost', () => {
  it('prices the partition found no higher than the same page read as one track', () => {
    const { lines, cells } = page([frame(0), ...tenDiv(0, 300), frame(300), ...logDecades(300, 600, 3), frame(600)], null);
    const found = partitionCost(lines, cells, partitionLines(lines, cells));
    const merged = partitionCost(lines, cells, [{ kind: 'track', x0: 0, x1: 600 }]);
    expect(found.total).toBeLessThan(merged.total);
    expect(found.pieces).toHaveLength(2);
  });

  it('gives Infinity to a piece that does not start and end on lines, or a depth track full of curves', () => {
    const { lines, cells } = page([frame(0), frame(300), frame(600)], null);
    expect(partitionCost(lines, cells, [{ kind: 'track', x0: 0, x1: 450 }]).total).toBe(Infinity);
    expect(partitionCost(lines, cells, [{ kind: 'depth', x0: 0, x1: 300 }]).pieces[0]).toBe(Infinity);
  });
});

describe('track widths against a unit', () => {
  const o = { offUnit: 1, unitTolerance: 0.02, depthShare: 0.8 };
  it('charges nothing for one or two units, in full for a track a unit and a half wide', () => {
    const c = unitCost(300, o);
    expect([c.track(300), c.track(604), c.track(596)]).toEqual([0, 0, 0]);
    expect(c.track(450)).toBe(1);
    expect(c.track(312)).toBeGreaterThan(0); // 12 px off, tolerance 6 px
    expect(c.track(312)).toBeLessThan(1);
  });

  it('charges a depth track from 0.8 of a unit, in full at one unit', () => {
    const c = unitCost(300, o);
    expect(c.depth(90)).toBe(0);
    expect(c.depth(270)).toBeCloseTo(0.5);
    expect(c.depth(300)).toBe(1);
  });

  it('takes each track width and its half as candidate units, once each', () => {
    expect(candidateUnits([300, 600, 301], o)).toEqual([150, 300, 600]);
  });
});
