/**
 * One curve of a track: mnemonic (with the pick-list), unit, the values at the track's left and
 * right edges, linear or log, reversed, wrap onto backup scales, line style, its seed — one
 * click on the curve on the scan — and its points (AnchorFields).
 */
import type { BackupSide, CurveSpec, LineStyle, ScaleKind } from '../../core/calibration/layout';
import { valueMap } from '../../core/calibration/value-map';
import { setPick } from '../../state/calibrate-actions';
import { removeCurve, updateCurve } from '../../state/layout-edits';
import { appStore, useAppStore } from '../../state/store';
import { curveColour } from '../curve-colours';
import { AnchorFields } from './AnchorFields';
import { NumberField, TextField } from './fields';
import { mnemonicPatch } from './mnemonics';

type Lookup = (path: string) => string | null;

export const MNEMONIC_LIST_ID = 'known-mnemonics';

export function CurveFields({ t, c, curve, err }: { t: number; c: number; curve: CurveSpec; err: Lookup }) {
  const pick = useAppStore((s) => s.calibrate.pick);
  const name = `Track ${t + 1} curve ${c + 1}`;
  const path = `tracks[${t}].curves[${c}]`;
  const e = (key: string) => err(`${path}.${key}`);
  const edit = (label: string, patch: Partial<CurveSpec>) => appStore.getState().updateDocument(label, updateCurve(t, c, patch));
  const picking = pick?.kind === 'seed' && pick.track === t && pick.curve === c;
  const seedSet = Number.isFinite(curve.seed.x) && Number.isFinite(curve.seed.y);
  const reversed = curve.left > curve.right;
  const seedError = e('seed.x') ?? e('seed.y') ?? e('seed');
  return (
    <fieldset className="cal-curve" aria-label={name}>
      <legend>
        <span className="swatch" style={{ background: curveColour(t, c) }} />
        Curve {c + 1}
        <button className="small ghost" aria-label={`Remove ${name.toLowerCase()}`} title="Remove this curve" onClick={() => appStore.getState().updateDocument(`Remove ${curve.mnemonic || name}`, removeCurve(t, c))}>
          ✕
        </button>
      </legend>
      <div className="cal-row">
        <TextField label="Mnemonic" name={`${name} mnemonic`} value={curve.mnemonic} list={MNEMONIC_LIST_ID} undoLabel={`${name} mnemonic`} onText={(v) => updateCurve(t, c, mnemonicPatch(curve, v))} error={e('mnemonic')} />
        <TextField label="Unit" name={`${name} unit`} value={curve.unit} undoLabel={`${name} unit`} onText={(v) => updateCurve(t, c, { unit: v })} error={e('unit')} className="narrow" />
      </div>
      <div className="cal-row">
        <NumberField label="Left value" name={`${name} left value`} value={curve.left} edit={(v) => updateCurve(t, c, { left: v })} undoLabel={`${name} left value`} error={e('left')} />
        <NumberField label="Right value" name={`${name} right value`} value={curve.right} edit={(v) => updateCurve(t, c, { right: v })} undoLabel={`${name} right value`} error={e('right')} />
      </div>
      <div className="cal-row">
        <label className="cal-field">
          <span className="cal-label">Scale</span>
          <select aria-label={`${name} scale`} value={curve.scale} onChange={(ev) => edit(`${name} scale`, { scale: ev.currentTarget.value as ScaleKind })}>
            <option value="linear">linear</option>
            <option value="log">logarithmic</option>
          </select>
        </label>
        <label className="cal-field">
          <span className="cal-label">Line</span>
          <select aria-label={`${name} line style`} value={curve.style ?? 'solid'} onChange={(ev) => edit(`${name} line style`, { style: ev.currentTarget.value as LineStyle })}>
            <option value="solid">solid</option>
            <option value="broken">dashed / dotted</option>
          </select>
        </label>
      </div>
      <div className="cal-checks">
        <label title="The scale runs from a larger value on the left to a smaller one on the right (swaps the two values)">
          <input type="checkbox" aria-label={`${name} reversed`} checked={reversed} onChange={() => edit(`${name} reversed`, { left: curve.right, right: curve.left })} />
          reversed
        </label>
        <label title="The curve continues on a backup scale when it leaves the track (GR 0–150, then 150–300)">
          <input type="checkbox" aria-label={`${name} wraps onto backup scales`} checked={curve.wrap} onChange={(ev) => edit(`${name} wrap`, { wrap: ev.currentTarget.checked })} />
          wraps (backup scales)
        </label>
      </div>
      {curve.wrap && (
        <div className="cal-row">
          <label className="cal-field" title="Which side the log heading prints the backup scale on; the tracer then never reads the curve on the other side">
            <span className="cal-label">Backup</span>
            <select aria-label={`${name} backup side`} value={curve.backup ?? 'both'} onChange={(ev) => edit(`${name} backup side`, { backup: ev.currentTarget.value as BackupSide })}>
              <option value="right">right: {backupScale(curve, 1)}</option>
              <option value="left">left: {backupScale(curve, -1)}</option>
              <option value="both">both sides</option>
            </select>
          </label>
        </div>
      )}
      <div className="cal-seed">
        <span className={seedSet ? '' : 'muted'} data-testid={`seed-${t + 1}-${c + 1}`}>
          {seedSet ? `Seed x ${curve.seed.x.toFixed(1)} · y ${curve.seed.y.toFixed(1)}` : 'No seed yet'}
        </span>
        <button
          className={picking ? 'small primary' : 'small'}
          aria-pressed={picking}
          aria-label={`Set the seed of ${name.toLowerCase()}`}
          onClick={() => setPick(appStore, picking ? null : { kind: 'seed', track: t, curve: c })}
        >
          {picking ? 'Click the curve…' : seedSet ? 'Move seed' : 'Set seed'}
        </button>
      </div>
      {seedError && <p className="field-error" role="alert">{seedSet ? seedError : 'Click once on this curve on the scan to give the tracer its start.'}</p>}
      <AnchorFields t={t} c={c} curve={curve} name={name} e={e} />
    </fieldset>
  );
}

/** The first backup scale on one side (+1 right, −1 left), as the heading prints it: "150 – 300". */
function backupScale(curve: CurveSpec, side: 1 | -1): string {
  let a: number, b: number;
  try {
    // the scale's own map over a unit-wide track: the backup's edge values on cycle `side`
    const vm = valueMap(curve, { x0: 0, x1: 1, curves: [] });
    [a, b] = [vm.valueAt(0, side), vm.valueAt(1, side)];
  } catch {
    return ''; // a scale still being typed (equal or non-positive log edges)
  }
  return Number.isFinite(a) && Number.isFinite(b) ? `${Number(a.toPrecision(6))} \u2013 ${Number(b.toPrecision(6))}` : '';
}
