/**
 * Tracks: each track's grid edges (drag them on the scan, or type them) and its curves. The
 * auto-layout's proposal fills the edges; "Use the proposed tracks" brings it back after changes.
 */
import type { Layout } from '../../core/calibration/layout';
import { addCurve, addTrack, removeTrack, setTrackEdge } from '../../state/layout-edits';
import { appStore, useAppStore } from '../../state/store';
import { CurveFields, MNEMONIC_LIST_ID } from './CurveFields';
import { NumberField } from './fields';
import { KNOWN_CURVES } from './mnemonics';

type Lookup = (path: string) => string | null;

export function TrackSection({ layout, err }: { layout: Layout; err: Lookup }) {
  const width = useAppStore((s) => s.scan.levels[0]?.width ?? 0);
  const update = (label: string, recipe: Parameters<ReturnType<typeof appStore.getState>['updateDocument']>[1]) => appStore.getState().updateDocument(label, recipe);
  const addNew = () => {
    // a new track right of the last one (or the middle of the scan), a sixth of the scan wide
    const last = layout.tracks.at(-1);
    const w = Math.max(40, Math.round(width / 6));
    const x0 = last ? Math.min(width - w, last.x1 + 20) : Math.round((width - w) / 2);
    update('Add a track', addTrack(Math.max(0, x0), Math.max(0, x0) + w));
  };
  return (
    <section className="cal-section" aria-label="Tracks">
      <h2>Tracks and curves</h2>
      <datalist id={MNEMONIC_LIST_ID}>
        {KNOWN_CURVES.map((k) => (
          <option key={k.mnemonic} value={k.mnemonic}>{`${k.description} (${k.unit})`}</option>
        ))}
      </datalist>
      {layout.tracks.length === 0 && <p className="muted">No tracks yet: detect the layout, or add one and drag its edges onto the grid.</p>}
      {layout.tracks.map((track, t) => (
        <div className="cal-track" key={t} role="group" aria-label={`Track ${t + 1}`}>
          <div className="cal-track-head">
            <strong>Track {t + 1}</strong>
            <button className="small ghost" aria-label={`Remove track ${t + 1}`} title="Remove this track and its curves" onClick={() => update(`Remove track ${t + 1}`, removeTrack(t))}>
              ✕
            </button>
          </div>
          <div className="cal-row">
            <NumberField label="Left edge (px)" name={`Track ${t + 1} left edge`} value={track.x0} edit={(v) => setTrackEdge(t, 'x0', v)} undoLabel={`Track ${t + 1} left edge`} error={err(`tracks[${t}].x0`)} />
            <NumberField label="Right edge (px)" name={`Track ${t + 1} right edge`} value={track.x1} edit={(v) => setTrackEdge(t, 'x1', v)} undoLabel={`Track ${t + 1} right edge`} error={err(`tracks[${t}].x1`)} />
          </div>
          {track.curves.map((curve, c) => (
            <CurveFields key={c} t={t} c={c} curve={curve} err={err} />
          ))}
          {track.curves.length === 0 && err(`tracks[${t}].curves`) === null && <p className="muted small">Add the curves drawn in this track.</p>}
          <button className="small" onClick={() => update(`Add a curve to track ${t + 1}`, addCurve(t))}>
            Add curve to track {t + 1}
          </button>
        </div>
      ))}
      <button onClick={addNew} disabled={width === 0}>
        Add track
      </button>
    </section>
  );
}
