/**
 * A curve's points (layout `anchors`): more clicks on its own line, for where the tracer cannot
 * tell which line is which (two curves meet and part again). "Add point" arms the scan click for
 * this curve and stays on, click after click, until Esc or the button again; each point is listed
 * with its depth (its row until the depth references are complete) and can be removed. Every add
 * and remove is one undo entry.
 */
import { useMemo } from 'react';
import { depthMap, type DepthMap } from '../../core/calibration/depth-map';
import type { CurveSpec, DepthSpec, PixelPoint } from '../../core/calibration/layout';
import { setPick } from '../../state/calibrate-actions';
import { removeAnchor } from '../../state/layout-edits';
import { appStore, useAppStore } from '../../state/store';

type Lookup = (path: string) => string | null;

interface Props {
  t: number;
  c: number;
  curve: CurveSpec;
  /** "Track 1 curve 2" */
  name: string;
  /** validateLayout's message for a key under this curve ("anchors[0].x") */
  e: Lookup;
}

export function AnchorFields({ t, c, curve, name, e }: Props) {
  const adding = useAppStore((s) => s.calibrate.pick?.kind === 'anchor' && s.calibrate.pick.track === t && s.calibrate.pick.curve === c);
  const problem = useAppStore((s) => (adding ? s.calibrate.pickProblem : null));
  const depth = useAppStore((s) => s.doc.layout.depth);
  const map = useMemo(() => mapOrNull(depth), [depth]);
  const anchors = curve.anchors ?? [];
  const label = name.toLowerCase();
  return (
    <div className="cal-anchors" role="group" aria-label={`Points on ${label}`}>
      <div className="cal-seed">
        <span data-testid={`anchor-count-${t + 1}-${c + 1}`}>Points on this curve: {anchors.length}</span>
        <button
          className={adding ? 'small primary' : 'small'}
          aria-pressed={adding}
          aria-label={`Add points on ${label}`}
          title="Each click on the scan adds a point on this curve; Esc or this button ends"
          onClick={() => setPick(appStore, adding ? null : { kind: 'anchor', track: t, curve: c })}
        >
          {adding ? 'Click its line… (Esc ends)' : 'Add point'}
        </button>
      </div>
      <p className="cal-hint">Where two curves meet and part, click each on its own line below the meeting.</p>
      {e('anchors') && <p className="field-error" role="alert">{e('anchors')}</p>}
      {anchors.length > 0 && (
        <ol className="cal-anchor-list">
          {anchors.map((a, i) => {
            const error = e(`anchors[${i}].x`) ?? e(`anchors[${i}].y`) ?? e(`anchors[${i}]`);
            return (
              <li key={i} data-testid={`anchor-${t + 1}-${c + 1}-${i + 1}`}>
                <span className="cal-anchor-where">{where(a, map, depth.unit)}</span>
                <button className="small ghost" aria-label={`Remove point ${i + 1} of ${label}`} title="Remove this point" onClick={() => appStore.getState().updateDocument(`Remove a point of ${curve.mnemonic || name}`, removeAnchor(t, c, i))}>
                  ✕
                </button>
                {error && <span className="field-error" role="alert">{error}</span>}
              </li>
            );
          })}
        </ol>
      )}
      {problem && <p className="field-error" role="alert" data-testid={`anchor-problem-${t + 1}-${c + 1}`}>{problem}</p>}
    </div>
  );
}

/** The depth map while the references make one; null until then (a depth not typed yet, one ref). */
function mapOrNull(depth: DepthSpec): DepthMap | null {
  try {
    return depthMap(depth);
  } catch {
    return null;
  }
}

/** "1,200.0 FT · x 259.0" through the depth map, else "row 4,070 · x 259.0" (upright px). */
function where(a: PixelPoint, map: DepthMap | null, unit: string): string {
  const x = `x ${a.x.toFixed(1)}`;
  if (!map) return `row ${Math.floor(a.y).toLocaleString('en-US')} · ${x}`;
  const d = map.depthAt(a.y);
  return `${d.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ${unit} · ${x}`;
}
