/**
 * Writing a layout file: fields in the documented order, optional fields only when set, so a file
 * saved by the UI diffs cleanly against one written by hand and parseLayout reads it back equal.
 */
import type { CurveSpec, DepthSpec, Layout, TrackSpec } from './layout';

export function layoutToJson(layout: Layout): string {
  const ordered = {
    version: layout.version,
    rotate: layout.rotate,
    deskew: layout.deskew,
    depth: depthJson(layout.depth),
    step: layout.step,
    well: { ...layout.well },
    tracks: layout.tracks.map(trackJson),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function depthJson(d: DepthSpec): DepthSpec {
  const out: DepthSpec = { unit: d.unit, refs: d.refs.map((r) => ({ y: r.y, depth: r.depth })) };
  if (d.fit !== undefined) out.fit = d.fit;
  if (d.top !== undefined) out.top = d.top;
  if (d.bottom !== undefined) out.bottom = d.bottom;
  return out;
}

function trackJson(t: TrackSpec): TrackSpec {
  return { x0: t.x0, x1: t.x1, curves: t.curves.map(curveJson) };
}

function curveJson(c: CurveSpec): CurveSpec {
  const out: Partial<CurveSpec> = { mnemonic: c.mnemonic, unit: c.unit };
  if (c.description !== undefined) out.description = c.description;
  Object.assign(out, { scale: c.scale, left: c.left, right: c.right, seed: { x: c.seed.x, y: c.seed.y } });
  if (c.anchors && c.anchors.length > 0) out.anchors = c.anchors.map((a) => ({ x: a.x, y: a.y }));
  out.wrap = c.wrap;
  if (c.backup !== undefined) out.backup = c.backup;
  if (c.style !== undefined) out.style = c.style;
  return out as CurveSpec;
}
