/**
 * What the paths of a track hold (joint.ts): claims[j] counts the paths on run j, in CLAIM units. A
 * path holds the runs it sits on and a share of the specks its bridges pass over, so two curves cannot
 * take turns on one dotted line for free; a bridge over another curve's line where the two cross, or
 * over a long stroke, holds nothing.
 * Pixel space of the upright scan; rows are table rows.
 */
import type { RunTable } from './runs.ts';
import type { TraceOptions } from './options.ts';
import type { DpPath } from './viterbi.ts';

/** one path holding a run, in claims units: a bridge's share of a hold is rounded to a quarter */
export const CLAIM = 4;

/** What a bridge over a run holds, in claims units: added and taken away alike, so it must be one figure. */
const bridgeHold = (o: TraceOptions): number => Math.round(o.bridgeClaimShare * CLAIM);

/**
 * A path holds the runs it sits on, and also the ink its bridges pass over (within `reach` px of the
 * straight line between the runs either side): on a sparse line (a 1-bit print leaves specks of a thin
 * dashed curve) two curves could otherwise follow one line by taking turns on its specks, each bridging
 * over the other's, and never pay for sharing it.
 */
export function addClaims(table: RunTable, claims: Int32Array, path: DpPath, sign: number, o: TraceOptions): void {
  const reach = o.bridgeClaimPx;
  const bridged = sign * bridgeHold(o);
  for (let r = 0; r < path.run.length; r++) if (path.run[r] >= 0) claims[path.run[r]] += sign * CLAIM;
  if (reach < 0 || bridged === 0) return;
  forEachBridge(path, (a, b) => claimBridge(table, claims, path.run[a], path.run[b], bridged, reach, o.bridgeClaimStrokeRows));
}

/**
 * The claims curve k is traced against, less the other paths' bridges over a crossing with k's last
 * path: where two curves cross (k is clearly on one side of the other before the bridge and on the
 * other side after it) the bridge passes over k's own ink, which k may sit on freely. Curves taking
 * turns on one line never get clearly apart, so their bridges keep holding.
 */
export function crossingsExempt(table: RunTable, claims: Int32Array, paths: DpPath[], k: number, mine: DpPath, o: TraceOptions): Int32Array {
  const reach = o.bridgeClaimPx, bridged = bridgeHold(o);
  if (reach < 0 || bridged === 0) return claims;
  let out: Int32Array | null = null;
  paths.forEach((p, m) => {
    if (m === k || !p) return;
    forEachBridge(p, (a, b) => {
      if (!crosses(table, mine, p, a, b, o.maxBridgeRows)) return;
      out ??= claims.slice();
      claimBridge(table, out, p.run[a], p.run[b], -bridged, reach, o.bridgeClaimStrokeRows);
    });
  });
  return out ?? claims;
}

/** Visits each bridge of a path on one cycle: (a, b) the rows of the runs either side. */
function forEachBridge(path: DpPath, visit: (a: number, b: number) => void): void {
  let last = -1;
  for (let r = 0; r < path.run.length; r++) {
    if (path.run[r] < 0) continue;
    if (last >= 0 && r - last > 1 && path.kind[r - 1] === 2 && path.cycle[last] === path.cycle[r]) visit(last, r);
    last = r;
  }
}

/**
 * Whether path k is clearly (more than a line width) on one side of path m before row a and on the
 * other side after row b, looking at most `window` rows out where both are on ink (scan x, px).
 */
function crosses(table: RunTable, k: DpPath, m: DpPath, a: number, b: number, window: number): boolean {
  const sep = table.lineWidth + 1;
  const side = (from: number, dir: number): number => {
    for (let r = from, n = 0; r >= 0 && r < k.run.length && n <= window; r += dir, n++) {
      const i = k.run[r], q = m.run[r];
      if (i < 0 || q < 0) continue;
      const d = table.left[i] + table.right[i] - table.left[q] - table.right[q];
      if (Math.abs(d) > 2 * sep) return Math.sign(d);
    }
    return 0;
  };
  const before = side(a, -1), after = side(b, +1);
  return before !== 0 && after !== 0 && before !== after;
}

/** The runs a bridge from run a to run b (rows apart) passes over, see addClaims. */
function claimBridge(table: RunTable, claims: Int32Array, a: number, b: number, delta: number, reach: number, maxStroke: number): void {
  const ra = table.row[a], rb = table.row[b];
  const strokes = strokeRows(table);
  const xa = (table.left[a] + table.right[a] + 1) / 2, xb = (table.left[b] + table.right[b] + 1) / 2;
  for (let r = ra + 1; r < rb; r++) {
    const x = xa + ((xb - xa) * (r - ra)) / (rb - ra);
    for (let i = table.rowStart[r]; i < table.rowStart[r + 1]; i++) {
      if (!table.gridOnly[i] && strokes[i] <= maxStroke && table.left[i] - reach <= x && x <= table.right[i] + 1 + reach) claims[i] += delta;
    }
  }
}

/** Per run: the rows of its stroke (the run and its 1:1 links up and down), cached per table. */
const strokeCache = new WeakMap<RunTable, Int32Array>();
function strokeRows(table: RunTable): Int32Array {
  const hit = strokeCache.get(table);
  if (hit) return hit;
  const up = new Int32Array(table.count).fill(-1);
  for (let i = 0; i < table.count; i++) if (table.mate[i] >= 0) up[table.mate[i]] = i;
  const out = new Int32Array(table.count);
  for (let i = 0; i < table.count; i++) {
    if (up[i] >= 0) continue; // not a stroke's top
    let n = 0;
    for (let q = i; q >= 0; q = table.mate[q]) n++;
    for (let q = i; q >= 0; q = table.mate[q]) out[q] = n;
  }
  strokeCache.set(table, out);
  return out;
}
