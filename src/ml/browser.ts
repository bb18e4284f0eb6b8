/**
 * The app's entry to segmentation (what the UI and state wire up): the default model from
 * public/models/index.json, the user's EP setting from localStorage, a worker-pool Segmenter.
 *
 *   const seg = await createBrowserSegmenter();           // once; reuse for every scan
 *   seg.backend   → { ep: 'wasm', workers: 2, threadsPerWorker: 1, note: 'no WebGPU adapter; …' }
 *   await seg.segment(raster, { onProgress, signal });
 *   setEpSetting('webgpu'); then dispose() and create again to apply it.
 */
import { type ModelCard, parseModelCard, parseModelIndex } from './card';
import { type EpSetting, loadEpSetting, saveEpSetting } from './ep';
import { SegmentError } from './errors';
import { createPoolSegmenter } from './pool-setup';
import type { Segmenter } from './segmenter';

export { EP_SETTINGS, type EpSetting } from './ep';

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** The user's execution-provider setting ('auto' | 'webgpu' | 'wasm'); the UI shows and edits it. */
export function getEpSetting(): EpSetting {
  return loadEpSetting(storage());
}

export function setEpSetting(v: EpSetting): void {
  saveEpSetting(storage(), v);
}

async function fetchJson(url: string, what: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new SegmentError('model-missing', `${what} ${url} could not be fetched (${(e as Error).message})`);
  }
  if (!res.ok) throw new SegmentError('model-missing', `${what} ${url} is missing (HTTP ${res.status}); the app was installed without its models`);
  try {
    return await res.json();
  } catch {
    throw new SegmentError('model-corrupt', `${what} ${url} is not valid JSON`);
  }
}

/** Card and .onnx URL of a shipped model (default: the index's default), under `${base}models/`. */
export async function loadModel(name?: string, base = import.meta.env.BASE_URL): Promise<{ card: ModelCard; modelUrl: string }> {
  const dir = `${base}models/`;
  const index = parseModelIndex(await fetchJson(`${dir}index.json`, 'model index'));
  const chosen = name ?? index.default;
  const card = parseModelCard(await fetchJson(`${dir}${chosen}.json`, 'model card'), `${chosen}.json`);
  return { card, modelUrl: `${dir}${card.file}` };
}

export async function createBrowserSegmenter(o: { model?: string; setting?: EpSetting } = {}): Promise<Segmenter> {
  const { card, modelUrl } = await loadModel(o.model);
  return createPoolSegmenter({ card, modelUrl, setting: o.setting ?? getEpSetting(), store: storage() });
}
