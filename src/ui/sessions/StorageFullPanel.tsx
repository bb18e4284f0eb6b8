/**
 * Storage is full: say so plainly (the last saved version is kept), show the figures, and offer
 * the least recently edited sessions for deletion. Each deletion retries the save at once.
 */
import { useState } from 'react';
import type { SaveStatus } from '../../io/autosave';
import { describeStorage, formatBytes, type SessionMeta } from '../../io/db';
import { useAppStore } from '../../state/store';
import { sessions } from './session-services';
import { formatWhen } from './when';

export function StorageFullPanel() {
  const full = useAppStore((s) => s.session.storageFull);
  const save = useAppStore((s) => s.session.save);
  const report = useAppStore((s) => s.session.storage);
  const [hidden, setHidden] = useState<SaveStatus | null>(null);
  if (!full || save.kind !== 'error' || hidden === save) return null;
  return (
    <section className="storage-full" role="alert" aria-label="Storage is full" data-testid="storage-full">
      <h2>Storage is full</h2>
      <p>{save.message}</p>
      {report && <p className="muted small">{describeStorage(report)}</p>}
      {full.candidates.length > 0 ? (
        <>
          <p>Oldest sessions first; deleting one frees its share of the space:</p>
          <ul className="storage-candidates">
            {full.candidates.map((m) => (
              <Candidate key={m.id} meta={m} />
            ))}
          </ul>
        </>
      ) : (
        <p>There are no other sessions to delete. Free disk space on this computer, then try again.</p>
      )}
      <div className="button-row">
        <button className="primary" onClick={() => void sessions().retrySave()}>
          Try saving again
        </button>
        <button onClick={() => setHidden(save)}>Hide</button>
      </div>
    </section>
  );
}

function Candidate({ meta }: { meta: SessionMeta }) {
  const [confirm, setConfirm] = useState(false);
  const remove = async () => {
    if (await sessions().remove(meta.id)) await sessions().retrySave();
  };
  return (
    <li>
      <span className="candidate-text">
        <strong>{meta.name}</strong> · {meta.scanName} · edited {formatWhen(meta.lastEdited)} · {formatBytes(meta.sizeBytes)}
      </span>
      {confirm ? (
        <button className="small danger" onClick={() => void remove()}>
          Delete for good
        </button>
      ) : (
        <button className="small" onClick={() => setConfirm(true)}>
          Delete…
        </button>
      )}
    </li>
  );
}
