/**
 * Edits of the document's curves, as the edit tools make them: each is one undo entry ('now'),
 * except a drag, which is a run of 'commit' updates closed on pointer-up. Curves stay in pixel
 * space of the upright scan; depths typed by the user are turned into rows through the layout's
 * depth map. Functions take the store (like createLoader) so tests drive them without React.
 */
import { depthMap } from '../core/calibration/depth-map';
import { darkness } from '../core/trace/classical';
import { dragRows, eraseInPolygon, eraseRows, redrawStroke, retraceInterval, setValue, type RowSpan } from '../core/edit';
import type { PixelPoint, TrackSpec } from '../core/calibration/layout';
import { segmentClassical } from '../core/digitise/trace-layout';
import type { Raster } from '../core/raster';
import type { Segmentation, TracedCurve } from '../core/types';
import type { DocumentData } from './document';
import type { Capture } from './history';
import type { AppStore } from './store';

/** Index in doc.curves of the curve at layout position (track, curve); -1 when it has not been traced. */
export function curveIndex(doc: DocumentData, sel: { track: number; curve: number } | null): number {
  if (!sel) return -1;
  return doc.curves.findIndex((c) => c.track === sel.track && c.curve === sel.curve);
}

/** The layout's mnemonic of a traced curve, for labels ("Erase GR 1200–1250 FT"). */
export function curveName(doc: DocumentData, c: TracedCurve): string {
  return doc.layout.tracks[c.track]?.curves[c.curve]?.mnemonic || `curve ${c.track + 1}.${c.curve + 1}`;
}

/** Replace curve `index` by `op(curve)`; false (and no history entry) when op changed nothing. */
export function editCurve(store: AppStore, index: number, label: string, op: (c: TracedCurve) => TracedCurve, capture: Capture = 'now'): boolean {
  let changed = false;
  store.getState().updateDocument(label, (d) => {
    const c = d.curves[index];
    if (!c) return d;
    const next = op(c);
    if (next === c) return d;
    changed = true;
    const curves = d.curves.slice();
    curves[index] = next;
    return { ...d, curves };
  }, capture);
  return changed;
}

/** Rows between two depths (either order, layout depth unit); one row when they are equal. */
export function rowsOfDepths(doc: DocumentData, a: number, b: number): RowSpan {
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError('Type both depths as numbers.');
  const map = depthMap(doc.layout.depth);
  const ya = map.yAt(a);
  const yb = map.yAt(b);
  const from = Math.ceil(Math.min(ya, yb) - 0.5);
  const to = Math.floor(Math.max(ya, yb) - 0.5) + 1;
  return to > from ? { from, to } : { from: Math.floor(ya), to: Math.floor(ya) + 1 };
}

export function eraseSpan(store: AppStore, index: number, rows: RowSpan): boolean {
  const c = store.getState().doc.curves[index];
  if (!c) return false;
  return editCurve(store, index, `Erase ${curveName(store.getState().doc, c)}`, (k) => eraseRows(k, rows));
}

/** Lasso delete: points of curve `index` inside the polygon, or of every curve when index < 0. */
export function eraseLasso(store: AppStore, polygon: readonly PixelPoint[], index: number): boolean {
  const label = 'Lasso delete';
  let changed = false;
  store.getState().updateDocument(label, (d) => {
    const curves = d.curves.map((c, i) => (index < 0 || i === index ? eraseInPolygon(c, polygon) : c));
    changed = curves.some((c, i) => c !== d.curves[i]);
    return changed ? { ...d, curves } : d;
  });
  return changed;
}

export function redraw(store: AppStore, index: number, stroke: readonly PixelPoint[]): boolean {
  const doc = store.getState().doc;
  const c = doc.curves[index];
  if (!c) return false;
  const track = doc.layout.tracks[c.track];
  const wrap = track?.curves[c.curve]?.wrap ? { x0: track.x0, x1: track.x1 } : undefined;
  return editCurve(store, index, `Redraw ${curveName(doc, c)}`, (k) => redrawStroke(k, stroke, wrap).curve);
}

/** Set rows to a value typed in the curve's unit; throws RangeError in words for a value the scale cannot show. */
export function setSpanValue(store: AppStore, index: number, rows: RowSpan, value: number): boolean {
  const doc = store.getState().doc;
  const c = doc.curves[index];
  const track = c && doc.layout.tracks[c.track];
  const spec = track?.curves[c.curve];
  if (!c || !track || !spec) return false;
  return editCurve(store, index, `Set ${spec.mnemonic} to ${value}`, (k) => setValue(k, rows, value, spec, track));
}

export interface DragSession {
  /** the pointer is dx px (scan px) right of where it went down */
  move(dx: number): void;
  /** pointer-up: the whole drag becomes one undo entry */
  end(): void;
}

/** Start dragging curve `index` at scan row `row`; null when the curve is absent there. */
export function startDrag(store: AppStore, index: number, row: number, radiusRows: number): DragSession | null {
  const doc = store.getState().doc;
  const base = doc.curves[index];
  if (!base || dragRows(base, { row, dx: 1, radius: 0 }) === base) return null;
  const label = `Drag ${curveName(doc, base)}`;
  return {
    move(dx) {
      editCurve(store, index, label, (c) => (c.track === base.track && c.curve === base.curve ? dragRows(base, { row, dx, radius: radiusRows }) : c), 'commit');
    },
    end() {
      store.getState().commitHistory();
    },
  };
}

/**
 * Re-trace rows of curve `index` from a click on its ink, with the last digitise run's
 * segmentation. Throws an Error in words when there is none or the tracker cannot start there.
 */
export function retrace(store: AppStore, index: number, click: PixelPoint, rows: RowSpan): boolean {
  const { doc, scan } = store.getState();
  const input = scan.traceInput;
  if (!input) {
    throw new Error('Re-tracing needs the segmentation of a digitise run, which is kept only while the scan is open: digitise the scan first.');
  }
  if (input.upright && !darkCache.has(input.upright)) darkCache.set(input.upright, darkness(input.upright));
  const dark = input.upright ? darkCache.get(input.upright) : undefined;
  const c = doc.curves[index];
  if (!c) return false;
  const upright = input.upright;
  // as digitise did: with the model's segmentation, stretches it missed are filled from the scan's
  // darkness, segmented in the trace worker by that run (made here only if that run needed none)
  const fill = input.fill;
  const fillFrom = input.kind === 'model' && upright ? () => fill ?? classicalOf(upright, doc.layout.tracks) : undefined;
  const fresh = retraceInterval({
    seg: input.seg, dark, tracks: doc.layout.tracks, curves: doc.curves, target: index, click, rows, options: input.options, fillFrom,
  });
  return editCurve(store, index, `Re-trace ${curveName(doc, c)}`, () => fresh);
}

/** Darkness of an upright scan, made once per digitise run (a 12,800 px scan takes ~50 ms). */
const darkCache = new WeakMap<object, Uint8Array>();

/**
 * The darkness segmentation of an upright scan for these track edges, made when a re-trace first has a
 * stretch to fill that the digitise run had none to (segmentClassical, as that run would have), and kept
 * while the scan is.
 */
function classicalOf(upright: Raster, tracks: readonly TrackSpec[]): Segmentation {
  const key = tracks.map((t) => `${t.x0},${t.x1}`).join(';');
  const hit = classicalCache.get(upright);
  if (hit?.key === key) return hit.seg;
  const seg = segmentClassical(upright, { tracks: [...tracks] });
  classicalCache.set(upright, { key, seg });
  return seg;
}
const classicalCache = new WeakMap<object, { key: string; seg: Segmentation }>();
