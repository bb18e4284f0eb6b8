/**
 * Calibration edits as pure document updates, for updateDocument(label, recipe, capture). Pixel
 * positions are in the upright frame. Removing a track or a curve also removes its traced curve and
 * renumbers the later ones, so doc.curves always points at the layout's curves.
 * A value the user has not given yet (a depth not typed, a seed not clicked) is NaN: validateLayout
 * names it, and the field asks for it.
 */
import type { CurveSpec, DepthSpec, Layout, TrackSpec } from '../core/calibration/layout';
import type { LayoutProposal } from '../core/layout-detect';
import type { DocumentData } from './document';

type Recipe = (d: DocumentData) => DocumentData;

const withLayout = (d: DocumentData, layout: Layout): DocumentData => ({ ...d, layout });

export const setLayout = (patch: Partial<Omit<Layout, 'version' | 'tracks' | 'depth'>>): Recipe => (d) => withLayout(d, { ...d.layout, ...patch });

export const setDepth = (patch: Partial<DepthSpec>): Recipe => (d) => {
  const depth = { ...d.layout.depth, ...patch };
  // optional fields set to undefined are removed, so the saved layout has no "top": null
  for (const k of ['fit', 'top', 'bottom'] as const) if (depth[k] === undefined) delete depth[k];
  return withLayout(d, { ...d.layout, depth });
};

/** A new depth reference on row y; its depth is typed next (NaN until then). */
export const addDepthRef = (y: number): Recipe => (d) => setDepth({ refs: [...d.layout.depth.refs, { y, depth: Number.NaN }] })(d);

export const setRefDepth = (i: number, depth: number): Recipe => (d) =>
  setDepth({ refs: d.layout.depth.refs.map((r, k) => (k === i ? { ...r, depth } : r)) })(d);

export const removeDepthRef = (i: number): Recipe => (d) => setDepth({ refs: d.layout.depth.refs.filter((_, k) => k !== i) })(d);

function mapTrack(d: DocumentData, t: number, f: (track: TrackSpec) => TrackSpec): DocumentData {
  return withLayout(d, { ...d.layout, tracks: d.layout.tracks.map((track, k) => (k === t ? f(track) : track)) });
}

export const setTrackEdge = (t: number, edge: 'x0' | 'x1', x: number): Recipe => (d) => mapTrack(d, t, (track) => ({ ...track, [edge]: x }));

export const addTrack = (x0: number, x1: number): Recipe => (d) => withLayout(d, { ...d.layout, tracks: [...d.layout.tracks, { x0, x1, curves: [] }] });

export const removeTrack = (t: number): Recipe => (d) => ({
  ...withLayout(d, { ...d.layout, tracks: d.layout.tracks.filter((_, k) => k !== t) }),
  curves: d.curves.filter((c) => c.track !== t).map((c) => (c.track > t ? { ...c, track: c.track - 1 } : c)),
});

/** A new curve at the end of track t: linear 0–100, no seed yet. */
export function newCurve(mnemonic = '', unit = ''): CurveSpec {
  return { mnemonic, unit, scale: 'linear', left: 0, right: 100, seed: { x: Number.NaN, y: Number.NaN }, wrap: false, style: 'solid' };
}

export const addCurve = (t: number, curve: CurveSpec = newCurve()): Recipe => (d) => mapTrack(d, t, (track) => ({ ...track, curves: [...track.curves, curve] }));

export const updateCurve = (t: number, c: number, patch: Partial<CurveSpec>): Recipe => (d) =>
  mapTrack(d, t, (track) => ({ ...track, curves: track.curves.map((curve, k) => (k === c ? withoutUndefined({ ...curve, ...patch }) : curve)) }));

export const removeCurve = (t: number, c: number): Recipe => (d) => ({
  ...mapTrack(d, t, (track) => ({ ...track, curves: track.curves.filter((_, k) => k !== c) })),
  curves: d.curves.filter((tc) => !(tc.track === t && tc.curve === c)).map((tc) => (tc.track === t && tc.curve > c ? { ...tc, curve: tc.curve - 1 } : tc)),
});

export const setSeed = (t: number, c: number, x: number, y: number): Recipe => updateCurve(t, c, { seed: { x, y } });

/**
 * One more point on curve c of track t (upright px), kept in row order so the list reads down the
 * log. The layout is left unchanged when the curve does not exist.
 */
export const addAnchor = (t: number, c: number, x: number, y: number): Recipe => (d) => {
  const curve = d.layout.tracks[t]?.curves[c];
  if (!curve) return d;
  const anchors = [...(curve.anchors ?? []), { x, y }].sort((a, b) => a.y - b.y);
  return updateCurve(t, c, { anchors })(d);
};

/** Remove point i of curve c; the last one removes the field, so a saved layout has no "anchors": []. */
export const removeAnchor = (t: number, c: number, i: number): Recipe => (d) => {
  const anchors = d.layout.tracks[t]?.curves[c]?.anchors;
  if (!anchors || i < 0 || i >= anchors.length) return d;
  const rest = anchors.filter((_, k) => k !== i);
  return updateCurve(t, c, { anchors: rest.length > 0 ? rest : undefined })(d);
};

/**
 * The auto-layout's deskew and track edges. Curves already set on a track stay on it (by index);
 * proposed tracks beyond the layout's are added empty, and the layout's tracks beyond the
 * proposal's are kept as they are.
 */
export const applyProposal = (p: LayoutProposal): Recipe => (d) => {
  const tracks = p.tracks.map((pt, i): TrackSpec => ({ x0: pt.x0, x1: pt.x1, curves: d.layout.tracks[i]?.curves ?? [] }));
  return withLayout(d, { ...d.layout, deskew: p.deskew, tracks: [...tracks, ...d.layout.tracks.slice(tracks.length)] });
};

/** A layout read from a file replaces this one; the traced curves belonged to the old one. */
export const replaceLayout = (layout: Layout): Recipe => (d) => ({ ...d, layout, curves: [] });

function withoutUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
