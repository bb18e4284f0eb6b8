/**
 * The app's long-lived services: the decode, auto-layout and trace worker clients, the model's
 * segmenter, and the loader, auto-layout and digitiser bound to the app store.
 * Created on first use, so importing UI modules (tests, tooling) starts no worker.
 */
import { DecodeClient } from '../io/decode/client';
import { AnalyseClient, TraceClient } from '../io/digitise-client';
import { createBrowserSegmenter } from '../ml/browser';
import type { Segmenter } from '../ml/segmenter';
import { createAutoLayout, type AutoLayout } from '../state/calibrate-actions';
import { createDigitiser, type Digitiser } from '../state/digitise';
import { createLoader, type Loader } from '../state/load';
import { startScanSync } from '../state/scan-sync';
import { startStepsSync } from '../state/steps-sync';
import { appStore } from '../state/store';

let client: DecodeClient | null = null;
let loader: Loader | null = null;

export function decodeClient(): DecodeClient {
  return (client ??= new DecodeClient());
}

export function scanLoader(): Loader {
  return (loader ??= createLoader(appStore, decodeClient()));
}

let auto: AutoLayout | null = null;
let segmenter: Promise<Segmenter> | null = null;

export function autoLayout(): AutoLayout {
  return (auto ??= createAutoLayout(appStore, new AnalyseClient()));
}

/**
 * The model's segmenter, made on first use and reused for every scan. A failure is not kept: the
 * next Digitise tries again (the model may have been installed since, or the EP setting changed).
 */
function modelSegmenter(): Promise<Segmenter> {
  segmenter ??= createBrowserSegmenter().catch((e) => {
    segmenter = null;
    throw e;
  });
  return segmenter;
}

/**
 * Make the model's segmenter ahead of the first Digitise (the digitise step opens), so the engine in
 * use, or why the model cannot be used, shows before the button is pressed.
 */
export function prepareModel(): void {
  const st = appStore.getState();
  if (st.digitise.backend || st.digitise.modelProblem) return;
  modelSegmenter().then(
    (s) => appStore.getState().setDigitise({ backend: s.backend, modelId: s.card.id, modelProblem: null }),
    (e) => appStore.getState().setDigitise({ modelProblem: (e as Error)?.message ?? String(e) }),
  );
}

/** Drop the segmenter (after the EP setting changed); the next Digitise makes a new one. */
export async function resetSegmenter(): Promise<void> {
  const old = segmenter;
  segmenter = null;
  appStore.getState().setDigitise({ backend: null, modelProblem: null });
  await old?.then((s) => s.dispose(), () => undefined);
}

export function digitiser(): Digitiser {
  return (digitiser_ ??= createDigitiser(appStore, { segmenter: modelSegmenter, tracer: new TraceClient() }));
}
let digitiser_: Digitiser | null = null;

/** Start keeping display levels and step state in step with the document; returns the stop function. */
export function startServices(): () => void {
  const stops = [startScanSync(appStore, decodeClient()), startStepsSync(appStore)];
  return () => stops.forEach((stop) => stop());
}
