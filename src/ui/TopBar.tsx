/** File and session bar: the app, back to the sessions and the autosave status, the open scan, open, undo/redo. */
import { canRedo, canUndo } from '../state/document-slice';
import { appStore, useAppStore } from '../state/store';
import { OpenButton } from './load/OpenButton';
import { SessionBar } from './sessions/SessionBar';

export function TopBar() {
  const scan = useAppStore((s) => s.doc.scan);
  const undoLabel = useAppStore((s) => (canUndo(s) ? (s.history.undo.at(-1)?.label ?? s.history.pendingLabel) : null));
  const redoLabel = useAppStore((s) => (canRedo(s) ? s.history.redo.at(-1)!.label : null));
  return (
    <header className="topbar">
      <div className="brand">
        <svg viewBox="0 0 24 24" aria-hidden="true" className="brand-mark">
          <path d="M6 2v20M12 2c-3 4 3 6 0 10s3 6 0 10M18 2c2 5-2 7 0 10s-2 7 0 10" />
        </svg>
        <h1>Tracewell</h1>
      </div>
      <SessionBar />
      <div className="topbar-file" title={scan?.fileName}>
        {scan ? scan.fileName : <span className="muted">No scan open</span>}
      </div>
      <div className="topbar-actions">
        <OpenButton className="primary" />
        <button disabled={!undoLabel} title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'} onClick={() => appStore.getState().undo()}>
          Undo
        </button>
        <button disabled={!redoLabel} title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'} onClick={() => appStore.getState().redo()}>
          Redo
        </button>
      </div>
      <div className="topbar-note">Offline · your scans stay on this computer</div>
    </header>
  );
}
