/**
 * The calibrate step (left panel): the auto-layout proposal (deskew, tracks, depth lines), the depth
 * references, the tracks and their curves, and the layout file. Everything edits doc.layout and is
 * undoable; every field shows its error next to it (validateLayout's message for its path).
 */
import { useEffect, useMemo } from 'react';
import { validateLayout } from '../../core/calibration/validate';
import { setLayout } from '../../state/layout-edits';
import { appStore, useAppStore } from '../../state/store';
import { autoLayout } from '../services';
import { DepthSection } from './DepthSection';
import { errorLookup, NumberField } from './fields';
import { LayoutFile } from './LayoutFile';
import { TrackSection } from './TrackSection';
import './calibrate.css';

export function CalibratePanel() {
  const layout = useAppStore((s) => s.doc.layout);
  const hasScan = useAppStore((s) => !!s.scan.source);
  const errors = useMemo(() => validateLayout(layout), [layout]);
  const err = useMemo(() => errorLookup(errors), [errors]);
  useAutoDetect();
  if (!hasScan) return <p className="muted">Open a scan first.</p>;
  return (
    <div className="cal-panel">
      <AutoLayoutSection err={err} />
      <DepthSection layout={layout} err={err} />
      <TrackSection layout={layout} err={err} />
      <LayoutFile />
      <section className="cal-section" aria-label="Calibration status">
        {errors.length === 0 ? (
          <p className="cal-ok" role="status">Calibration complete.</p>
        ) : (
          <p className="muted" role="status" data-testid="calibration-status">
            {errors.length === 1 ? 'One field needs' : `${errors.length} fields need`} attention before digitising.
          </p>
        )}
        <button className="primary" disabled={errors.length > 0} onClick={() => appStore.getState().setStep('digitise')}>
          Next: digitise
        </button>
      </section>
    </div>
  );
}

/** Run the auto-layout once per scan when the calibrate step opens on a layout without tracks. */
function useAutoDetect(): void {
  const source = useAppStore((s) => s.scan.source);
  useEffect(() => {
    const s = appStore.getState();
    if (source && !s.calibrate.proposal && !s.calibrate.analysing && s.doc.layout.tracks.length === 0) void autoLayout().run();
  }, [source]);
}

function AutoLayoutSection({ err }: { err: (path: string) => string | null }) {
  const { proposal, analysing, analyseError } = useAppStore((s) => s.calibrate);
  const deskew = useAppStore((s) => s.doc.layout.deskew);
  return (
    <section className="cal-section" aria-label="Auto-layout">
      <h2>Auto-layout</h2>
      <p className="small" role="status" data-testid="auto-layout-status">
        {analysing
          ? 'Looking for the grid, tracks and depth lines…'
          : analyseError
            ? `Auto-layout failed: ${analyseError}`
            : proposal
              ? `Found ${proposal.tracks.length} track${proposal.tracks.length === 1 ? '' : 's'} and ${proposal.depthLines.length} depth lines; skew ${proposal.deskew}°.`
              : 'Not run yet.'}
      </p>
      <div className="cal-row">
        <NumberField
          label="Deskew (°)"
          name="Deskew"
          value={typeof deskew === 'number' ? deskew : Number.NaN}
          edit={(v) => setLayout({ deskew: v })}
          undoLabel="Deskew"
          hint={deskew === 'auto' ? 'auto: estimated from the grid' : 'positive: the scan leans clockwise'}
          error={err('deskew')}
        />
      </div>
      <div className="button-row">
        <button disabled={analysing} onClick={() => void autoLayout().run()}>
          {proposal ? 'Detect again' : 'Detect layout'}
        </button>
        <button disabled={!proposal || analysing} onClick={() => autoLayout().useProposal()} title="Set deskew and track edges to what was detected">
          Use proposed tracks
        </button>
      </div>
    </section>
  );
}
