/**
 * Hit targets of the traced curves, in the viewer's SVG overlay (scan px): in the edit step, with
 * the select or drag tool, a press on a curve selects it; with the drag tool the press also grabs
 * the point under it. The curves themselves are drawn on a canvas (CurveCanvas); these paths are
 * transparent, wide strokes, built from the rows near the viewport (curve-path.ts) and rebuilt
 * only when their curve or the row window changes. While a curve is dragged its target keeps the
 * path it had at pointer-down (the pointer is captured, so a moving copy would buy nothing) and
 * takes the dragged shape at pointer-up.
 */
import { memo, useMemo, useRef, useState } from 'react';
import type { TracedCurve } from '../../core/types';
import { startDrag, type DragSession } from '../../state/edit-actions';
import { appStore, useAppStore } from '../../state/store';
import { curvePath, pointAt, rowWindow, windowKey, type RowWindow } from './curve-path';
import { frameThrottle, scanPointOf, useNoPan, zoomOf } from './pointer';
import './edit.css';

export function CurveLayer() {
  const curves = useAppStore((s) => s.doc.curves);
  const show = useAppStore((s) => s.view.overlays.curves);
  const selection = useAppStore((s) => s.view.selection);
  const grab = useAppStore((s) => s.view.step === 'edit' && (s.edit.tool === 'select' || s.edit.tool === 'drag'));
  const key = useAppStore((s) => windowKey(rowWindow(s.view.transform, s.view.viewport.height, s.scan.levels[0]?.height ?? 0)));
  const w = useMemo(() => {
    const [from, to, step] = key.split(':').map(Number);
    return { from, to, step };
  }, [key]);
  if (!show || !grab || curves.length === 0) return null;
  return (
    <g className="curve-layer" data-testid="curve-layer">
      {curves.map((c, i) => (
        <CurveHit key={`${c.track}.${c.curve}`} curve={c} index={i} w={w} selected={selection?.track === c.track && selection.curve === c.curve} />
      ))}
    </g>
  );
}

interface HitProps {
  curve: TracedCurve;
  index: number;
  w: RowWindow;
  selected: boolean;
}

type Grip = { session: DragSession; x0: number; moves: ReturnType<typeof frameThrottle<number>> };

const CurveHit = memo(function CurveHit({ curve, index, w, selected }: HitProps) {
  const hit = useRef<SVGPathElement>(null);
  const drag = useRef<Grip | null>(null);
  // the curve as it was at pointer-down while a drag runs, else the current one
  const [held, setHeld] = useState<TracedCurve | null>(null);
  const shape = held ?? curve;
  const d = useMemo(() => curvePath(shape, w), [shape, w]);
  useNoPan(hit);

  const onPointerDown = (e: React.PointerEvent<SVGPathElement>) => {
    if (e.button !== 0) return;
    const s = appStore.getState();
    s.select({ track: curve.track, curve: curve.curve });
    if (s.edit.tool !== 'drag') return;
    const p = scanPointOf(e, e.currentTarget);
    const at = pointAt(s.doc.curves[index], p.y);
    const radius = Math.round(s.edit.dragRadiusPx / zoomOf(e.currentTarget));
    const session = at && startDrag(appStore, index, at.row, radius);
    if (!session || !at) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setHeld(s.doc.curves[index]);
    drag.current = { session, x0: at.x, moves: frameThrottle((dx) => session.move(dx)) };
    drag.current.moves.push(p.x - at.x);
  };
  const onPointerMove = (e: React.PointerEvent<SVGPathElement>) => {
    const g = drag.current;
    if (g) g.moves.push(scanPointOf(e, e.currentTarget).x - g.x0);
  };
  const onPointerUp = () => {
    const g = drag.current;
    if (!g) return;
    g.moves.flush();
    g.session.end();
    drag.current = null;
    setHeld(null);
  };

  return (
    <path
      ref={hit}
      className={`curve-hit ${selected ? 'selected' : ''}`}
      data-testid={`curve-hit-${curve.track}.${curve.curve}`}
      data-curve={`${curve.track}.${curve.curve}`}
      d={d}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
});
