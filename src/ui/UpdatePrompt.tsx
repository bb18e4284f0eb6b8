import { useSyncExternalStore, useState } from 'react';
import './update-prompt.css';
import { applyUpdate, subscribeUpdate, updateState } from '../io/pwa';

/**
 * "A new version of Tracewell is ready": shown when an update waits. Reloading is the user's
 * choice, never automatic, so an edit in progress is never interrupted.
 */
export function UpdatePrompt() {
  const s = useSyncExternalStore(subscribeUpdate, updateState);
  const [dismissed, setDismissed] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!s.updateReady || dismissed) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span>A new version of Tracewell is ready. Your session is saved before reloading.</span>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void applyUpdate().finally(() => setBusy(false));
        }}
      >
        Reload now
      </button>
      <button type="button" onClick={() => setDismissed(true)}>
        Later
      </button>
    </div>
  );
}
