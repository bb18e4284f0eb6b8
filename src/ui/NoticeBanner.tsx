/** Errors and notes in words, where the eye is: above the viewer, until dismissed. */
import { appStore, useAppStore } from '../state/store';

export function NoticeBanner() {
  const notice = useAppStore((s) => s.view.notice);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <div>
        <strong>{notice.title}</strong>
        <p>{notice.message}</p>
      </div>
      <button className="small ghost" aria-label="Dismiss" onClick={() => appStore.getState().dismissNotice()}>
        ✕
      </button>
    </div>
  );
}
