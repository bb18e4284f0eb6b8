import { describe, expect, it } from 'vitest';
import { measureLooks } from '../../src/core/trace/appearance.ts';
import { extractRuns } from '../../src/core/trace/runs.ts';
import { traceOptions, probCost } from '../../src/core/trace/options.ts';
import { DpWorkspace } from '../../src/core/trace/viterbi.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet } from './fixtures.ts';

/**
 * A seed's zone (appearance.ts seedZone): the runs of the clicked stroke around the seed, out to its
 * first meeting with other curve ink, that no other curve may hold in the joint tracing (joint.ts).
 */
describe('the stroke around a seed', () => {
  // A: dashed, straight down x = 60. B: dashed, a diagonal that meets A's line at rows ~240–260.
  const B = (y: number) => 60 + (250 - y) * 0.8;
  const zonesOf = (options: Parameters<typeof traceOptions>[0] = {}) => {
    const s = new Sheet(200, 400);
    s.curve(() => 60, 0, 400, { width: 2, cls: SegClass.BrokenCurve, dash: [8, 4] });
    s.curve(B, 120, 380, { width: 2, cls: SegClass.BrokenCurve, dash: [8, 4] });
    const seg = s.segmentation();
    const o = traceOptions(options);
    const table = extractRuns(seg, 10, 190, 0, 400, o.runs);
    const seedOn = (x: number, y: number) => {
      for (let j = table.rowStart[y]; j < table.rowStart[y + 1]; j++) if (table.left[j] - 1 <= x && table.right[j] + 1 >= x) return j;
      throw new Error(`no run at ${x}, ${y}`);
    };
    const seeds = [seedOn(60, 100), seedOn(B(150), 150)];
    const emits = seeds.map(() => Float32Array.from(table.prob, (p) => probCost(p, o)));
    const ws = new DpWorkspace(table, o.carried + o.carriedGrid, 0);
    const { zones } = measureLooks(seg, table, ws, [null, null], emits, seeds, o);
    return { table, zones };
  };

  it('holds the seed stroke up to where another curve comes within reach, and only its own line', () => {
    const { table, zones } = zonesOf();
    const rows = zones[0].map((j) => table.row[j]);
    for (const j of zones[0]) expect(Math.abs((table.left[j] + table.right[j] + 1) / 2 - 60)).toBeLessThan(2);
    // A: up to the top of the scan, and down to where B's dashes first come within 2·width + 2 px of
    // it: B's centre is 8 px from A's at row 240, 4 px at row 245 (a dash gap spans about 3 rows)
    expect(Math.min(...rows)).toBeLessThan(10);
    expect(Math.max(...rows)).toBeGreaterThan(225);
    expect(Math.max(...rows)).toBeLessThan(245);
    // dashes: a good share of the rows from the top to the meeting hold a run of the zone
    expect(rows.length).toBeGreaterThan(0.5 * Math.max(...rows));
    // B's zone stops short of A's line from its side too, and holds none of A's runs
    const bRows = zones[1].map((j) => table.row[j]);
    expect(Math.max(...bRows)).toBeLessThan(245);
    expect(zones[1].filter((j) => zones[0].includes(j))).toEqual([]);
  });

  it('is empty when seedZoneRows is 0, and reaches no further than seedZoneRows from the seed', () => {
    expect(zonesOf({ seedZoneRows: 0 }).zones).toEqual([[], []]);
    const { table, zones } = zonesOf({ seedZoneRows: 30 });
    for (const j of zones[0]) expect(Math.abs(table.row[j] - 100)).toBeLessThanOrEqual(30);
  });
});
