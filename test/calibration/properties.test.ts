/**
 * Property tests: every map's inverse undoes it, within 1e-9 relative, over random layouts drawn
 * from a seeded PRNG (reproducible; change SEED to explore).
 */
import { describe, expect, it } from 'vitest';
import { depthMap, valueMap, type CurveSpec, type DepthSpec, type TrackSpec } from '../../src/core/calibration';
import { prng, relClose, uniform } from './prng';

const SEED = 20261126;
const LAYOUTS = 300;
const POINTS = 50;

function randomDepthSpec(rand: () => number): DepthSpec {
  const n = 2 + Math.floor(rand() * 8);
  const fits = ['auto', 'linear', 'piecewise'] as const;
  const unitsPerPx = uniform(rand, 0.01, 0.2) * (rand() < 0.2 ? -1 : 1); // some logs run upwards
  const start = uniform(rand, -500, 12000);
  // strictly increasing rows with a jittered scale, so piecewise segments differ
  let y = uniform(rand, 0, 500);
  let depth = start;
  const refs = [];
  for (let i = 0; i < n; i++) {
    refs.push({ y, depth });
    const dy = uniform(rand, 50, 8000);
    y += dy;
    depth += dy * unitsPerPx * uniform(rand, 0.97, 1.03);
  }
  // shuffle: refs need not be given in row order
  for (let i = refs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [refs[i], refs[j]] = [refs[j], refs[i]];
  }
  return { unit: rand() < 0.5 ? 'FT' : 'M', refs, fit: fits[Math.floor(rand() * 3)] };
}

function randomCurve(rand: () => number): { curve: CurveSpec; track: TrackSpec } {
  const x0 = uniform(rand, 0, 2000);
  const track: TrackSpec = { x0, x1: x0 + uniform(rand, 40, 1500), curves: [] };
  const log = rand() < 0.4;
  let left = log ? 10 ** uniform(rand, -3, 3) : uniform(rand, -1000, 1000);
  let right = log ? left * 10 ** uniform(rand, 0.5, 5) : left + uniform(rand, 1, 20000);
  if (rand() < 0.5) [left, right] = [right, left]; // reversed scale
  const curve: CurveSpec = {
    mnemonic: 'C', unit: '', scale: log ? 'log' : 'linear', left, right,
    seed: { x: x0, y: 0 }, wrap: rand() < 0.5,
  };
  return { curve, track };
}

/** Failures are collected and asserted once: 45,000 single expects would dominate the run time. */
function checker() {
  const failures: string[] = [];
  let checks = 0;
  return {
    check(ok: boolean, what: () => string) {
      checks++;
      if (!ok && failures.length < 10) failures.push(what());
    },
    done(minChecks: number) {
      expect(failures).toEqual([]);
      expect(checks).toBeGreaterThanOrEqual(minChecks);
    },
  };
}

describe('inverse(map(p)) = p within 1e-9 relative', () => {
  it('depth maps: yAt(depthAt(y)) = y and depthAt(yAt(d)) = d, inside and beyond the refs', () => {
    const rand = prng(SEED);
    const c = checker();
    for (let k = 0; k < LAYOUTS; k++) {
      const spec = randomDepthSpec(rand);
      const map = depthMap(spec);
      const ys = spec.refs.map((r) => r.y);
      const lo = Math.min(...ys) - 2000;
      const hi = Math.max(...ys) + 2000;
      for (let i = 0; i < POINTS; i++) {
        const y = uniform(rand, Math.max(0, lo), hi);
        const d = map.depthAt(y);
        c.check(relClose(map.yAt(d), y), () => `layout ${k}: y ${y} → ${d} → ${map.yAt(d)}`);
        c.check(relClose(map.depthAt(map.yAt(d)), d), () => `layout ${k}: depth ${d}`);
      }
      for (const r of spec.refs) c.check(relClose(map.yAt(map.depthAt(r.y)), r.y), () => `layout ${k}: ref row`);
    }
    c.done(LAYOUTS * POINTS * 2);
  });

  it('value maps: xAt(valueAt(x, cycle)) = (x, cycle) across the track, on every cycle', () => {
    const rand = prng(SEED + 1);
    const c = checker();
    for (let k = 0; k < LAYOUTS; k++) {
      const { curve, track } = randomCurve(rand);
      const map = valueMap(curve, track);
      for (let i = 0; i < POINTS; i++) {
        // interior points: on an edge the cycle nearer 0 is chosen, checked in value-map.test.ts
        const x = uniform(rand, track.x0 + 1e-3, track.x1 - 1e-3);
        const cycle = curve.wrap ? Math.floor(uniform(rand, -3, 4)) : 0;
        const v = map.valueAt(x, cycle);
        const back = map.xAt(v);
        c.check(back.cycle === cycle, () => `layout ${k}: ${curve.scale} ${curve.left}→${curve.right} x ${x} cycle ${cycle} → ${back.cycle}`);
        c.check(relClose(back.x, x), () => `layout ${k}: x ${x} → ${v} → ${back.x}`);
        c.check(relClose(map.valueAt(back.x, back.cycle), v, 1e-9, 0), () => `layout ${k}: value ${v}`);
      }
    }
    c.done(LAYOUTS * POINTS * 3);
  });

  it('value maps: valueAt(xAt(v)) = v for values drawn in data space', () => {
    const rand = prng(SEED + 2);
    const c = checker();
    for (let k = 0; k < LAYOUTS; k++) {
      const { curve, track } = randomCurve(rand);
      const map = valueMap(curve, track);
      const lo = Math.min(curve.left, curve.right);
      const hi = Math.max(curve.left, curve.right);
      for (let i = 0; i < POINTS; i++) {
        const v = curve.scale === 'log' ? lo * (hi / lo) ** uniform(rand, -2, 3) : uniform(rand, lo - 2 * (hi - lo), hi + 2 * (hi - lo));
        const { x, cycle } = map.xAt(v);
        if (curve.wrap) c.check(x >= track.x0 - 1e-9 && x <= track.x1 + 1e-9, () => `layout ${k}: wrapped x ${x} inside`);
        // linear values are relative to the scale span: a value near 0 on a 0–150 scale carries the
        // rounding of 150, so |v| alone would ask for more digits than doubles hold
        const floor = curve.scale === 'log' ? 0 : hi - lo;
        c.check(relClose(map.valueAt(x, cycle), v, 1e-9, floor), () => `layout ${k}: ${v}`);
      }
    }
    c.done(LAYOUTS * POINTS);
  });
});
