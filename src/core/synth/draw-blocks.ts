/**
 * Header title block and scale blocks (the per-curve "left  NAME (UNIT)  right" rows with a sample
 * of each curve's line style), as printed above and below the log body. Box lines are class grid,
 * letters and the style samples class text.
 */
import { SegClass } from '../types.ts';
import { Dasher } from './draw-curves.ts';
import type { Rng } from './prng.ts';
import type { LogPlan } from './plan.ts';
import type { Sheet } from './sheet.ts';
import { drawText, textWidth, type TextStyle } from './text.ts';
import { headerFields, type HeaderFields } from './words.ts';

function fmt(v: number): string {
  return String(Number(v.toPrecision(4)));
}

function pageEdges(plan: LogPlan): [number, number] {
  const xs = [plan.depthTrack.x0, plan.depthTrack.x1, ...plan.tracks.flatMap((t) => [t.x0, t.x1])];
  return [Math.min(...xs), Math.max(...xs)];
}

/** The scale block between rows y0 and y1: one row per curve index, one column per track. */
export function drawScaleBlock(sheet: Sheet, plan: LogPlan, block: { y0: number; y1: number }, rng: Rng): void {
  const rows = 4;
  const rowH = (block.y1 - block.y0) / rows;
  const size = Math.min(rowH * 0.42, plan.dpi * rng.range(0.05, 0.07));
  const style: TextStyle = { size, weight: plan.textWeight };
  const [xl, xr] = pageEdges(plan);
  const lw = Math.max(1, plan.frameW * 0.6);
  for (let r = 0; r <= rows; r++) sheet.hline(block.y0 + r * rowH, xl, xr, r === 0 || r === rows ? plan.frameW : lw);
  for (const x of [plan.depthTrack.x0, plan.depthTrack.x1, ...plan.tracks.flatMap((t) => [t.x0, t.x1])]) {
    sheet.vline(x, block.y0, block.y1, lw);
  }
  sheet.commit(plan.ink.frame, SegClass.Grid);
  const pad = size * 0.4;
  for (const t of plan.tracks) {
    t.curves.forEach((c, r) => {
      if (r >= rows) return;
      const base = block.y0 + r * rowH + rowH * 0.5 + size * 0.35;
      const name = rng.chance(0.5) ? `${c.title} (${c.unit})` : `${c.mnemonic} (${c.unit})`;
      const lt = fmt(c.left);
      const rt = fmt(c.right);
      const room = t.x1 - t.x0 - textWidth(lt, style) - textWidth(rt, style) - 4 * pad;
      drawText(sheet, lt, t.x0 + pad, base, style);
      drawText(sheet, rt, t.x1 - pad - textWidth(rt, style), base, style);
      const label = textWidth(name, style) <= room ? name : c.mnemonic;
      drawText(sheet, label, (t.x0 + t.x1) / 2 - textWidth(label, style) / 2, base, style);
      // the style key: a short run of the curve's own line, under the text
      const dash = new Dasher(sheet, c.dash, Math.max(0.6, c.width / 2.5));
      const yk = block.y0 + (r + 1) * rowH - Math.max(2, rowH * 0.14);
      dash.segment(t.x0 + pad, yk, t.x1 - pad, yk);
    });
  }
  const dt = plan.depthTrack;
  const label = plan.depth.unit === 'FT' ? rng.pick(['DEPTH', 'FEET', 'Depth (ft)']) : rng.pick(['DEPTH', 'METRES', 'Depth (m)']);
  const ls = { ...style, size: Math.min(size, ((dt.x1 - dt.x0) * 0.8 * 10) / Math.max(1, textWidth(label, { ...style, size: 10 }))) };
  drawText(sheet, label, (dt.x0 + dt.x1) / 2 - textWidth(label, ls) / 2, block.y0 + rowH * 0.5 + ls.size * 0.5, ls);
  sheet.commit(plan.ink.text, SegClass.Text);
}

/** The title block: a framed box with the log's title and label/value rows, printed either way round. */
export function drawHeader(sheet: Sheet, plan: LogPlan, rng: Rng): void {
  if (!plan.header) return;
  const f = headerFields(rng, plan.depth.unit);
  if (rng.chance(0.45)) drawPortraitHeader(sheet, plan, rng, f);
  else drawLandscapeHeader(sheet, plan, rng, f);
}

function drawLandscapeHeader(sheet: Sheet, plan: LogPlan, rng: Rng, f: HeaderFields): void {
  const { y0, y1 } = plan.header!;
  const [xl, xr] = pageEdges(plan);
  const split = xl + (xr - xl) * rng.range(0.55, 0.7);
  sheet.hline(y0, xl, xr, plan.frameW);
  sheet.hline(y1, xl, xr, plan.frameW);
  sheet.vline(xl, y0, y1, plan.frameW);
  sheet.vline(xr, y0, y1, plan.frameW);
  sheet.vline(split, y0, y1, plan.frameW * 0.6);
  const rowH = (y1 - y0) / (f.rows.length + 1);
  for (let r = 1; r <= f.rows.length; r++) sheet.hline(y0 + r * rowH, xl, split, Math.max(1, plan.frameW * 0.4));
  sheet.commit(plan.ink.frame, SegClass.Grid);
  const size = Math.min(rowH * 0.5, plan.dpi * 0.09);
  const style: TextStyle = { size, weight: plan.textWeight };
  const big: TextStyle = { size: Math.min(rowH * 1.2, plan.dpi * rng.range(0.14, 0.22)), weight: plan.textWeight * 1.4 };
  drawText(sheet, f.title, xl + size, y0 + rowH * 0.75 + size / 2, big);
  f.rows.forEach(([label, value], i) => {
    const base = y0 + (i + 1.5) * rowH + size / 2;
    drawText(sheet, label, xl + size * 0.6, base, style);
    drawText(sheet, value, xl + (split - xl) * 0.38, base, style);
  });
  const cx = split + size;
  const lines = [f.service, ...f.rows.slice(0, 2).map((r) => r[1]), plan.depth.unit === 'FT' ? 'Depth in Feet' : 'Depth in Metres'];
  lines.forEach((t, i) => {
    const s = i === 0 ? big : style;
    if (textWidth(t, s) < xr - cx - size) drawText(sheet, t, cx, y0 + ((i + 1) * (y1 - y0)) / (lines.length + 1), s);
  });
  sheet.commit(plan.ink.text, SegClass.Text);
}

/**
 * The header as folded prints carry it: turned a quarter turn, text running down the page in
 * columns (one column per label/value row), the title in a wide column on the right.
 */
function drawPortraitHeader(sheet: Sheet, plan: LogPlan, rng: Rng, f: HeaderFields): void {
  const { y0, y1 } = plan.header!;
  const [xl, xr] = pageEdges(plan);
  const titleW = (xr - xl) * rng.range(0.2, 0.3);
  const colW = (xr - xl - titleW) / f.rows.length;
  sheet.hline(y0, xl, xr, plan.frameW);
  sheet.hline(y1, xl, xr, plan.frameW);
  for (let c = 0; c <= f.rows.length; c++) sheet.vline(xl + c * colW, y0, y1, c === 0 ? plan.frameW : Math.max(1, plan.frameW * 0.4));
  sheet.vline(xr, y0, y1, plan.frameW);
  const split = y0 + (y1 - y0) * rng.range(0.3, 0.4);
  sheet.hline(split, xl, xl + f.rows.length * colW, Math.max(1, plan.frameW * 0.4));
  sheet.commit(plan.ink.frame, SegClass.Grid);
  const size = Math.min(colW * 0.45, plan.dpi * 0.09);
  const style: TextStyle = { size, weight: plan.textWeight, angle: 90 };
  f.rows.forEach(([label, value], i) => {
    // angle 90: the baseline runs down the page and letter tops face right, so the baseline sits left of centre
    const bx = xl + (i + 0.5) * colW - size / 2;
    if (textWidth(label, style) < split - y0 - size) drawText(sheet, label, bx, y0 + size * 0.6, style);
    if (textWidth(value, style) < y1 - split - size) drawText(sheet, value, bx, split + size * 0.6, style);
  });
  const big: TextStyle = { size: Math.min(titleW * 0.3, plan.dpi * rng.range(0.14, 0.22)), weight: plan.textWeight * 1.4, angle: 90 };
  const tx = xr - titleW / 2 - big.size / 2;
  if (textWidth(f.title, big) < y1 - y0 - big.size) drawText(sheet, f.title, tx, y0 + big.size, big);
  sheet.commit(plan.ink.text, SegClass.Text);
}
