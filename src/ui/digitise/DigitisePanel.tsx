/**
 * The digitise step (left panel): one button segments and traces; the segmentation in use (the
 * model, or darkness alone when the model is missing or failing — never a dead end), the engine
 * and its settings, the overlays (mask with opacity, curves, low confidence), and the review walk
 * through the low-confidence regions.
 */
import { useEffect, useMemo } from 'react';
import { digitiseBlocker } from '../../state/digitise';
import { currentJob } from '../../state/jobs';
import { appStore, useAppStore } from '../../state/store';
import { int } from '../format';
import { CLASS_LEGEND } from '../viewer/mask-paint';
import { centreViewOn } from '../viewer/navigate';
import { digitiser, prepareModel } from '../services';
import { EngineSettings } from './EngineSettings';
import { nextRegion, reviewRegions } from './review';
import './digitise.css';

export function DigitisePanel() {
  const engine = useAppStore((s) => s.digitise.engine);
  const problem = useAppStore((s) => s.digitise.modelProblem);
  const busy = useAppStore((s) => currentJob(s.jobs)?.kind === 'segment');
  const blocker = useAppStore(digitiseBlocker);
  const curves = useAppStore((s) => s.doc.curves);
  const kept = useAppStore((s) => s.scan.traceInput?.kind ?? null);
  useEffect(() => {
    if (engine === 'model') prepareModel();
  }, [engine]);
  const choose = (e: 'model' | 'classical') => appStore.getState().setDigitise({ engine: e });
  return (
    <div className="dig-panel">
      <section className="dig-section" aria-label="Digitise">
        <h2>Digitise</h2>
        <fieldset className="dig-engine" aria-label="Segmentation">
          <label>
            <input type="radio" name="seg" checked={engine === 'model'} onChange={() => choose('model')} />
            U-Net model
          </label>
          <label>
            <input type="radio" name="seg" checked={engine === 'classical'} onChange={() => choose('classical')} />
            Classical (darkness, no model)
          </label>
        </fieldset>
        {engine === 'model' && problem && (
          <div className="dig-problem" role="alert" data-testid="model-problem">
            <strong>The segmentation model cannot be used.</strong>
            <p>{problem}</p>
            <button onClick={() => { choose('classical'); void digitiser().run('classical'); }} disabled={busy || !!blocker}>
              Digitise without the model
            </button>
          </div>
        )}
        {engine === 'model' && <EngineSettings />}
        <button className="primary dig-go" disabled={busy || !!blocker} onClick={() => void digitiser().run()}>
          {busy ? 'Digitising…' : curves.length > 0 ? 'Digitise again' : 'Digitise'}
        </button>
        {blocker && <p className="muted small">{blocker}</p>}
        {curves.length > 0 && (
          <p className="small" data-testid="digitise-summary">
            {curves.length} curve{curves.length === 1 ? '' : 's'} traced{kept ? ` (${kept === 'model' ? 'model' : 'classical'} segmentation)` : ''}.
          </p>
        )}
      </section>
      <Overlays />
      {curves.length > 0 && <Review />}
    </div>
  );
}

function Overlays() {
  const o = useAppStore((s) => s.view.overlays);
  const hasMask = useAppStore((s) => s.digitise.maskLevels.length > 0);
  const set = appStore.getState().setOverlays;
  return (
    <section className="dig-section" aria-label="Overlays">
      <h2>Show</h2>
      <label className="dig-check">
        <input type="checkbox" checked={o.curves} onChange={(e) => set({ curves: e.currentTarget.checked })} />
        Traced curves
      </label>
      <label className="dig-check">
        <input type="checkbox" checked={o.lowConfidence} onChange={(e) => set({ lowConfidence: e.currentTarget.checked })} />
        Low-confidence rows
      </label>
      <label className="dig-check" title={hasMask ? '' : 'Digitise first: the mask is the segmentation'}>
        <input type="checkbox" checked={o.mask} disabled={!hasMask} onChange={(e) => set({ mask: e.currentTarget.checked })} />
        Segmentation mask
      </label>
      <label className="dig-range">
        <span>Mask opacity</span>
        <input type="range" min={0.1} max={1} step={0.05} value={o.maskOpacity} disabled={!o.mask || !hasMask} aria-label="Mask opacity" onChange={(e) => set({ maskOpacity: Number(e.currentTarget.value) })} />
      </label>
      {o.mask && hasMask && (
        <ul className="dig-legend" aria-label="Mask colours">
          {CLASS_LEGEND.map((c) => (
            <li key={c.name}>
              <span className="swatch" style={{ background: c.css }} />
              {c.name}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Review() {
  const curves = useAppStore((s) => s.doc.curves);
  const layout = useAppStore((s) => s.doc.layout);
  const index = useAppStore((s) => s.digitise.reviewIndex);
  const regions = useMemo(() => reviewRegions(curves), [curves]);
  const current = index >= 0 && index < regions.length ? regions[index] : null;
  const name = (i: number) => {
    const c = curves[i];
    return layout.tracks[c.track]?.curves[c.curve]?.mnemonic || `curve ${c.curve + 1} of track ${c.track + 1}`;
  };
  const next = () => {
    const { transform: t, viewport } = appStore.getState().view;
    const view = { left: -t.x / t.k, right: (viewport.width - t.x) / t.k, top: -t.y / t.k, bottom: (viewport.height - t.y) / t.k };
    const i = nextRegion(regions, index, view);
    if (i < 0) return;
    const r = regions[i];
    appStore.getState().setDigitise({ reviewIndex: i });
    // the start of a long region near the middle of the view; sideways only when it is off screen
    const rows = view.bottom - view.top;
    const y = r.from + Math.min((r.to - r.from) / 2, rows * 0.3);
    const x = r.x0 >= view.left && r.x1 <= view.right ? (view.left + view.right) / 2 : (r.x0 + r.x1) / 2;
    centreViewOn(x, y);
  };
  return (
    <section className="dig-section" aria-label="Review">
      <h2>Review</h2>
      <p className="small" data-testid="review-count">
        {regions.length === 0 ? 'No low-confidence regions: the tracer was sure everywhere.' : `${int(regions.length)} low-confidence region${regions.length === 1 ? '' : 's'}.`}
      </p>
      <button onClick={next} disabled={regions.length === 0}>
        Next low-confidence region
      </button>
      {current && (
        <p className="small" role="status" data-testid="review-position">
          Region {int(index + 1)} of {int(regions.length)}: {name(current.curve)}, rows {int(current.from)}–{int(current.to)}
        </p>
      )}
    </section>
  );
}
