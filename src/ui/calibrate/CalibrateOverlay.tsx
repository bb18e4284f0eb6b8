/**
 * The calibrate step over the scan (children of the viewer's overlay, in upright scan px): the
 * tracks with draggable edges, the detected depth lines, the depth references with their depths,
 * the seeds and the points on curves, and — while a pick is armed — a catcher that turns a click
 * into a reference, a seed or a point (Esc disarms it).
 * A drag on an edge is one undo entry (committed on pointer-up); a drag on the scan still pans.
 */
import { useEffect, useRef } from 'react';
import type { CurveSpec, TrackSpec } from '../../core/calibration/layout';
import { pickAt, setPick } from '../../state/calibrate-actions';
import { setTrackEdge } from '../../state/layout-edits';
import { appStore, useAppStore } from '../../state/store';
import { curveColour } from '../curve-colours';

/** Client px → scan px through the element's own screen transform. */
function scanPoint(e: { clientX: number; clientY: number }, el: SVGGraphicsElement): { x: number; y: number } {
  const m = el.getScreenCTM();
  const p = m ? new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse()) : { x: Number.NaN, y: Number.NaN };
  return { x: p.x, y: p.y };
}

export function CalibrateOverlay() {
  const step = useAppStore((s) => s.view.step);
  const scan = useAppStore((s) => s.scan.levels[0]);
  const layout = useAppStore((s) => s.doc.layout);
  const proposal = useAppStore((s) => s.calibrate.proposal);
  const pick = useAppStore((s) => s.calibrate.pick);
  const k = useAppStore((s) => s.view.transform.k);
  useEscapeEndsPick(!!pick);
  if (step !== 'calibrate' || !scan) return null;
  const px = 1 / k; // one screen px in scan px
  const sameFrame = proposal && layout.deskew !== 'auto' && Math.abs(proposal.deskew - layout.deskew) < 1e-6;
  return (
    <g className="cal-overlay" data-testid="calibrate-overlay">
      {sameFrame && (
        <g className="cal-detected">
          {proposal.depthLines.map((l, i) => (
            <line key={i} x1={0} x2={scan.width} y1={l.y} y2={l.y} />
          ))}
        </g>
      )}
      {layout.tracks.map((t, i) => (
        <TrackBand key={i} t={i} track={t} height={scan.height} px={px} />
      ))}
      {layout.depth.refs.map((r, i) => (
        <g key={i} className="cal-ref-line" data-testid={`depth-ref-${i + 1}`}>
          <line x1={0} x2={scan.width} y1={r.y} y2={r.y} />
          <text x={4 * px} y={r.y - 4 * px} fontSize={13 * px} strokeWidth={3 * px}>
            {Number.isFinite(r.depth) ? `${r.depth} ${layout.depth.unit}` : `reference ${i + 1}: type its depth`}
          </text>
        </g>
      ))}
      {layout.tracks.flatMap((t, ti) =>
        t.curves.map((c, ci) =>
          Number.isFinite(c.seed.x) && Number.isFinite(c.seed.y) ? (
            <g key={`${ti}.${ci}`} className="cal-seed-mark" data-testid={`seed-mark-${ti + 1}-${ci + 1}`}>
              <circle cx={c.seed.x} cy={c.seed.y} r={6 * px} style={{ stroke: curveColour(ti, ci) }} />
              <text x={c.seed.x + 9 * px} y={c.seed.y + 4 * px} fontSize={12 * px} strokeWidth={3 * px} style={{ fill: curveColour(ti, ci) }}>
                {c.mnemonic || `curve ${ci + 1}`}
              </text>
            </g>
          ) : null,
        ),
      )}
      {layout.tracks.flatMap((t, ti) => t.curves.map((c, ci) => <AnchorMarks key={`a${ti}.${ci}`} t={ti} c={ci} curve={c} px={px} />))}
      {pick && <PickCatcher width={scan.width} height={scan.height} px={px} />}
    </g>
  );
}

/** Esc ends an armed pick (adding points stays on click after click until then). */
function useEscapeEndsPick(armed: boolean): void {
  useEffect(() => {
    if (!armed) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setPick(appStore, null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [armed]);
}

/**
 * A curve's points: small diamonds in its colour, a fixed size on screen at every zoom (sizes in
 * screen px times px), unlike the seed's ring; numbered as in the panel's list.
 */
function AnchorMarks({ t, c, curve, px }: { t: number; c: number; curve: CurveSpec; px: number }) {
  if (!curve.anchors?.length) return null;
  const colour = curveColour(t, c);
  const r = 6 * px;
  return (
    <g className="cal-anchor-mark">
      {curve.anchors.map((a, i) =>
        Number.isFinite(a.x) && Number.isFinite(a.y) ? (
          <g key={i} data-testid={`anchor-mark-${t + 1}-${c + 1}-${i + 1}`}>
            <path d={`M ${a.x} ${a.y - r} L ${a.x + r} ${a.y} L ${a.x} ${a.y + r} L ${a.x - r} ${a.y} Z`} style={{ fill: colour }} />
            <text x={a.x + 8 * px} y={a.y + 4 * px} fontSize={11 * px} strokeWidth={3 * px} style={{ fill: colour }}>
              {i + 1}
            </text>
          </g>
        ) : null,
      )}
    </g>
  );
}

/** A click (not a drag: d3-zoom swallows the click after a pan) while a pick is armed. */
function PickCatcher({ width, height, px }: { width: number; height: number; px: number }) {
  return (
    <rect
      className="cal-catcher"
      data-testid="pick-catcher"
      x={0}
      y={0}
      width={width}
      height={height}
      onClick={(e) => {
        const p = scanPoint(e, e.currentTarget);
        // snap within 12 screen px, at least 6 scan px
        pickAt(appStore, p.x, p.y, Math.max(6, 12 * px));
      }}
    />
  );
}

function TrackBand({ t, track, height, px }: { t: number; track: TrackSpec; height: number; px: number }) {
  return (
    <g className="cal-track-band">
      <rect x={track.x0} y={0} width={Math.max(0, track.x1 - track.x0)} height={height} />
      <text x={track.x0 + 4 * px} y={16 * px} fontSize={13 * px}>
        Track {t + 1}
      </text>
      <EdgeHandle t={t} edge="x0" x={track.x0} height={height} />
      <EdgeHandle t={t} edge="x1" x={track.x1} height={height} />
    </g>
  );
}

/** A track edge: drag it, or focus it and use the arrow keys (Shift: 10 px). */
function EdgeHandle({ t, edge, x, height }: { t: number; edge: 'x0' | 'x1'; x: number; height: number }) {
  const ref = useRef<SVGGElement>(null);
  const dragging = useRef<{ dx: number } | null>(null);
  const name = `Track ${t + 1} ${edge === 'x0' ? 'left' : 'right'} edge handle`;
  useEffect(() => {
    // d3-zoom listens for mousedown on the viewer: a press on the handle must not start a pan
    const el = ref.current;
    const stop = (e: Event) => e.stopPropagation();
    el?.addEventListener('mousedown', stop);
    return () => el?.removeEventListener('mousedown', stop);
  }, []);
  const move = (nx: number, capture: 'commit' | 'now') => appStore.getState().updateDocument(`Move track ${t + 1} ${edge === 'x0' ? 'left' : 'right'} edge`, setTrackEdge(t, edge, Math.round(nx * 10) / 10), capture);
  return (
    <g
      ref={ref}
      className="cal-edge"
      role="slider"
      tabIndex={0}
      aria-label={name}
      aria-valuenow={x}
      aria-orientation="horizontal"
      data-testid={`edge-${t + 1}-${edge}`}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        dragging.current = { dx: x - scanPoint(e, e.currentTarget).x };
      }}
      onPointerMove={(e) => {
        if (dragging.current) move(scanPoint(e, e.currentTarget).x + dragging.current.dx, 'commit');
      }}
      onPointerUp={() => {
        dragging.current = null;
        appStore.getState().commitHistory();
      }}
      onKeyDown={(e) => {
        const d = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
        if (!d) return;
        e.preventDefault();
        e.stopPropagation(); // the viewer's arrow keys pan
        move(x + d * (e.shiftKey ? 10 : 1), 'now');
      }}
    >
      <line className="cal-edge-hit" x1={x} x2={x} y1={0} y2={height} />
      <line className="cal-edge-line" x1={x} x2={x} y1={0} y2={height} />
    </g>
  );
}
