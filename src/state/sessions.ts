/**
 * Sessions wired into the store: every opened scan becomes a saved session, every document change
 * is autosaved (within a second, never blocking: src/io/autosave.ts), and a saved session reopens
 * with its document and undo/redo history exactly as they were.
 *
 * A new scan is noticed in the store (scan.file changes), so every way of opening one (drop,
 * picker, Ctrl+O, the sample) starts a session without the loader knowing about sessions. A
 * session's autosave only ever saves the store while the store still shows that session's scan,
 * so opening another file can never write its document into the previous session.
 */
import type { Raster } from '../core/raster';
import { createAutosave, type Autosave, type AutosaveOptions, type SaveStatus } from '../io/autosave';
import { createSession, openSession, requestPersistentStorage, saveSession, type OpenedSession, type StorageApi, type TracewellDb } from '../io/db';
import type { SessionContent } from '../io/db/types';
import { flushOnPageHide, sameContent, watchStore } from '../io/session-autosave';
import { emptyDocument } from './document';
import { emptyHistory } from './history';
import type { Loader } from './load';
import { emptyScan } from './scan-slice';
import { contentToSave, documentOf, sessionContentOf, stepFor } from './session-content';
import { createSessionLibrary, messageOf } from './session-library';
import type { AppStore } from './store';

export interface SessionDeps {
  openDb(): Promise<TracewellDb>;
  loader: Pick<Loader, 'restoreSession'>;
  /** the start screen's picture of the upright scan (made off the main thread in the browser) */
  thumbnail(upright: Raster): Promise<Blob>;
  storage?: StorageApi;
  /** how long a thumbnail may take before the session is stored without one (default 10 s) */
  thumbnailTimeoutMs?: number;
  /** autosave timing; tests shorten it */
  timing?: Pick<AutosaveOptions<SessionContent>, 'debounceMs' | 'maxWaitMs' | 'retryMs'>;
}

/** The open session as the controller keeps it. */
interface Bound {
  opened: OpenedSession;
  /** the scan Blob the store holds while this session is open */
  file: Blob;
  autosave: Autosave<SessionContent>;
  stop(): void;
  /** the display level the stored thumbnail shows; new levels (rotation, deskew) make a new one */
  thumbOf: Raster | undefined;
  /** a new thumbnail waiting for the next save */
  thumbnail?: Blob;
}

export function createSessionController(store: AppStore, deps: SessionDeps) {
  let dbPromise: Promise<TracewellDb> | null = null;
  let bound: Bound | null = null;
  /** an opened scan whose session could not even be created (storage full): retried on request */
  let unsaved: Blob | null = null;
  /** true while a saved session's scan decodes: that file is not a new session */
  let restoring = false;
  let chain: Promise<unknown> = Promise.resolve();

  const set = (patch: Parameters<ReturnType<AppStore['getState']>['setSession']>[0]) => store.getState().setSession(patch);
  function database(): Promise<TracewellDb> {
    // A failed open (private window, newer schema) is not cached: the next operation tries again.
    dbPromise ??= deps.openDb().catch((e) => {
      dbPromise = null;
      throw e;
    });
    return dbPromise;
  }
  /** Lifecycle steps run one at a time, in order (open a file, then another, then close…). */
  function serial<T>(op: () => Promise<T>): Promise<T> {
    const run = chain.then(op, op);
    chain = run.catch(() => undefined);
    return run;
  }

  const library = createSessionLibrary(store, {
    database,
    storage: deps.storage,
    openId: () => bound?.opened.meta.id ?? null,
    flushOpen: () => bound?.autosave.flush() ?? Promise.resolve(),
  });

  function onStatus(status: SaveStatus): void {
    set({ save: status });
    if (status.kind === 'error' && status.storageFull) void library.offerDeletions();
    if (status.kind === 'saved' && store.getState().session.storageFull) set({ storageFull: null });
  }

  function bind(opened: OpenedSession, file: Blob): Bound {
    const b: Bound = { opened, file, thumbOf: store.getState().scan.levels[0], stop: () => {}, autosave: null as never };
    b.autosave = createAutosave<SessionContent>({
      ...deps.timing,
      save: async (content) => {
        const thumbnail = b.thumbnail;
        b.thumbnail = undefined;
        try {
          const meta = await saveSession(await database(), opened.meta.id, content, { tracker: opened.tracker, thumbnail });
          if (bound === b) set({ open: meta });
        } catch (e) {
          b.thumbnail ??= thumbnail; // not stored: keep it for the next try
          throw e;
        }
      },
      onStatus: (s) => bound === b && onStatus(s),
    });
    const guarded = (s: ReturnType<AppStore['getState']>) => (s.scan.file === file ? contentToSave(s) : null);
    const stops = [watchStore(store, guarded, b.autosave)];
    if (typeof document !== 'undefined') stops.push(flushOnPageHide(b.autosave));
    b.stop = () => stops.forEach((stop) => stop());
    bound = b;
    unsaved = null;
    set({ open: opened.meta, save: { kind: 'saved', at: opened.meta.lastEdited }, storageFull: null });
    return b;
  }

  /** Saves what is unsaved and lets the open session go; false (and still open) if that failed. */
  async function release(force = false): Promise<boolean> {
    const b = bound;
    if (!b) return true;
    await b.autosave.flush();
    if (b.autosave.hasUnsaved() && !force) return false;
    b.stop();
    void b.autosave.dispose();
    bound = null;
    set({ open: null, save: { kind: 'idle' }, storageFull: null });
    return true;
  }

  /** A scan was just opened in the store: store it as a new session with what the store holds. */
  async function adopt(file: Blob): Promise<void> {
    const previous = bound;
    if (previous) {
      // The new scan already replaced the old document in the store: what is still unsaved of
      // the previous session can only be saved now, from the autosave's own copy.
      await previous.autosave.flush();
      if (previous.autosave.hasUnsaved()) {
        const status = previous.autosave.status();
        const why = status.kind === 'error' ? status.message : 'Saving did not finish.';
        store.getState().showNotice({ kind: 'error', title: `The last changes to "${previous.opened.meta.name}" were not saved`, message: why });
      }
    }
    await release(true);
    const s = store.getState();
    if (s.scan.file !== file || !s.doc.scan) return; // another file replaced it meanwhile
    const content = sessionContentOf(s);
    set({ save: { kind: 'saving' } });
    const upright = s.scan.levels[0];
    const thumbnail = upright ? await picture(upright) : null;
    try {
      const opened = await createSession(await database(), { scan: file, scanHash: s.doc.scan.sha256, scanName: s.doc.scan.fileName, content, thumbnail });
      const b = bind(opened, file);
      b.thumbOf = upright;
      // Edits made while the session was being created are saved at once.
      const now = contentToSave(store.getState());
      if (now && store.getState().scan.file === file && !sameContent(now, content)) b.autosave.change(now);
      if (store.getState().scan.levels[0] !== upright) void refreshThumbnail(b);
      void requestPersistentStorage(deps.storage).then(() => library.refresh());
    } catch (e) {
      // Not even the first save fitted: the scan stays open, unsaved, and says so.
      unsaved = file;
      onStatus({ kind: 'error', message: messageOf(e), storageFull: (e as Error)?.name === 'StorageFullError', error: e });
    }
  }

  async function refreshThumbnail(b: Bound): Promise<void> {
    const upright = store.getState().scan.levels[0];
    if (!upright || upright === b.thumbOf) return;
    b.thumbOf = upright;
    const blob = await picture(upright);
    if (!blob || bound !== b) return;
    b.thumbnail = blob;
    const content = contentToSave(store.getState());
    if (content && store.getState().scan.file === b.file) b.autosave.change(content);
  }

  /**
   * The thumbnail, or null if it fails or takes too long: a session without a picture is fine, a
   * session never created because a worker hung is not (lifecycle steps wait on each other).
   */
  function picture(upright: Raster): Promise<Blob | null> {
    return new Promise((done) => {
      const timer = setTimeout(() => done(null), deps.thumbnailTimeoutMs ?? 10_000);
      deps.thumbnail(upright).then(done, () => done(null)).finally(() => clearTimeout(timer));
    });
  }

  /** Empties the workbench: no scan, no document, nothing running; the start screen shows. */
  function clearWorkbench(): void {
    const s = store.getState();
    for (const id of Object.keys(s.jobs)) s.cancelJob(id);
    s.resetSteps();
    store.setState((st) => ({
      doc: emptyDocument(),
      history: emptyHistory(),
      scan: emptyScan(),
      view: { ...st.view, step: 'load', selection: null, cursor: null, pageChooser: null, notice: null },
    }));
  }

  return {
    ...library,

    /** Starts watching the store for opened scans; returns the stop function. */
    start(): () => void {
      void library.refresh();
      const unsubscribe = store.subscribe((s, prev) => {
        const file = s.scan.file;
        if (file && file !== prev.scan.file && s.doc.scan && !restoring && file !== bound?.file) void serial(() => adopt(file));
        if (bound && file === bound.file && s.scan.levels[0] !== prev.scan.levels[0]) void refreshThumbnail(bound);
      });
      return () => {
        unsubscribe();
        bound?.stop();
      };
    },

    /** Reopens a saved session: scan, layout, curves, export settings and undo/redo history. */
    open(id: string): Promise<boolean> {
      return serial(async () => {
        if (bound?.opened.meta.id === id) return true;
        if (!(await release())) return false;
        set({ busy: 'Opening the session' });
        try {
          const opened = await openSession(await database(), id);
          const { doc, history } = documentOf(opened.content);
          if (!doc.scan) throw new Error(`Session "${opened.meta.name}" does not record how its scan was read.`);
          restoring = true;
          const restored = await deps.loader.restoreSession(opened.scan, doc, history).finally(() => (restoring = false));
          if (!restored) return false; // the loader said why
          store.getState().resetSteps();
          store.getState().setStep(stepFor(doc));
          bind(opened, opened.scan);
          return true;
        } catch (e) {
          store.getState().showNotice({ kind: 'error', title: 'Could not open the session', message: messageOf(e) });
          return false;
        } finally {
          set({ busy: null });
        }
      });
    },

    /**
     * Back to the start screen. Saves first; if that fails the session stays open (false) unless
     * `discard` says the user chose to lose the unsaved changes.
     */
    close(discard = false): Promise<boolean> {
      return serial(async () => {
        // A scan whose session could not even be created is all unsaved work too.
        if (!discard && unsaved && store.getState().scan.file === unsaved) return false;
        if (!(await release(discard))) return false;
        unsaved = null;
        clearWorkbench();
        await library.refresh();
        return true;
      });
    },

    /** Tries the failed save again now (after the user made room). */
    retrySave(): Promise<void> {
      return serial(async () => {
        if (bound) return bound.autosave.flush();
        if (unsaved && store.getState().scan.file === unsaved) return adopt(unsaved);
      });
    },

    /** Saves any pending change now (before a new version reloads the page). */
    flush(): Promise<void> {
      return bound?.autosave.flush() ?? Promise.resolve();
    },
  };
}

export type SessionController = ReturnType<typeof createSessionController>;
