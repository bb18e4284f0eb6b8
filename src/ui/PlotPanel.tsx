/**
 * Right panel: the log plot of the digitised curves, depth against value on each curve's own scale,
 * tracks as columns like the paper. It shares the viewer's vertical zoom and position (scan rows
 * are its vertical frame, see plot/plot-model.ts), so the plot beside a stretch of scan shows that
 * stretch: a spike, a jump to the wrong curve or a gap stands out at a glance. A wheel over the
 * plot scrolls the scan (and so the plot). Layers, bottom up: the columns, grid and depth ticks
 * (SVG), the curves (a canvas, plot/PlotCurves.tsx), the pointer's row (SVG).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { depthMap, type DepthMap } from '../core/calibration/depth-map';
import type { Layout } from '../core/calibration/layout';
import { appStore, useAppStore } from '../state/store';
import { PlotCurves } from './plot/PlotCurves';
import { PlotHeader } from './plot/PlotHeader';
import { depthTicks, gridLines, trackColumns } from './plot/plot-model';
import './plot/plot.css';

const AXIS = 44; // px for the depth labels

export function PlotPanel() {
  const layout = useAppStore((s) => s.doc.layout);
  const hasCurves = useAppStore((s) => s.doc.curves.length > 0);
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    if (!box.current) return;
    const ro = new ResizeObserver(([e]) => setSize({ width: e.contentRect.width, height: e.contentRect.height }));
    ro.observe(box.current);
    return () => ro.disconnect();
  }, [hasCurves]);
  const map = useMemo(() => safeDepthMap(layout), [layout]);
  const cols = useMemo(() => trackColumns(layout.tracks, size.width, AXIS), [layout.tracks, size.width]);

  if (!hasCurves) {
    return (
      <aside className="panel panel-right" aria-label="Log plot">
        <h2>Log plot</h2>
        <div className="empty-note">
          <p>The digitised curves are plotted here, depth against value on their own scales, scrolling with the scan.</p>
          <p className="muted small">Calibrate and digitise the scan to fill it.</p>
        </div>
      </aside>
    );
  }
  return (
    <aside className="panel panel-right plot-panel" aria-label="Log plot">
      <h2>Log plot</h2>
      <PlotHeader layout={layout} cols={cols} map={map} />
      <div ref={box} className="plot-body" data-testid="log-plot" onWheel={forwardWheel}>
        {size.width > 0 && (
          <svg width={size.width} height={size.height}>
            {cols.map((c, t) => (
              <g key={t} className="plot-grid">
                <rect className="plot-col" x={c.x} y={0} width={c.width} height={size.height} />
                {gridLines(layout.tracks[t].curves[0], c).map((l, i) => (
                  <line key={i} className={l.major ? 'major' : ''} x1={l.x} x2={l.x} y1={0} y2={size.height} />
                ))}
              </g>
            ))}
            <DepthTicks map={map} height={size.height} width={size.width} />
          </svg>
        )}
        {size.width > 0 && <PlotCurves layout={layout} cols={cols} width={size.width} height={size.height} />}
        {size.width > 0 && <PlotCursor height={size.height} width={size.width} />}
      </div>
    </aside>
  );
}

/** Depth ticks, following the viewer's vertical zoom and position. */
function DepthTicks({ map, height, width }: { map: DepthMap | null; height: number; width: number }) {
  const t = useAppStore((s) => s.view.transform);
  const viewerHeight = useAppStore((s) => s.view.viewport.height);
  // plot px per viewer px: the same rows fill the plot's height as fill the viewer's
  const s = viewerHeight > 0 ? height / viewerHeight : 1;
  const rowTop = -t.y / t.k;
  const rowBottom = rowTop + viewerHeight / t.k;
  const ticks = map ? depthTicks(map, rowTop, rowBottom, Math.floor(height / 56)) : [];
  const digits = ticks.length > 1 ? Math.max(0, -Math.floor(Math.log10(Math.abs(ticks[1].depth - ticks[0].depth)) + 1e-9)) : 0;
  return (
    <g>
      {ticks.map((k) => (
        <g key={k.depth} className="plot-tick" transform={`translate(0,${((k.row * t.k + t.y) * s).toFixed(1)})`}>
          <line x1={AXIS - 4} x2={width} />
          <text x={AXIS - 6} dy="0.32em">{k.depth.toFixed(digits)}</text>
        </g>
      ))}
    </g>
  );
}

/** The row under the pointer in the viewer, across the plot (over the curves). */
function PlotCursor({ height, width }: { height: number; width: number }) {
  const cursor = useAppStore((s) => s.view.cursor);
  const t = useAppStore((s) => s.view.transform);
  const viewerHeight = useAppStore((s) => s.view.viewport.height);
  if (!cursor) return null;
  const y = (cursor.y * t.k + t.y) * (viewerHeight > 0 ? height / viewerHeight : 1);
  return (
    <svg className="plot-over" width={width} height={height}>
      <line className="plot-cursor" x1={AXIS} x2={width} y1={y} y2={y} />
    </svg>
  );
}

function safeDepthMap(layout: Layout): DepthMap | null {
  try {
    return depthMap(layout.depth);
  } catch {
    return null;
  }
}

/** Scroll the scan (and with it the plot) by wheeling over the plot. */
function forwardWheel(e: React.WheelEvent): void {
  const viewer = document.querySelector('[data-testid="scan-viewer"]');
  if (!viewer || !appStore.getState().scan.levels.length) return;
  viewer.dispatchEvent(new WheelEvent('wheel', { deltaX: 0, deltaY: e.deltaY, deltaMode: e.deltaMode, bubbles: true, cancelable: true }));
}
