/**
 * Service-worker registration and the "new version" prompt. The app works offline once loaded
 * (scripts/vite-pwa.ts precaches everything). A new version is installed in the background and
 * then waits: it takes over only when the user says so, after the open session has been saved,
 * so an update never reloads the page in the middle of an edit.
 */
import { registerSW } from 'virtual:pwa-register';

export interface UpdateState {
  /** a new version is installed and waiting for the user */
  updateReady: boolean;
  /** everything is cached: the app now works with no network */
  offlineReady: boolean;
  /** registration failed (e.g. insecure origin); the app still works online */
  error: string | null;
}

let state: UpdateState = { updateReady: false, offlineReady: false, error: null };
const listeners = new Set<(s: UpdateState) => void>();
let activate: ((reload?: boolean) => Promise<void>) | null = null;
/** called before switching versions: the app flushes its autosave here */
let beforeUpdate: () => Promise<void> = async () => {};

function set(patch: Partial<UpdateState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l(state);
}

export function registerServiceWorker(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  // not `immediate`: the worker registers once the page has loaded, so its precache (the model
  // included) does not compete with the first visit's own scripts and the app's first paint
  activate = registerSW({
    immediate: false,
    onNeedRefresh: () => set({ updateReady: true }),
    onOfflineReady: () => set({ offlineReady: true }),
    onRegisterError: (e: unknown) => set({ error: e instanceof Error ? e.message : String(e) }),
  });
}

export function updateState(): UpdateState {
  return state;
}

export function subscribeUpdate(listener: (s: UpdateState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The session layer registers its flush here so switching versions never loses an edit. */
export function setBeforeUpdate(flush: () => Promise<void>): void {
  beforeUpdate = flush;
}

/** The user accepted: save, then let the waiting worker take over and reload into it. */
export async function applyUpdate(): Promise<void> {
  if (!state.updateReady || !activate) return;
  await beforeUpdate();
  // workbox-window reloads by itself only if a worker already controlled the page when it loaded;
  // on the very visit that installed the app it does not, so reload once the new one takes over.
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  await activate(true);
}
