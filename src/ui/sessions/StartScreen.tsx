/**
 * The start screen: saved sessions (open, rename, duplicate, export, delete), a new session from a
 * scan or the bundled sample, a session file to import, and how much storage is used. It fills
 * the empty viewer, so a scan dropped anywhere still opens (and becomes a new session).
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useAppStore } from '../../state/store';
import { OpenButton } from '../load/OpenButton';
import { SessionCard } from './SessionCard';
import { openSample, sessions } from './session-services';
import { StorageLine } from './StorageLine';
import './sessions.css';

export function StartScreen() {
  const list = useAppStore((s) => s.session.list);
  const busy = useAppStore((s) => s.session.busy);
  const root = useRef<HTMLElement>(null);
  useKeepFromViewer(root);
  return (
    // React's own bubbling carries keys to the viewer's pan keys: stop them there (typing a name).
    <section ref={root} className="start" aria-label="Sessions" data-testid="start-screen" onKeyDown={(e) => e.stopPropagation()}>
      <header className="start-head">
        <h2>Sessions</h2>
        <p className="muted">
          Every scan you open (PNG, JPEG, TIFF or PDF, up to 50,000 px long) becomes a session, saved on this computer as you
          work. Drop a scan anywhere in this window to start one.
        </p>
        <div className="start-actions">
          <OpenButton className="primary" label="New from file…" />
          <button onClick={() => void openSample()}>Open the sample log</button>
          <ImportButton />
        </div>
        <StorageLine />
        {busy && (
          <p className="start-busy" role="status">
            {busy}…
          </p>
        )}
      </header>
      {list === null ? null : list.length === 0 ? (
        <p className="start-empty muted">No saved sessions yet. Open a scan or the sample log to start one.</p>
      ) : (
        <ul className="session-list" aria-label="Saved sessions">
          {list.map((m) => (
            <SessionCard key={m.id} meta={m} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button onClick={() => input.current?.click()} title="Add a session exported from Tracewell on another computer (.tracewell)">
        Import session file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".tracewell,application/x-tracewell-session"
        hidden
        data-testid="session-file-input"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = ''; // the same file picked again must import again
          if (f) void sessions().importFile(f);
        }}
      />
    </>
  );
}

/**
 * The start screen sits inside the viewer, whose d3-zoom listens for wheel and pointer events:
 * stop them here, natively, before they bubble to the viewer, so the list scrolls with the wheel
 * and a press on a button never starts a pan. (Click and key events are left to bubble.)
 */
function useKeepFromViewer(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const stop = (e: Event) => e.stopPropagation();
    const types = ['wheel', 'pointerdown', 'mousedown', 'touchstart', 'dblclick'] as const;
    for (const t of types) el.addEventListener(t, stop, { passive: true });
    return () => {
      for (const t of types) el.removeEventListener(t, stop);
    };
  }, [ref]);
}
