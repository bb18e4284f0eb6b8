/** Progress of the current long job (decoding, rotating…), with Cancel. */
import { currentJob } from '../../state/jobs';
import { appStore, useAppStore } from '../../state/store';

export function JobProgress() {
  const job = useAppStore((s) => currentJob(s.jobs));
  if (!job) return null;
  const pct = job.progress === null ? null : Math.round(job.progress * 100);
  return (
    <div className="job" role="status" aria-live="polite" data-testid="job-progress">
      <div className="job-text">
        <strong>{job.label}</strong>
        <span>{job.stage}{pct !== null ? ` · ${pct}%` : ''}</span>
      </div>
      <div className="job-bar" role="progressbar" aria-label={job.label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}>
        <div className={pct === null ? 'job-fill indeterminate' : 'job-fill'} style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
      {job.cancellable && (
        <button className="small" onClick={() => appStore.getState().cancelJob(job.id)}>
          Cancel
        </button>
      )}
    </div>
  );
}
