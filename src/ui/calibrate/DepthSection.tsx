/**
 * Depth: unit, LAS step, fit, and the references — each a depth line clicked on the scan (snapped to
 * the line) and the depth typed for it. With three or more, each shows its distance from a straight
 * line through all, and a mistyped depth stands out (residuals.ts).
 */
import { useMemo, useState } from 'react';
import type { DepthUnit, Layout } from '../../core/calibration/layout';
import { removeDepthRef, setDepth, setLayout, setRefDepth } from '../../state/layout-edits';
import { appStore, useAppStore } from '../../state/store';
import { NumberField } from './fields';
import { checkRefs, lineThrough, type RefCheck } from './residuals';

type Lookup = (path: string) => string | null;

/**
 * The typo check of the references (residuals.ts), with a tolerance of one LAS step or 3 px of the
 * scan, whichever is more; null with fewer than three references or while one has no depth.
 */
function checkOf(layout: Layout): RefCheck | null {
  const { refs } = layout.depth;
  if (refs.length < 3 || refs.some((r) => !Number.isFinite(r.depth))) return null;
  const line = lineThrough(refs);
  return checkRefs(refs, Math.max(layout.step, 3 * Math.abs(line(1) - line(0))));
}

const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v) < 0.005 ? '0.00' : Math.abs(v).toFixed(2)}`;

export function DepthSection({ layout, err }: { layout: Layout; err: Lookup }) {
  const pick = useAppStore((s) => s.calibrate.pick);
  const [focusRef, setFocusRef] = useState(-1);
  const { depth } = layout;
  const check = useMemo(() => checkOf(layout), [layout]);
  const picking = pick?.kind === 'depth';
  const update = (label: string, recipe: Parameters<ReturnType<typeof appStore.getState>['updateDocument']>[1]) => appStore.getState().updateDocument(label, recipe);
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
          const res = check?.residuals[i];
          const off = check?.suspect === i;
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
              <span className={off ? 'cal-resid off' : 'cal-resid'} data-testid={`residual-${i + 1}`} title="Depth minus the straight line through all references">
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
      {check?.misfit != null && (
        <p className="field-error" role="alert" data-testid="refs-misfit">
          The three depths do not line up (one is off by up to {check.misfit.toFixed(2)} {depth.unit}): one may be mistyped. A fourth reference shows which.
        </p>
      )}
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
