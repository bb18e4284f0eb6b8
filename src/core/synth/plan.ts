/**
 * The random design of one log page: geometry in px of the upright (deskewed) page, depth scale,
 * tracks, grids and their inks. Curves are added by curve-plan.ts, defects by defect-plan.ts.
 * Physical sizes are drawn in inches and converted with the sample's dpi, so a 100-dpi scan has
 * thinner lines and smaller text than a 300-dpi one, as on a real scanner.
 */
import type { SynthConfig } from './config.ts';
import type { Rng } from './prng.ts';
import type { CurvePlan } from './curve-plan.ts';
import type { DefectPlan } from './defect-plan.ts';

export interface GridPlan {
  kind: 'linear' | 'log';
  /** linear: number of divisions across the track */
  divisions: number;
  /** linear: every n-th division line is heavy (0 = none) */
  heavyEvery: number;
  /** log: decades across the track */
  decades: number;
  lineW: number;
  heavyW: number;
}

export interface TrackPlan {
  /** grid edges, px (continuous x of the frame line centres) */
  x0: number;
  x1: number;
  grid: GridPlan;
  curves: CurvePlan[];
}

export interface DepthPlan {
  unit: 'FT' | 'M';
  /** px per depth unit */
  ppu: number;
  /** depth at row coordinate y = 0 (the depth map is depth = top + y / ppu) */
  top: number;
  /** data / truth step, depth units */
  step: number;
  /** depth-line interval, heavy-line interval and label interval, depth units */
  minorEvery: number;
  heavyEvery: number;
  labelEvery: number;
}

export interface LogPlan {
  width: number;
  height: number;
  dpi: number;
  /** rows of the grid body (top and bottom frame line y) */
  bodyTop: number;
  bodyBottom: number;
  depth: DepthPlan;
  depthTrack: { x0: number; x1: number; lines: 'none' | 'heavy' | 'all'; labelSize: number; pips: boolean };
  tracks: TrackPlan[];
  ink: { grid: number; frame: number; text: number };
  frameW: number;
  textWeight: number;
  /** title block rows [y0, y1) or null; scale blocks above / below the body or null */
  header: { y0: number; y1: number } | null;
  scaleTop: { y0: number; y1: number } | null;
  scaleBottom: { y0: number; y1: number } | null;
  defects: DefectPlan;
}

const GRID_INKS: readonly (readonly [string, number])[] = [['black', 5], ['grey', 2], ['orange', 1], ['green', 1], ['blue', 1]];

/** Darkness (1 − luminance on white paper) of a grid ink as a gray scanner sees it. */
function inkDarkness(rng: Rng, colour: string): number {
  switch (colour) {
    case 'black': return rng.range(0.82, 0.97);
    case 'grey': return rng.range(0.35, 0.6);
    case 'orange': return rng.range(0.3, 0.45);
    case 'green': return rng.range(0.4, 0.55);
    default: return rng.range(0.45, 0.65); // blue
  }
}

/** Depth scale: px per unit from a print ratio and the dpi. */
function planDepth(rng: Rng, dpi: number, height: number): DepthPlan {
  const metric = rng.chance(0.3);
  const unit = metric ? 'M' : 'FT';
  const inchPerUnit = metric
    ? rng.weighted([[1 / 0.0254 / 200, 4], [1 / 0.0254 / 500, 3], [1 / 0.0254 / 1000, 1]] as const)
    : rng.weighted([[0.05, 5], [0.06, 2], [0.02, 2], [0.01, 1], [0.1, 1]] as const);
  const ppu = dpi * inchPerUnit;
  const nice = metric ? [0.5, 1, 2, 5, 10, 20, 50] : [1, 2, 5, 10, 20, 50, 100];
  // printed depth lines are 0.08–0.2 in apart (2 ft at 5 in/100 ft, 10 ft at 2 in/100 ft)
  const minorEvery = nice.find((v) => v * ppu >= dpi * rng.range(0.08, 0.13)) ?? nice[nice.length - 1];
  const heavyEvery = minorEvery * rng.pick([5, 5, 10]);
  let labelEvery = heavyEvery;
  while (labelEvery * ppu < 160) labelEvery *= labelEvery === heavyEvery && heavyEvery % 2 === 0 ? 5 : 2;
  const step = metric ? rng.pick([0.1, 0.125, 0.1524]) : rng.pick([0.5, 0.5, 0.25, 1]);
  const span = height / ppu;
  const top = Math.round(rng.range(100, metric ? 3000 : 9000) / heavyEvery) * heavyEvery + rng.range(-0.5, 0.5) * span * 0.1;
  return { unit, ppu, top, step, minorEvery, heavyEvery, labelEvery };
}

function planGrid(rng: Rng, width: number, merged: boolean, log: boolean, px: number): GridPlan {
  const lineW = Math.max(1, rng.range(0.8, 1.4) * px);
  const heavyW = Math.max(lineW + 0.5, rng.range(1.6, 2.6) * px);
  if (log) {
    // 4 decades (0.2–2000 ohm·m) is the usual print; narrow tracks get fewer
    const decades = Math.min(rng.weighted([[2, 1], [3, 2], [4, 5], [5, 0.5]] as const), Math.max(2, Math.floor(width / 90)));
    return { kind: 'log', divisions: 0, heavyEvery: 0, decades, lineW, heavyW };
  }
  const divisions = merged ? rng.pick([20, 20, 10]) : rng.weighted([[10, 8], [5, 1], [4, 1], [8, 1]] as const);
  const heavyEvery = divisions >= 10 ? rng.pick([5, 5, 10, 0]) : rng.pick([0, 2]);
  return { kind: 'linear', divisions, heavyEvery, decades: 0, lineW, heavyW };
}

/** Column layout: margins, depth track and value tracks (touching, sharing frame lines). */
function planColumns(rng: Rng, width: number, dpi: number): { depth: [number, number]; tracks: { x0: number; x1: number; merged: boolean }[] } {
  const ml = rng.chance(0.4) ? 0 : rng.range(0, 0.05) * width;
  const mr = rng.chance(0.4) ? 0 : rng.range(0, 0.05) * width;
  const inner = width - ml - mr;
  const depthW = Math.min(inner * 0.16, Math.max(inner * 0.07, dpi * rng.range(0.6, 0.95)));
  const arrangement = rng.weighted([['api', 5], ['api-merged', 4], ['depth-left', 2], ['one', 1], ['four', 1]] as const);
  const units = { api: [1, 1, 1], 'api-merged': [1, 2], 'depth-left': [1, 1], one: [1], four: [1, 1, 1, 1] }[arrangement];
  const depthIndex = arrangement === 'depth-left' ? 0 : arrangement === 'one' ? rng.int(0, 1) : 1;
  const unitW = (inner - depthW) / units.reduce((s, u) => s + u, 0);
  const tracks: { x0: number; x1: number; merged: boolean }[] = [];
  let x = ml;
  let depth: [number, number] = [0, 0];
  for (let i = 0; i <= units.length; i++) {
    if (i === depthIndex) {
      depth = [x, x + depthW];
      x += depthW;
    }
    if (i < units.length) {
      tracks.push({ x0: x, x1: x + units[i] * unitW, merged: units[i] > 1 });
      x += units[i] * unitW;
    }
  }
  return { depth, tracks };
}

/** Everything about the page except curves and defects (filled in by the caller). */
export function planPage(rng: Rng, cfg: SynthConfig, length?: number): Omit<LogPlan, 'defects'> {
  const dpi = Math.round(rng.range(cfg.minDpi, cfg.maxDpi));
  const px = dpi / 200; // 1 "200-dpi pixel" in this sample's px
  const height = length ?? rng.int(cfg.minLen, cfg.maxLen);
  const width = Math.round(Math.min(cfg.maxWidth, Math.max(cfg.minWidth, dpi * rng.range(7.2, 8.8))));
  const depth = planDepth(rng, dpi, height);
  const cols = planColumns(rng, width, dpi);
  const hasHeader = rng.chance(cfg.headerRate);
  const rowH = Math.round(rng.range(0.11, 0.16) * dpi);
  const scaleRows = 4;
  const headerH = hasHeader ? Math.round(Math.min(height * 0.3, dpi * rng.range(2.5, 5))) : 0;
  const scaleTop = hasHeader || rng.chance(0.3) ? { y0: headerH + Math.round(rng.range(0.1, 0.4) * dpi), y1: 0 } : null;
  if (scaleTop) scaleTop.y1 = scaleTop.y0 + rowH * scaleRows;
  const scaleBottom = rng.chance(0.25) ? { y0: 0, y1: 0 } : null;
  const bodyTop = scaleTop ? scaleTop.y1 : -1;
  let bodyBottom = height + 1;
  if (scaleBottom) {
    scaleBottom.y1 = height - Math.round(rng.range(0, 0.6) * dpi);
    scaleBottom.y0 = scaleBottom.y1 - rowH * scaleRows;
    bodyBottom = scaleBottom.y0;
  }
  const logIndex = rng.chance(0.45) && cols.tracks.length > 1 ? rng.int(1, cols.tracks.length - 1) : -1;
  const tracks: TrackPlan[] = cols.tracks.map((t, i) => ({
    x0: t.x0, x1: t.x1, curves: [],
    grid: planGrid(rng, t.x1 - t.x0, t.merged, i === logIndex, px),
  }));
  const gridColour = rng.weighted(GRID_INKS);
  const gridDark = inkDarkness(rng, gridColour);
  return {
    width, height, dpi, bodyTop, bodyBottom, depth,
    depthTrack: {
      x0: cols.depth[0], x1: cols.depth[1], lines: rng.weighted([['none', 3], ['heavy', 1], ['all', 2]] as const),
      labelSize: Math.max(9, rng.range(0.07, 0.12) * dpi), pips: rng.chance(0.3),
    },
    tracks,
    ink: { grid: gridDark, frame: Math.max(gridDark, rng.range(0.8, 0.97)), text: rng.range(0.8, 0.97) },
    frameW: Math.max(1.5, rng.range(1.8, 3.2) * px),
    textWeight: Math.max(1.1, rng.range(1, 1.6) * px),
    header: hasHeader ? { y0: Math.round(rng.range(0, 0.2) * dpi), y1: headerH } : null,
    scaleTop, scaleBottom,
  };
}
