/**
 * The log plot's curves, on a canvas over its grid (same size as the plot body): each curve on its
 * own scale inside its track's column, the selected one wider and on top. Frames: across, plot px
 * (plot-model.ts plotCurve); down, scan rows mapped as the viewer maps them, scaled so the rows
 * that fill the viewer fill the plot. Redrawn in the frame the curves or the view change, rows on
 * screen only, a drag step only the band it moved (edit/curve-canvas.ts); a curve is re-placed on
 * its scale only when it changed.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Layout } from '../../core/calibration/layout';
import type { TracedCurve } from '../../core/types';
import { useAppStore } from '../../state/store';
import { curveColour } from '../curve-colours';
import { CurvePainter, fitCanvas, type CurveStroke } from '../edit/curve-canvas';
import { visibleWindow } from '../edit/curve-path';
import { plotCurve, type Column } from './plot-model';

const LINE = { width: 1.3, alpha: 1 };
const SELECTED = { width: 2.4, alpha: 1 };

export function PlotCurves({ layout, cols, width, height }: { layout: Layout; cols: Column[]; width: number; height: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const painter = useRef(new CurvePainter());
  const curves = useAppStore((s) => s.doc.curves);
  const selection = useAppStore((s) => s.view.selection);
  const t = useAppStore((s) => s.view.transform);
  const viewerHeight = useAppStore((s) => s.view.viewport.height);
  const scanHeight = useAppStore((s) => s.scan.levels[0]?.height ?? 0);
  // plotted curves by traced curve: a drag step replaces one curve, the others keep their placing;
  // new scales or columns start a new cache
  const placed = useMemo(() => new WeakMap<TracedCurve, TracedCurve>(), [layout, cols]);
  const { strokes, drawn } = useMemo(() => {
    const out: CurveStroke[] = [];
    const top: CurveStroke[] = [];
    const drawn: string[] = [];
    for (const c of curves) {
      const track = layout.tracks[c.track];
      const spec = track?.curves[c.curve];
      const col = cols[c.track];
      if (!spec || !col) continue;
      let p = placed.get(c);
      if (!p) placed.set(c, (p = plotCurve(c, spec, track, col)));
      const on = selection?.track === c.track && selection.curve === c.curve;
      drawn.push(`${c.track}.${c.curve}`);
      (on ? top : out).push({ curve: p, colour: curveColour(c.track, c.curve), clip: col, ...(on ? SELECTED : LINE) });
    }
    return { strokes: [...out, ...top], drawn: drawn.join(' ') };
  }, [curves, layout, cols, placed, selection]);

  useLayoutEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const frame = { width, height, dpr: window.devicePixelRatio || 1 };
    if (fitCanvas(c, frame)) painter.current.reset();
    // plot px per viewer px: the same rows fill the plot's height as fill the viewer's
    const s = viewerHeight > 0 ? height / viewerHeight : 1;
    const view = { k: t.k * s, x: 0, y: t.y * s };
    painter.current.paint(ctx, frame, { ax: 1, bx: 0, ay: view.k, by: view.y }, visibleWindow(view, height, scanHeight), strokes);
  }, [strokes, t, viewerHeight, scanHeight, width, height]);

  return (
    <canvas
      ref={canvas}
      className="plot-curves"
      style={{ width, height }}
      data-testid="plot-curves"
      // which curves are drawn, "track.curve" each: for tests and for reading the DOM
      data-curves={drawn}
    />
  );
}
