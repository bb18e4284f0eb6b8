/**
 * Gestures of the edit tools that act on an area of the scan, drawn over it in scan px:
 *  - erase:   press and drag up or down: the selected curve's rows in between become absent;
 *  - redraw:  draw the selected curve's new line freehand over the rows it should replace;
 *  - lasso:   draw a loop: points inside it are deleted (selected curve, or all when none is);
 *  - retrace: press on the curve's ink (the seed) and drag up or down over the rows to re-trace;
 *             a click alone re-traces the rows on screen.
 * Each gesture is one edit, one undo entry, made on pointer-up.
 */
import { useRef, useState } from 'react';
import type { PixelPoint } from '../../core/calibration/layout';
import { clipRows, rowsBetween } from '../../core/edit';
import { curveIndex, eraseLasso, eraseSpan, redraw, retrace } from '../../state/edit-actions';
import type { EditTool } from '../../state/edit-slice';
import { appStore, useAppStore } from '../../state/store';
import { scanPointOf, useNoPan, zoomOf } from './pointer';

type AreaTool = Extract<EditTool, 'erase' | 'redraw' | 'lasso' | 'retrace'>;
const AREA_TOOLS: ReadonlySet<EditTool> = new Set<EditTool>(['erase', 'redraw', 'lasso', 'retrace']);

export function EditOverlay() {
  const tool = useAppStore((s) => s.edit.tool);
  const step = useAppStore((s) => s.view.step);
  const scan = useAppStore((s) => s.scan.levels[0]);
  const hasCurves = useAppStore((s) => s.doc.curves.length > 0);
  if (step !== 'edit' || !scan || !hasCurves || !AREA_TOOLS.has(tool)) return null;
  return <Gesture tool={tool as AreaTool} width={scan.width} height={scan.height} />;
}

function Gesture({ tool, width, height }: { tool: AreaTool; width: number; height: number }) {
  const rect = useRef<SVGRectElement>(null);
  // the gesture's points live in a ref: pointer events can come faster than React renders, and
  // pointer-up must see every point; the state only drives the preview
  const points = useRef<PixelPoint[]>([]);
  const [pts, setPts] = useState<PixelPoint[]>([]);
  useNoPan(rect);
  const update = (next: PixelPoint[]) => {
    points.current = next;
    setPts(next);
  };

  const onPointerDown = (e: React.PointerEvent<SVGRectElement>) => {
    if (e.button !== 0) return;
    const s = appStore.getState();
    if (tool !== 'lasso' && curveIndex(s.doc, s.view.selection) < 0) {
      s.setEditProblem('Select a curve first: click it with the Select tool, or pick it in the list.');
      return;
    }
    e.currentTarget.setPointerCapture(e.pointerId);
    update([scanPointOf(e, e.currentTarget)]);
  };
  const onPointerMove = (e: React.PointerEvent<SVGRectElement>) => {
    const old = points.current;
    if (old.length === 0) return;
    const el = e.currentTarget;
    // erase and retrace need only the start and the current end; strokes keep every point, also
    // those the browser coalesced into this event (several per frame when the hand moves fast)
    if (tool === 'erase' || tool === 'retrace') update([old[0], scanPointOf(e, el)]);
    else update([...old, ...coalesced(e.nativeEvent).map((c) => scanPointOf(c, el))]);
  };
  const onPointerUp = (e: React.PointerEvent<SVGRectElement>) => {
    if (points.current.length === 0) return;
    const done = [...points.current, scanPointOf(e, e.currentTarget)];
    update([]);
    finish(tool, done, zoomOf(e.currentTarget), height);
  };

  return (
    <g className="edit-gesture" data-testid="edit-gesture">
      <rect
        ref={rect}
        className="edit-capture"
        data-testid="edit-capture"
        x={-width}
        y={-height}
        width={3 * width}
        height={3 * height}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => update([])}
      />
      {pts.length > 0 && <Preview tool={tool} pts={pts} width={width} />}
    </g>
  );
}

function Preview({ tool, pts, width }: { tool: AreaTool; pts: PixelPoint[]; width: number }) {
  const line = pts.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  if (tool === 'redraw') return <polyline className="edit-stroke" points={line} />;
  if (tool === 'lasso') return <polygon className="edit-lasso" points={line} />;
  const y0 = Math.min(pts[0].y, pts.at(-1)!.y);
  const y1 = Math.max(pts[0].y, pts.at(-1)!.y);
  return (
    <g>
      <rect className={`edit-band ${tool}`} x={0} y={y0} width={width} height={Math.max(0.5, y1 - y0)} />
      {tool === 'retrace' && <circle className="edit-seed" cx={pts[0].x} cy={pts[0].y} r={4} style={{ vectorEffect: 'non-scaling-stroke' }} />}
    </g>
  );
}

function coalesced(e: PointerEvent): Array<{ clientX: number; clientY: number }> {
  const all = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
  return all.length > 0 ? all : [e];
}

/** Apply the finished gesture; problems are shown in the edit panel, in words. */
function finish(tool: AreaTool, pts: PixelPoint[], zoom: number, height: number): void {
  const s = appStore.getState();
  const index = curveIndex(s.doc, s.view.selection);
  const first = pts[0];
  const last = pts[pts.length - 1];
  const moved = Math.abs(last.y - first.y) * zoom >= 3; // screen px: less is a click
  try {
    s.setEditProblem(null);
    if (tool === 'erase') {
      if (moved) eraseSpan(appStore, index, clipRows(rowsBetween(first.y, last.y), height));
    } else if (tool === 'redraw') {
      if (pts.length > 1) redraw(appStore, index, pts);
    } else if (tool === 'lasso') {
      if (pts.length > 2 && !eraseLasso(appStore, pts, index)) s.setEditProblem('Nothing to delete inside the loop.');
    } else {
      const rows = moved ? rowsBetween(first.y, last.y) : visibleRows(height);
      retrace(appStore, index, first, clipRows({ from: Math.min(rows.from, Math.floor(first.y)), to: Math.max(rows.to, Math.floor(first.y) + 1) }, height));
    }
  } catch (e) {
    s.setEditProblem((e as Error).message);
  }
}

/** The scan rows on screen now. */
function visibleRows(height: number): { from: number; to: number } {
  const { transform: t, viewport } = appStore.getState().view;
  return clipRows({ from: Math.floor(-t.y / t.k), to: Math.ceil((viewport.height - t.y) / t.k) }, height);
}
