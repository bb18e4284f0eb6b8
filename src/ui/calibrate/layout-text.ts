/**
 * The text of a saved layout file. The core writer (layoutToJson, src/core/calibration/serialize.ts)
 * writes each curve field by field and, as of this writing, does not know the newer `anchors`
 * field: a saved file would silently lose the points the user clicked. Until it does, the points
 * are put back here, right after the seed (the documented order). Once the writer carries them,
 * this adds nothing (it never writes a field twice).
 */
import { layoutToJson } from '../../core/calibration';
import type { Layout } from '../../core/calibration/layout';

type JsonCurve = Record<string, unknown>;

export function layoutFileText(layout: Layout): string {
  const text = layoutToJson(layout);
  const withPoints = layout.tracks.some((t) => t.curves.some((c) => (c.anchors?.length ?? 0) > 0));
  if (!withPoints) return text;
  const out = JSON.parse(text) as { tracks: Array<{ curves: JsonCurve[] }> };
  let changed = false;
  layout.tracks.forEach((track, t) =>
    track.curves.forEach((curve, c) => {
      const written = out.tracks[t].curves[c];
      if (!curve.anchors?.length || 'anchors' in written) return;
      out.tracks[t].curves[c] = afterSeed(written, curve.anchors.map((a) => ({ x: a.x, y: a.y })));
      changed = true;
    }),
  );
  return changed ? `${JSON.stringify(out, null, 2)}\n` : text;
}

/** A copy of the curve's fields with `anchors` inserted right after `seed`. */
function afterSeed(curve: JsonCurve, anchors: Array<{ x: number; y: number }>): JsonCurve {
  const next: JsonCurve = {};
  for (const [k, v] of Object.entries(curve)) {
    next[k] = v;
    if (k === 'seed') next.anchors = anchors;
  }
  return next;
}
