/**
 * The log plot's track headers, like a printed log's: each curve's name, colour and scale, and its
 * value at the depth under the pointer in the viewer.
 */
import type { DepthMap } from '../../core/calibration/depth-map';
import type { Layout } from '../../core/calibration/layout';
import { valueMap } from '../../core/calibration/value-map';
import { curveIndex } from '../../state/edit-actions';
import { appStore, useAppStore } from '../../state/store';
import { curveColour } from '../curve-colours';
import { scaleLabel, type Column } from './plot-model';

export function PlotHeader({ layout, cols, map }: { layout: Layout; cols: Column[]; map: DepthMap | null }) {
  const cursor = useAppStore((s) => s.view.cursor);
  const curves = useAppStore((s) => s.doc.curves);
  const row = cursor ? Math.floor(cursor.y) : null;
  const depth = row !== null && map ? map.depthAt(row + 0.5) : null;
  const valueAt = (track: number, curve: number): string => {
    const i = curveIndex(appStore.getState().doc, { track, curve });
    const c = curves[i];
    if (!c || row === null) return '';
    const k = row - c.y0;
    if (k < 0 || k >= c.x.length || Number.isNaN(c.x[k])) return '\u2014';
    const v = valueMap(layout.tracks[track].curves[curve], layout.tracks[track]).valueAt(c.x[k], c.cycle ? c.cycle[k] : 0);
    return v.toPrecision(4);
  };
  // two lines per curve (name and value, then scale), the deepest track sets the height
  const height = 8 + 26 * Math.max(1, ...layout.tracks.map((t) => t.curves.length));
  return (
    <div className="plot-header" style={{ height }}>
      <div className="plot-depth" style={{ width: cols[0]?.x ?? 44 }} data-testid="plot-cursor-depth">
        {depth !== null ? `${depth.toFixed(1)} ${layout.depth.unit}` : layout.depth.unit}
      </div>
      {layout.tracks.map((t, ti) => (
        <div key={ti} className="plot-track-head" style={{ left: cols[ti]?.x, width: cols[ti]?.width }}>
          {t.curves.map((c, ci) => (
            <div key={ci} className="plot-curve-head" title={`${c.mnemonic}: ${scaleLabel(c)}`}>
              <span className="plot-swatch" style={{ background: curveColour(ti, ci) }} />
              <strong>{c.mnemonic}</strong>
              <span className="plot-value">{valueAt(ti, ci)}</span>
              <small>{scaleLabel(c)}</small>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
