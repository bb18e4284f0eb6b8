import { describe, expect, it } from 'vitest';
import { curveOrders, jointCost } from '../../src/core/trace/joint.ts';
import { traceOptions } from '../../src/core/trace/options.ts';
import type { RunTable } from '../../src/core/trace/runs.ts';
import type { DpPath } from '../../src/core/trace/viterbi.ts';

describe('the curve orders the joint descent starts from', () => {
  it('tries every order of up to three curves, layout order first', () => {
    expect(curveOrders(1, 6)).toEqual([[0]]);
    expect(curveOrders(2, 6)).toEqual([[0, 1], [1, 0]]);
    const three = curveOrders(3, 6);
    expect(three[0]).toEqual([0, 1, 2]);
    expect(new Set(three.map((o) => o.join(''))).size).toBe(6);
  });

  it('puts each curve first once in each direction where the permutations are too many', () => {
    const four = curveOrders(4, 6);
    expect(four).toHaveLength(6);
    expect(four.slice(0, 4)).toEqual([[0, 1, 2, 3], [1, 2, 3, 0], [2, 3, 0, 1], [3, 0, 1, 2]]);
    expect(four[4]).toEqual([3, 2, 1, 0]);
    expect(curveOrders(5, 10).map((o) => o[0])).toEqual([0, 1, 2, 3, 4, 4, 3, 2, 1, 0]);
    for (const o of curveOrders(6, 24)) expect([...o].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps the layout order alone when asked for one order', () => {
    expect(curveOrders(3, 1)).toEqual([[0, 1, 2]]);
    expect(curveOrders(5, 1)).toEqual([[0, 1, 2, 3, 4]]);
  });
});

describe('what a joint outcome costs', () => {
  // four runs in two rows: 0 and 1 confident curve ink, 2 faint ink, 3 a bare grid segment
  const table = { count: 4, prob: Float32Array.of(0.9, 0.8, 0.3, 0.9), gridOnly: Uint8Array.of(0, 0, 0, 1) } as unknown as RunTable;
  const path = (runs: number[], steps: number[]): DpPath => ({
    run: Int32Array.from(runs), kind: Uint8Array.from(runs, (r) => (r >= 0 ? 1 : 0)), pos: new Float64Array(runs.length),
    cycle: new Int8Array(runs.length), step: Float32Array.from(steps),
  });
  const o = traceOptions({ wUnexplained: 2 });

  it('adds up the paths\' steps and charges confident curve ink that no path holds', () => {
    // one path on runs 0 and 2: run 1 (confident) is unexplained; faint run 2 and grid run 3 never count
    expect(jointCost(table, [path([0, 2], [1, 0.5])], o)).toBeCloseTo(1.5 + 2);
    expect(jointCost(table, [path([0, 2], [1, 0.5]), path([-1, 1], [3, 0.25])], o)).toBeCloseTo(4.75);
  });

  it('makes an outcome that leaves a line bare dearer than one that explains it, at equal steps', () => {
    const bare = jointCost(table, [path([0, -1], [1, 1]), path([0, -1], [1, 1])], o);
    const explained = jointCost(table, [path([0, -1], [1, 1]), path([-1, 1], [1, 1])], o);
    expect(bare - explained).toBeCloseTo(o.wUnexplained);
  });
});
