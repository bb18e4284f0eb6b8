/**
 * How much of this computer's storage Tracewell uses and may use (navigator.storage.estimate), and
 * whether the browser promised to keep it (navigator.storage.persist): without that promise a
 * browser short of disk space may clear every saved session of a site the user rarely visits.
 */
import { useState } from 'react';
import { describeStorage } from '../../io/db';
import { useAppStore } from '../../state/store';
import { sessions } from './session-services';

export function StorageLine() {
  const report = useAppStore((s) => s.session.storage);
  const [refused, setRefused] = useState(false);
  if (!report) return null;
  const share = report.usedBytes !== null && report.quotaBytes ? report.usedBytes / report.quotaBytes : null;
  return (
    <div className="storage-line" data-testid="storage">
      <span data-testid="storage-used">{describeStorage(report)}</span>
      {share !== null && (
        <span className="storage-meter" aria-hidden="true">
          <span style={{ width: `${Math.min(100, Math.max(1, share * 100))}%` }} />
        </span>
      )}
      {report.persisted ? (
        <span data-testid="storage-persisted">Kept: the browser will not clear these sessions to free space.</span>
      ) : (
        <>
          <button
            className="small"
            onClick={() => void sessions().persist().then((granted) => setRefused(!granted))}
            title="Ask the browser not to clear Tracewell's sessions when the disk fills up"
          >
            Keep sessions safe
          </button>
          {refused && <span className="muted small">The browser did not agree yet (it may after more use, or once Tracewell is installed).</span>}
        </>
      )}
    </div>
  );
}
