import { describe, expect, it } from 'vitest';
import { dropRides } from '../../src/core/trace/overlap.ts';
import type { DpPath } from '../../src/core/trace/viterbi.ts';

/**
 * A curve whose own line the model did not see bridges along unseen and lands where landing is cheap:
 * on a neighbour's ink. Hand-made paths as the tracer leaves them: kind 1 on a run (runs numbered per
 * row, shared when two paths hold the same number), 2 bridged, 0 absent.
 */
const ROWS = 300;
const MAX_GAP = 24, AWAY = 30;
type Step = { kind: 0 | 1 | 2; x?: number; run?: number };

function path(at: (r: number) => Step): DpPath {
  const p: DpPath = { run: new Int32Array(ROWS).fill(-1), kind: new Uint8Array(ROWS), pos: new Float64Array(ROWS).fill(NaN), cycle: new Int8Array(ROWS), step: new Float32Array(ROWS) };
  for (let r = 0; r < ROWS; r++) {
    const s = at(r);
    p.kind[r] = s.kind;
    if (s.kind === 1) { p.pos[r] = s.x!; p.run[r] = s.run!; }
  }
  return p;
}
const table = { rows: ROWS };
const ownRun = (r: number) => 4 * r;
const hostRun = (r: number) => 4 * r + 1;
/** B: its own line, run 4r + 1 on every row, at x(r) */
const hostAt = (x: (r: number) => number) => path((r) => ({ kind: 1, x: x(r), run: hostRun(r) }));
const onRows = (p: DpPath, from: number, to: number) => Array.from(p.kind.slice(from, to)).filter((k) => k === 1).length;
/** B swings from x 100 out to 40 and back over rows 100–129 */
const swing = (r: number) => (r >= 100 && r < 130 ? 100 - 2 * Math.min(r - 100, 129 - r) : 100);
/**
 * A with its own ink at x `own` on rows 0–59 and 170–299, bridged between except on rows 100–129,
 * where it holds B's runs (at B's x there, `on(r)`)
 */
const rider = (own: number, on: (r: number) => number) =>
  path((r) => (r < 60 || r >= 170 ? { kind: 1, x: own, run: ownRun(r) } : r >= 100 && r < 130 ? { kind: 1, x: on(r), run: hostRun(r) } : { kind: 2 }));

describe('dropRides', () => {
  it('drops a stretch held only on a neighbour’s swing, far from the curve’s own ink', () => {
    // A's own ink is at x 200; between, it landed on B's swing
    const b = hostAt(swing);
    const a = rider(200, swing);
    dropRides(table, [a, b], [[20], [20]], MAX_GAP, AWAY);
    expect(onRows(a, 100, 130)).toBe(0);
    expect(Array.from(a.kind.slice(100, 130))).toEqual(new Array(30).fill(0));
    // its own ink and the neighbour are untouched
    expect(onRows(a, 0, 60) + onRows(a, 170, ROWS)).toBe(60 + 130);
    expect(onRows(b, 0, ROWS)).toBe(ROWS);
  });

  it('keeps a true overlap, entered from the curve’s own ink', () => {
    // A runs beside B at x 110, then on B's line for 100 rows, then beside it again
    const b = hostAt(() => 100);
    const a = path((r) => (r >= 100 && r < 200 ? { kind: 1, x: 100, run: hostRun(r) } : { kind: 1, x: 110, run: ownRun(r) }));
    dropRides(table, [a, b], [[20], [20]], MAX_GAP, AWAY);
    expect(onRows(a, 0, ROWS)).toBe(ROWS);
  });

  it('drops landings on a neighbour’s line between bridges, even when they start next to its own ink', () => {
    // A leaves its own ink at x 200 on row 60 and, from row 70 to 169, bridges along B's line at x 100,
    // landing on it every 20 rows: a dotted curve whose dots the model missed, following a solid one
    const b = hostAt(() => 100);
    const a = path((r) => (r < 60 || r >= 170 ? { kind: 1, x: 200, run: ownRun(r) } : r >= 70 && r % 20 === 10 ? { kind: 1, x: 100, run: hostRun(r) } : { kind: 2 }));
    dropRides(table, [a, b], [[20], [20]], MAX_GAP, AWAY);
    expect(onRows(a, 60, 170)).toBe(0);
    expect(onRows(a, 0, 60) + onRows(a, 170, ROWS)).toBe(60 + 130);
  });

  it('counts a run of a neighbour’s line it bridged over as the neighbour’s (RunTable.mate)', () => {
    // B bridges over each row where A lands: B holds no run there, yet the run A holds is linked 1:1
    // to B's runs on the rows above and below
    const b = path((r) => (r >= 70 && r < 170 && r % 20 === 10 ? { kind: 2 } : { kind: 1, x: 100, run: hostRun(r) }));
    const landing = (r: number) => r >= 70 && r < 170 && r % 20 === 10;
    // (its own ink ends more than MAX_GAP rows before the first landing: dropped whatever their density)
    const a = path((r) => (r < 40 || r >= 200 ? { kind: 1, x: 200, run: ownRun(r) } : landing(r) ? { kind: 1, x: 100, run: hostRun(r) } : { kind: 2 }));
    const mate = new Int32Array(4 * ROWS).fill(-1);
    for (let r = 0; r + 1 < ROWS; r++) mate[hostRun(r)] = hostRun(r + 1);
    dropRides({ rows: ROWS, mate }, [a, b], [[20], [20]], MAX_GAP, AWAY);
    expect(onRows(a, 40, 200)).toBe(0);
    // without the links A's landings are ink no other path holds: its own, and kept
    const a2 = path((r) => (r < 40 || r >= 200 ? { kind: 1, x: 200, run: ownRun(r) } : landing(r) ? { kind: 1, x: 100, run: hostRun(r) } : { kind: 2 }));
    dropRides(table, [a2, b], [[20], [20]], MAX_GAP, AWAY);
    expect(onRows(a2, 40, 200)).toBe(5);
  });

  it('keeps shared ink far from the curve’s own ink when it lies on the curve’s way (curves braided in one line)', () => {
    const b = hostAt(() => 100);
    const a = rider(104, () => 100);
    dropRides(table, [a, b], [[20], [20]], MAX_GAP, AWAY);
    expect(onRows(a, 100, 130)).toBe(30);
  });

  it('keeps the rows holding the curve’s seed', () => {
    const b = hostAt(swing);
    const a = rider(200, swing);
    dropRides(table, [a, b], [[110], [20]], MAX_GAP, AWAY);
    expect(onRows(a, 100, 130)).toBe(30);
  });
});
