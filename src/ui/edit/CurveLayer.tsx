/**
 * The traced curves over the scan, each in its own colour, drawn in scan px inside the viewer's
 * overlay. Only the rows near the viewport are drawn, decimated by zoom (curve-path.ts), and a
 * curve's path is rebuilt only when that curve or the row window changes: during a drag only the
 * dragged curve is redrawn. In the edit step, with the select or drag tool, a press on a curve
 * selects it; with the drag tool the press also grabs the point under it.
 */
import { memo, useMemo, useRef } from 'react';
import type { TracedCurve } from '../../core/types';
import { curveIndex, startDrag, type DragSession } from '../../state/edit-actions';
import { appStore, useAppStore } from '../../state/store';
import { curveColour } from '../curve-colours';
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
  if (!show || curves.length === 0) return null;
  const selected = curveIndex(appStore.getState().doc, selection);
  return (
    <g className="curve-layer" data-testid="curve-layer">
      {curves.map((c, i) => (
        <CurveShape key={`${c.track}.${c.curve}`} curve={c} index={i} w={w} selected={i === selected} grab={grab} />
      ))}
    </g>
  );
}

interface ShapeProps {
  curve: TracedCurve;
  index: number;
  w: RowWindow;
  selected: boolean;
  grab: boolean;
}

const CurveShape = memo(function CurveShape({ curve, index, w, selected, grab }: ShapeProps) {
  const d = useMemo(() => curvePath(curve, w), [curve, w]);
  const hit = useRef<SVGPathElement>(null);
  // while dragging, the hit target keeps the path it had at pointer-down: the pointer is captured, so
  // re-parsing a second copy of the moving path every frame would buy nothing
  const drag = useRef<{ session: DragSession; x0: number; d: string; moves: ReturnType<typeof frameThrottle<number>> } | null>(null);
  useNoPan(hit, grab);
  const colour = curveColour(curve.track, curve.curve);

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
    drag.current = { session, x0: at.x, d, moves: frameThrottle((dx) => session.move(dx)) };
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
  };

  return (
    <g className={selected ? 'curve selected' : 'curve'} data-curve={`${curve.track}.${curve.curve}`}>
      <path className="curve-line" d={d} stroke={colour} />
      {grab && (
        <path
          ref={hit}
          className={`curve-hit ${selected ? 'selected' : ''}`}
          data-testid={`curve-hit-${curve.track}.${curve.curve}`}
          d={drag.current ? drag.current.d : d}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        />
      )}
    </g>
  );
});
