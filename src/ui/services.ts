/**
 * The app's long-lived services: the decode worker client and the loader bound to the app store.
 * Created on first use, so importing UI modules (tests, tooling) starts no worker.
 */
import { DecodeClient } from '../io/decode/client';
import { createLoader, type Loader } from '../state/load';
import { startScanSync } from '../state/scan-sync';
import { appStore } from '../state/store';

let client: DecodeClient | null = null;
let loader: Loader | null = null;

export function decodeClient(): DecodeClient {
  return (client ??= new DecodeClient());
}

export function scanLoader(): Loader {
  return (loader ??= createLoader(appStore, decodeClient()));
}

/** Start keeping display levels in step with the document; returns the stop function. */
export function startServices(): () => void {
  return startScanSync(appStore, decodeClient());
}
