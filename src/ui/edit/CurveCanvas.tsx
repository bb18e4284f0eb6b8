/**
 * The traced curves over the scan, each in its own colour (the selected one wider, on top), on a
 * canvas the size of the viewer placed between the scan tiles and the SVG overlay. Redrawn after
 * every change of the curves, the selection or the view, in the same frame: the store's transform
 * changes in the animation frame that draws the tiles, and React commits this layout effect in
 * that frame's microtasks. Only the rows on screen are stroked, and a drag step redraws only the
 * band of rows it moved (curve-canvas.ts); hit targets for picking and dragging a curve stay in
 * the SVG overlay (CurveLayer).
 */
import { useLayoutEffect, useRef } from 'react';
import type { TracedCurve } from '../../core/types';
import { useAppStore } from '../../state/store';
import { curveColour } from '../curve-colours';
import { CurvePainter, fitCanvas, viewMap, type CurveStroke } from './curve-canvas';
import { visibleWindow } from './curve-path';

/** Line widths (CSS px) and opacities, as the plot's: the selected curve stands out. */
const LINE = { width: 1.6, alpha: 0.85 };
const SELECTED = { width: 2.8, alpha: 1 };

type CurveRef = { track: number; curve: number };

/** Each curve's stroke, the selected one last (on top of the others). */
function strokesOf(curves: readonly TracedCurve[], selection: CurveRef | null): CurveStroke[] {
  const on = (c: TracedCurve) => selection?.track === c.track && selection.curve === c.curve;
  return [...curves.filter((c) => !on(c)), ...curves.filter(on)].map((c) => ({ curve: c, colour: curveColour(c.track, c.curve), ...(on(c) ? SELECTED : LINE) }));
}

export function CurveCanvas() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const painter = useRef(new CurvePainter());
  const curves = useAppStore((s) => s.doc.curves);
  const show = useAppStore((s) => s.view.overlays.curves);
  const selection = useAppStore((s) => s.view.selection);
  const t = useAppStore((s) => s.view.transform);
  const viewport = useAppStore((s) => s.view.viewport);
  const scanHeight = useAppStore((s) => s.scan.levels[0]?.height ?? 0);
  const shown = show && scanHeight > 0 ? curves : [];

  useLayoutEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const frame = { width: viewport.width, height: viewport.height, dpr: window.devicePixelRatio || 1 };
    if (fitCanvas(c, frame)) painter.current.reset();
    painter.current.paint(ctx, frame, viewMap(t), visibleWindow(t, viewport.height, scanHeight), strokesOf(shown, selection));
  }, [shown, selection, t, viewport, scanHeight]);

  return (
    <canvas
      ref={canvas}
      className="curve-canvas"
      data-testid="curve-canvas"
      // which curves are drawn, "track.curve" each: for tests and for reading the DOM
      data-curves={shown.map((c) => `${c.track}.${c.curve}`).join(' ')}
    />
  );
}
