/**
 * One saved session on the start screen: its thumbnail, well name, scan name, last edit and size,
 * and what can be done with it. Delete asks first (it removes the scan too when no other session
 * uses it); rename edits the name in place (Enter saves, Escape cancels).
 */
import { useEffect, useState } from 'react';
import { formatBytes, type SessionMeta } from '../../io/db';
import { download, sessions } from './session-services';
import { formatWhen } from './when';

type Mode = 'idle' | 'rename' | 'confirm-delete';

export function SessionCard({ meta }: { meta: SessionMeta }) {
  const [mode, setMode] = useState<Mode>('idle');
  const [busy, setBusy] = useState(false);
  const run = (op: () => Promise<unknown>) => {
    setBusy(true);
    void op().finally(() => setBusy(false));
  };
  const exportFile = () =>
    run(async () => {
      const file = await sessions().exportFile(meta.id);
      if (file) download(file.blob, file.fileName);
    });
  return (
    <li className="session-card" data-testid="session-card" aria-label={meta.name}>
      <Thumbnail blob={meta.thumbnail} />
      <div className="session-info">
        {mode === 'rename' ? <RenameField meta={meta} done={() => setMode('idle')} /> : <strong className="session-name">{meta.name}</strong>}
        <dl className="session-facts">
          <dt>Well</dt>
          <dd data-testid="session-well">{meta.wellName || <span className="muted">not named yet</span>}</dd>
          <dt>Scan</dt>
          <dd title={meta.scanName}>{meta.scanName}</dd>
          <dt>Edited</dt>
          <dd title={new Date(meta.lastEdited).toISOString()}>{formatWhen(meta.lastEdited)}</dd>
          <dt>Size</dt>
          <dd>{formatBytes(meta.sizeBytes)}</dd>
        </dl>
        {mode === 'confirm-delete' ? (
          <div className="session-confirm" role="alertdialog" aria-label={`Delete ${meta.name}?`}>
            <span>Delete “{meta.name}”? Its curves and history go too; this cannot be undone.</span>
            <button className="danger" disabled={busy} onClick={() => run(() => sessions().remove(meta.id))}>
              Delete
            </button>
            <button onClick={() => setMode('idle')}>Keep it</button>
          </div>
        ) : (
          <div className="session-actions">
            <button className="primary" disabled={busy} onClick={() => run(() => sessions().open(meta.id))}>
              Open
            </button>
            <button disabled={busy || mode === 'rename'} onClick={() => setMode('rename')}>
              Rename
            </button>
            <button disabled={busy} onClick={() => run(() => sessions().duplicate(meta.id))}>
              Duplicate
            </button>
            <button disabled={busy} onClick={exportFile} title="Save this session as one .tracewell file, to move it to another computer">
              Export file
            </button>
            <button disabled={busy} onClick={() => setMode('confirm-delete')}>
              Delete…
            </button>
          </div>
        )}
      </div>
    </li>
  );
}

function RenameField({ meta, done }: { meta: SessionMeta; done: () => void }) {
  const [name, setName] = useState(meta.name);
  const save = () => {
    if (name.trim() && name.trim() !== meta.name) void sessions().rename(meta.id, name).then(done);
    else done();
  };
  return (
    <form
      className="session-rename"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <input aria-label="Session name" value={name} autoFocus onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && done()} />
      <button type="submit" disabled={!name.trim()}>
        Save
      </button>
      <button type="button" onClick={done}>
        Cancel
      </button>
    </form>
  );
}

/** The stored WebP as an image; a plain box for sessions saved without one. */
function Thumbnail({ blob }: { blob: Blob | null }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return;
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob]);
  return <div className="session-thumb">{blob && url ? <img src={url} alt="" /> : null}</div>;
}
