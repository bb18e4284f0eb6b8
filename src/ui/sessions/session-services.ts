/**
 * The app's session controller, bound to the app store, the scan loader and the browser's
 * IndexedDB; created on first use like the other services. Also the few browser chores around it:
 * opening the bundled sample, and handing a Blob to the user as a download.
 */
import { openTracewellDb } from '../../io/db';
import { setBeforeUpdate } from '../../io/pwa';
import { thumbnailOffThread } from '../../io/thumbnail-off-thread';
import { createSessionController, type SessionController } from '../../state/sessions';
import { appStore } from '../../state/store';
import { scanLoader } from '../services';

let controller: SessionController | null = null;

export function sessions(): SessionController {
  return (controller ??= createSessionController(appStore, {
    openDb: () =>
      openTracewellDb({
        // Another tab runs a newer Tracewell that needs to upgrade the database.
        onVersionChange: () =>
          appStore.getState().showNotice({ kind: 'error', title: 'A newer Tracewell is open in another tab', message: 'Reload this tab to keep saving your work.' }),
      }),
    loader: scanLoader(),
    thumbnail: thumbnailOffThread,
  }));
}

/** Starts sessions (list, autosave of what opens); returns the stop function. */
export function startSessions(): () => void {
  const stop = sessions().start();
  // A new version of the app reloads the page only after the open session is saved.
  setBeforeUpdate(() => sessions().flush());
  return stop;
}

const SAMPLE = 'synthetic-log.png';

/** The bundled synthetic log (public/samples), served from our own origin like the app (and cached offline). */
export async function openSample(): Promise<void> {
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}samples/${SAMPLE}`);
    if (!res.ok) throw new Error(`the server answered ${res.status}`);
    await scanLoader().openFile(new File([await res.blob()], SAMPLE, { type: 'image/png' }));
  } catch (e) {
    appStore.getState().showNotice({ kind: 'error', title: 'Could not open the sample log', message: (e as Error).message });
  }
}

/** Offers `blob` as a download named `fileName` (the browser's own save flow; nothing is uploaded). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // The download has taken its reference by the next task; a minute is ample margin.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
