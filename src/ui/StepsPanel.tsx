/** Left panel: the steps of the work, and the tools of the current step. */
import { useState } from 'react';
import { rotateBlocker } from '../state/document';
import { appStore, useAppStore } from '../state/store';
import type { Step } from '../state/view';
import { CalibratePanel } from './calibrate/CalibratePanel';
import { DigitisePanel } from './digitise/DigitisePanel';
import { EditPanel } from './edit/EditPanel';
import { ExportPanel } from './export/ExportPanel';
import { bytes, int, scanSummary } from './format';
import { OpenButton } from './load/OpenButton';

const STEPS: Array<{ id: Step; title: string; hint: string }> = [
  { id: 'load', title: 'Load scan', hint: 'PNG, JPEG, TIFF or PDF' },
  { id: 'calibrate', title: 'Calibrate', hint: 'Depths, tracks, scales' },
  { id: 'digitise', title: 'Digitise', hint: 'Trace the curves' },
  { id: 'edit', title: 'Edit', hint: 'Fix what the tracer missed' },
  { id: 'export', title: 'Export', hint: 'LAS 2.0 or CSV' },
];
/** Steps with tools in this version; the others are listed so the path ahead is visible. */
const AVAILABLE: ReadonlySet<Step> = new Set(['load', 'calibrate', 'digitise', 'edit', 'export']);

export function StepsPanel() {
  const step = useAppStore((s) => s.view.step);
  return (
    <aside className="panel panel-left" aria-label="Steps">
      <ol className="steps">
        {STEPS.map((s, i) => (
          <li key={s.id}>
            <button
              className={s.id === step ? 'step current' : 'step'}
              aria-current={s.id === step ? 'step' : undefined}
              disabled={!AVAILABLE.has(s.id)}
              title={AVAILABLE.has(s.id) ? s.hint : `${s.title}: not available in this version yet`}
              onClick={() => appStore.getState().setStep(s.id)}
            >
              <span className="step-num">{i + 1}</span>
              <span className="step-text">
                <strong>{s.title}</strong>
                <small>{s.hint}</small>
              </span>
            </button>
          </li>
        ))}
      </ol>
      {step === 'load' && <LoadTools />}
      {step === 'calibrate' && <CalibratePanel />}
      {step === 'digitise' && <DigitisePanel />}
      {step === 'edit' && <EditPanel />}
      {step === 'export' && <ExportPanel />}
    </aside>
  );
}

function LoadTools() {
  const doc = useAppStore((s) => s.doc);
  const [why, setWhy] = useState<string | null>(null);
  const blocker = rotateBlocker(doc);
  const rotate = (dir: 1 | -1) => setWhy(appStore.getState().rotateScan(dir));
  return (
    <section className="tools" aria-label="Scan">
      <h2>Scan</h2>
      {doc.scan ? (
        <dl className="facts" data-testid="scan-facts">
          <dt>File</dt>
          <dd title={doc.scan.fileName}>{doc.scan.fileName}</dd>
          <dt>Size</dt>
          <dd>{int(doc.scan.width)} × {int(doc.scan.height)} px · {bytes(doc.scan.bytes)}</dd>
          <dt>Format</dt>
          <dd>{scanSummary(doc.scan)}</dd>
          <dt>Rotation</dt>
          <dd>{doc.layout.rotate}° clockwise</dd>
        </dl>
      ) : (
        <p className="muted">Drop a scan anywhere, or open one.</p>
      )}
      <OpenButton className={doc.scan ? '' : 'primary'} />
      {doc.scan && (
        <div className="button-row" role="group" aria-label="Rotate">
          <button aria-label="Rotate left 90°" disabled={!!blocker} title={blocker ?? 'Turn the scan 90° counter-clockwise'} onClick={() => rotate(-1)}>
            ⟲ 90°
          </button>
          <button aria-label="Rotate right 90°" disabled={!!blocker} title={blocker ?? 'Turn the scan 90° clockwise'} onClick={() => rotate(1)}>
            ⟳ 90°
          </button>
        </div>
      )}
      {why && <p className="field-error">{why}</p>}
      <p className="muted small">A log is read top to bottom: turn a horizontal scan so depth runs down the page.</p>
      {doc.scan && (
        <button className="primary" onClick={() => appStore.getState().setStep('calibrate')}>
          Next: calibrate
        </button>
      )}
    </section>
  );
}
