/**
 * The top bar's part of sessions: the way back to the start screen, and the autosave status in
 * words (saved / saving / not saved and why). Leaving saves first; if that save fails the user is
 * asked before anything is lost.
 */
import { useState } from 'react';
import type { SaveStatus } from '../../io/autosave';
import { useAppStore } from '../../state/store';
import { sessions } from './session-services';
import { StorageFullPanel } from './StorageFullPanel';
import { formatWhen } from './when';

export function saveWords(s: SaveStatus): string {
  switch (s.kind) {
    case 'idle':
      return '';
    case 'pending':
      return 'Unsaved changes…';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'All changes saved';
    case 'error':
      return s.storageFull ? 'Not saved: storage is full' : 'Not saved: saving failed';
  }
}

export function SessionBar() {
  const open = useAppStore((s) => s.session.open);
  const save = useAppStore((s) => s.session.save);
  const hasScan = useAppStore((s) => s.doc.scan !== null);
  const [leaving, setLeaving] = useState<'idle' | 'saving' | 'unsaved'>('idle');
  if (!open && !hasScan) return null;
  const back = async (discard = false) => {
    setLeaving('saving');
    setLeaving((await sessions().close(discard)) ? 'idle' : 'unsaved');
  };
  return (
    <div className="session-bar">
      <button onClick={() => void back()} disabled={leaving === 'saving'} title="Back to your saved sessions (saves first)">
        ← Sessions
      </button>
      <span className={`save-status save-${save.kind}`} role="status" data-testid="save-status" title={save.kind === 'saved' ? `Saved ${formatWhen(save.at)}` : save.kind === 'error' ? save.message : undefined}>
        {saveWords(save)}
      </span>
      {leaving === 'unsaved' ? (
        <div className="leave-confirm" role="alertdialog" aria-label="Leave without saving?">
          <p>
            <strong>Your latest changes are not saved.</strong> {save.kind === 'error' ? save.message : 'Saving did not finish.'}
          </p>
          <div className="button-row">
            <button className="primary" onClick={() => setLeaving('idle')}>
              Stay and keep working
            </button>
            <button className="danger" onClick={() => void back(true)}>
              Leave without saving
            </button>
          </div>
        </div>
      ) : (
        // one panel at a time under the bar: the question first, then (if still full) the offer
        <StorageFullPanel />
      )}
    </div>
  );
}
