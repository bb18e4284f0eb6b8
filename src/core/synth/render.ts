/**
 * renderSample(seed, config, library) → a synthetic scanned log and its exact truth.
 * Pure: no I/O, no clock, no Math.random — the same seed and config give the same bytes.
 */
import type { Layout } from '../calibration/layout.ts';
import type { Raster } from '../raster.ts';
import { resolveConfig, type SynthConfig } from './config.ts';
import { planCurves, sampleGrid, type SampleGrid } from './curve-plan.ts';
import { planDefects, type DefectPlan } from './defect-plan.ts';
import { bleedPass, blurPass, foldPass, stainPass, streakPass, tonePass } from './defects.ts';
import { drawHeader, drawScaleBlock } from './draw-blocks.ts';
import { drawCurves } from './draw-curves.ts';
import { drawShading } from './draw-shading.ts';
import { drawDepthLabels, drawGrids, drawPips, drawTrackNotes } from './draw-grid.ts';
import type { CurveLibrary } from './library.ts';
import { planPage, type LogPlan } from './plan.ts';
import { Rng } from './prng.ts';
import { bilevelMaskPass, bilevelThreshold, binarizePass, ditherPass, noisePass, skewPass, tornPass, whitePointPass } from './scan-passes.ts';
import { Sheet } from './sheet.ts';
import { buildLayout, buildTruth, type SynthTruth } from './truth.ts';
import { companyName, wellName } from './words.ts';

export interface SynthSample {
  seed: number;
  /** the scan: 8-bit gray, skewed and degraded as planned (JPEG is left to the writer) */
  image: Raster;
  /** SegClass per pixel, aligned with `image` */
  mask: Uint8Array;
  truth: SynthTruth;
  layout: Layout;
  /** JPEG quality the writer should save the image with, or null for PNG */
  jpegQuality: number | null;
  /** what was drawn, for reports and the contact sheet */
  info: { dpi: number; defects: string[]; curves: number; tracks: number; libraryCurves: number };
}

export interface RenderOptions {
  /** force the image height (px), e.g. for the bundled sample or the benchmark */
  length?: number;
  /** force the image width (px) */
  width?: number;
  /** replace the planned defects (e.g. NO_DEFECTS for tests) */
  defects?: DefectPlan;
}

function defectNames(d: DefectPlan): string[] {
  const names: string[] = [];
  if (d.paper < 240 || d.mottle > 0) names.push('paper');
  if (d.illum) names.push('illumination');
  if (d.fade) names.push('fade');
  if (d.stains.length) names.push('stains');
  if (d.folds.length) names.push('folds');
  if (d.bleed) names.push('show-through');
  if (d.streaks.length) names.push('streaks');
  if (d.blur > 0) names.push('blur');
  if (d.skew !== 0) names.push('skew');
  if (d.torn) names.push('torn');
  if (d.noise > 0) names.push('noise');
  if (d.saltPepper > 0) names.push('specks');
  if (d.binarize !== null) names.push(d.dither ? '1-bit dither' : '1-bit');
  if (d.jpeg !== null) names.push('jpeg');
  return names;
}

/** Scan the ink sheet: photometric passes, then geometry (moving the mask too), then noise. */
function scan(sheet: Sheet, d: DefectPlan, rng: Rng): { img: Uint8Array; mask: Uint8Array } {
  const { width: w, height: h } = sheet;
  let img: Uint8Array = new Uint8Array(w * h);
  let mask: Uint8Array = sheet.mask;
  tonePass(sheet.trans, img, w, h, d, rng.fork(1));
  bleedPass(sheet.trans, img, w, h, d);
  stainPass(img, w, h, d);
  foldPass(img, w, h, d);
  if (d.blur > 0) blurPass(img, w, h, d.blur);
  if (d.skew !== 0) ({ img, mask } = skewPass(img, mask, w, h, d.skew, d.background));
  streakPass(img, w, h, d); // on the glass: after the page's own tilt
  tornPass(img, mask, w, h, d, rng.fork(2));
  noisePass(img, w, h, d, rng.fork(3));
  if (d.binarize !== null) {
    // a bilevel scanner sets its white point on the paper first
    whitePointPass(img, Math.min(255, d.paper * (d.illum ? 1 - d.illum.amp / 2 : 1) * 0.97));
    if (d.dither) ditherPass(img, w, h);
    // the planned threshold, unless it would erase the curves (then halfway between ink and paper)
    else binarizePass(img, bilevelThreshold(img, mask, w, h, d.binarize));
    // the mask marks only ink that survived: the model cannot learn lines the scan no longer has
    bilevelMaskPass(img, mask, w, h, d.dither ? 2 : 1);
  }
  return { img, mask };
}

/** A planned page: everything random about a sample except the drawing itself. */
export interface PlannedSample {
  seed: number;
  plan: LogPlan;
  grid: SampleGrid;
}

/** Plan a sample without drawing it (cheap): lets callers pick seeds with wanted features. */
export function planSample(seed: number, config: Partial<SynthConfig> = {}, library?: CurveLibrary, opts: RenderOptions = {}): PlannedSample {
  const cfg = resolveConfig(config);
  const rng = new Rng(seed);
  const pageCfg = opts.width ? { ...cfg, minWidth: opts.width, maxWidth: opts.width } : cfg;
  const page = planPage(rng.fork(1), pageCfg, opts.length);
  const grid = sampleGrid(page);
  planCurves(rng.fork(2), page, grid, cfg.libraryRate, library);
  const defects = opts.defects ?? planDefects(rng.fork(3), page.width, page.height, cfg.defectRate, page.dpi);
  return { seed, plan: { ...page, defects }, grid };
}

/** Draw and scan a planned sample. */
export function renderPlanned({ seed, plan, grid }: PlannedSample): SynthSample {
  const rng = new Rng(seed ^ 0x5bd1e995);
  const sheet = new Sheet(plan.width, plan.height);
  const draw = rng.fork(4);
  const gaps = drawDepthLabels(sheet, plan);
  drawTrackNotes(sheet, plan, draw.fork(5), gaps);
  drawGrids(sheet, plan, gaps);
  drawPips(sheet, plan, draw.fork(1));
  drawHeader(sheet, plan, draw.fork(2));
  if (plan.scaleTop) drawScaleBlock(sheet, plan, plan.scaleTop, draw.fork(3));
  if (plan.scaleBottom) drawScaleBlock(sheet, plan, plan.scaleBottom, draw.fork(4));
  drawShading(sheet, plan, grid, draw.fork(6));
  const phases = Array.from({ length: 16 }, () => draw.float());
  const drawn = drawCurves(sheet, plan, grid, phases);

  const meta = rng.fork(5);
  const well = { COMP: companyName(meta), WELL: wellName(meta) };
  const layout = buildLayout(plan, grid, drawn, sheet.mask, meta, well);
  const truth = buildTruth(plan, grid, drawn);
  const { img, mask } = scan(sheet, plan.defects, rng.fork(6));
  const curves = plan.tracks.flatMap((t) => t.curves);
  return {
    seed,
    image: { width: plan.width, height: plan.height, channels: 1, data: img },
    mask,
    truth,
    layout,
    jpegQuality: plan.defects.jpeg,
    info: {
      dpi: plan.dpi, defects: defectNames(plan.defects), curves: curves.length, tracks: plan.tracks.length,
      libraryCurves: curves.filter((c) => c.source === 'library').length,
    },
  };
}

export function renderSample(seed: number, config: Partial<SynthConfig> = {}, library?: CurveLibrary, opts: RenderOptions = {}): SynthSample {
  return renderPlanned(planSample(seed, config, library, opts));
}
