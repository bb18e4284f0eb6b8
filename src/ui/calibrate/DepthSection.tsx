/**
 * Depth: unit, LAS step, fit, and the references — each a depth line clicked on the scan (snapped to
 * the line) and the depth typed for it. With the map fitted, each reference shows its residual, so a
 * mistyped depth stands out (with three or more, the leave-one-out residual of the piecewise fit).
 */
import { useMemo, useState } from 'react';
import { depthMap } from '../../core/calibration/depth-map';
import type { DepthUnit, Layout } from '../../core/calibration/layout';
import { resolveFit } from '../../core/calibration/validate';
import { removeDepthRef, setDepth, setLayout, setRefDepth } from '../../state/layout-edits';
import { appStore, useAppStore } from '../../state/store';
import { NumberField } from './fields';

type Lookup = (path: string) => string | null;

/** residuals per ref (depth units), or null while the map cannot be made */
function residualsOf(layout: Layout, err: Lookup): { values: number[]; flag: number } | null {
  const { depth } = layout;
  if (depth.refs.length < 2 || depth.refs.some((r) => !Number.isFinite(r.depth)) || err('depth.refs')) return null;
  try {
    const map = depthMap(depth);
    // a residual worth a look: more than one LAS step, or more than 3 px of the scan
    const perPx = Math.abs(map.depthAt(1) - map.depthAt(0));
    return { values: map.residuals, flag: Math.max(layout.step, 3 * perPx) };
  } catch {
    return null;
  }
}

const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v) < 0.005 ? '0.00' : Math.abs(v).toFixed(2)}`;

export function DepthSection({ layout, err }: { layout: Layout; err: Lookup }) {
  const pick = useAppStore((s) => s.calibrate.pick);
  const [focusRef, setFocusRef] = useState(-1);
  const { depth } = layout;
  const residuals = useMemo(() => residualsOf(layout, err), [layout, err]);
  const picking = pick?.kind === 'depth';
  const update = (label: string, recipe: Parameters<ReturnType<typeof appStore.getState>['updateDocument']>[1]) => appStore.getState().updateDocument(label, recipe);
  const fit = resolveFit(depth);
  return (
    <section className="cal-section" aria-label="Depth">
      <h2>Depth</h2>
      <div className="cal-row">
        <label className="cal-field">
          <span className="cal-label">Unit</span>
          <select aria-label="Depth unit" value={depth.unit} onChange={(e) => update('Depth unit', setDepth({ unit: e.currentTarget.value as DepthUnit }))}>
            <option value="FT">feet (FT)</option>
            <option value="M">metres (M)</option>
          </select>
        </label>
        <NumberField label="LAS step" name="Depth step" value={layout.step} edit={(v) => setLayout({ step: v })} undoLabel="Depth step" error={err('step')} />
        <label className="cal-field">
          <span className="cal-label">Fit</span>
          <select aria-label="Depth fit" value={depth.fit ?? 'auto'} onChange={(e) => update('Depth fit', setDepth({ fit: e.currentTarget.value as 'auto' | 'linear' | 'piecewise' }))}>
            <option value="auto">auto</option>
            <option value="linear">line</option>
            <option value="piecewise">piecewise</option>
          </select>
        </label>
      </div>
      <ol className="cal-refs" aria-label="Depth references">
        {depth.refs.map((r, i) => {
          const res = residuals?.values[i];
          const off = res !== undefined && Math.abs(res) > residuals!.flag;
          return (
            <li key={i} className="cal-ref">
              <span className="cal-ref-row" title="Row on the upright scan">y {r.y.toFixed(1)}</span>
              <NumberField
                label={`Depth (${depth.unit})`}
                name={`Depth at reference ${i + 1}`}
                value={r.depth}
                edit={(v) => setRefDepth(i, v)}
                undoLabel={`Depth of reference ${i + 1}`}
                autoFocus={i === focusRef}
                error={Number.isNaN(r.depth) ? 'Type the depth printed at this line.' : err(`depth.refs[${i}].depth`) ?? err(`depth.refs[${i}].y`)}
              />
              <span className={off ? 'cal-resid off' : 'cal-resid'} data-testid={`residual-${i + 1}`} title={fit === 'linear' ? 'Depth minus the fitted line' : 'Depth minus what the other references predict'}>
                {res === undefined ? '' : `${signed(res)} ${depth.unit}${off ? ' — check this depth' : ''}`}
              </span>
              <button className="small ghost" aria-label={`Remove reference ${i + 1}`} title="Remove this reference" onClick={() => update(`Remove reference ${i + 1}`, removeDepthRef(i))}>
                ✕
              </button>
            </li>
          );
        })}
      </ol>
      {err('depth.refs') && <p className="field-error" role="alert">{err('depth.refs')}</p>}
      <div className="cal-row">
        <NumberField
          label="Digitise from"
          name="Digitise from depth"
          value={depth.top ?? Number.NaN}
          edit={(v) => setDepth({ top: v })}
          clear={() => setDepth({ top: undefined })}
          undoLabel="Depth interval"
          hint="empty: the top of the scan"
          error={err('depth.top')}
        />
        <NumberField
          label="to"
          name="Digitise to depth"
          value={depth.bottom ?? Number.NaN}
          edit={(v) => setDepth({ bottom: v })}
          clear={() => setDepth({ bottom: undefined })}
          undoLabel="Depth interval"
          hint="empty: the bottom"
          error={err('depth.bottom')}
        />
      </div>
      <button
        className={picking ? 'primary' : ''}
        aria-pressed={picking}
        onClick={() => {
          setFocusRef(depth.refs.length);
          appStore.getState().setCalibrate({ pick: picking ? null : { kind: 'depth' } });
        }}
      >
        {picking ? 'Click a depth line on the scan…' : 'Add depth reference'}
      </button>
      <p className="muted small">Click a depth line with a printed depth, then type that depth. Two are enough; more follow paper stretch.</p>
    </section>
  );
}
