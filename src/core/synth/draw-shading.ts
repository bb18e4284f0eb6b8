/**
 * Hatched shading between a curve and a track edge over a few depth intervals (sand/shale or
 * crossover shading on modern prints). Drawn before the curves so curve ink wins the mask; the
 * hatch itself is class text/symbol.
 */
import { SegClass } from '../types.ts';
import type { SampleGrid } from './curve-plan.ts';
import { fractionOf } from './draw-curves.ts';
import type { LogPlan } from './plan.ts';
import type { Rng } from './prng.ts';
import type { Sheet } from './sheet.ts';

export function drawShading(sheet: Sheet, plan: LogPlan, grid: SampleGrid, rng: Rng): void {
  const px = plan.dpi / 200;
  for (const t of plan.tracks) {
    if (t.curves.length === 0 || !rng.chance(0.12)) continue;
    const c = rng.pick(t.curves);
    const toLeft = rng.chance(0.5);
    const spacing = rng.range(6, 14) * px;
    const hw = Math.max(0.45, rng.range(0.4, 0.6) * px);
    const dir = rng.chance(0.5) ? 1 : -1;
    const w = t.x1 - t.x0;
    for (let n = rng.int(1, 3); n > 0; n--) {
      const k0 = rng.int(0, Math.max(0, grid.count - 2));
      const k1 = Math.min(grid.count - 1, k0 + Math.round(rng.range(20, 200) / plan.depth.step));
      for (let k = k0; k < k1; k++) {
        const ua = fractionOf(c, c.values[k]);
        const ub = fractionOf(c, c.values[k + 1]);
        if (!(ua >= 0 && ua <= 1 && ub >= 0 && ub <= 1)) continue;
        const ya = (grid.first + k * plan.depth.step - plan.depth.top) * plan.depth.ppu;
        const yb = ya + plan.depth.step * plan.depth.ppu;
        for (let y = Math.max(0, Math.ceil(ya - 0.5)); y < Math.min(plan.height, yb - 0.5); y++) {
          const f = (y + 0.5 - ya) / (yb - ya);
          const xc = t.x0 + (ua + (ub - ua) * f) * w;
          sheet.hatchRow(y, toLeft ? t.x0 : xc, toLeft ? xc : t.x1, spacing, hw, dir);
        }
      }
    }
    sheet.commit(c.darkness * 0.85, SegClass.Text);
  }
}
