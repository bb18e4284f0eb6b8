/**
 * The onnxruntime-node session factory: the CLI, tests and benchmarks segment through this, with the
 * same engine (tiling, preprocessing, stitching) as the browser's workers.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { type ModelCard, parseModelCard, parseModelIndex } from '../ml/card';
import { TiledEngine, type TileRunner } from '../ml/engine';
import { SegmentError } from '../ml/errors';
import { checkModelId, checkSessionIo, corruptModel } from '../ml/model';
import { type Segmenter, createLocalSegmenter } from '../ml/segmenter';

export interface NodeSegmenterOptions {
  /** intra-op threads (default 1) */
  threads?: number;
  /** tiles per model call (default 1) */
  batch?: number;
  /** reuse identical blank tiles (default true) */
  skipBlank?: boolean;
}

async function readOr(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new SegmentError('model-missing', `${what} ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { cause: e });
  }
}

/** Reads a card JSON file; the .onnx is the card's `file`, next to it. */
export async function loadCard(cardPath: string): Promise<ModelCard> {
  const text = (await readOr(cardPath, 'model card')).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SegmentError('model-corrupt', `model card ${cardPath} is not valid JSON (${(e as Error).message})`);
  }
  return parseModelCard(json, cardPath);
}

/** Card path of the default model of a models folder (public/models/index.json). */
export async function defaultCardPath(modelsDir: string): Promise<string> {
  const indexPath = join(modelsDir, 'index.json');
  const index = parseModelIndex(JSON.parse((await readOr(indexPath, 'model index')).toString('utf8')), indexPath);
  return join(modelsDir, `${index.default}.json`);
}

export async function createNodeRunner(card: ModelCard, modelPath: string, threads: number): Promise<TileRunner> {
  const bytes = await readOr(modelPath, 'model file');
  checkModelId(card, createHash('sha256').update(bytes).digest('hex'), basename(modelPath));
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
  } catch (e) {
    throw corruptModel(basename(modelPath), e);
  }
  checkSessionIo(card, session.inputNames, session.outputNames, basename(modelPath));
  return {
    async run(input, n, h, w) {
      const out = await session.run({ [card.input.name]: new ort.Tensor('float32', input, [n, 1, h, w]) });
      return out[card.output.name].data as Float32Array;
    },
    dispose: () => session.release(),
  };
}

/** A Segmenter over onnxruntime-node for the model whose card is at `cardPath`. */
export async function createNodeSegmenter(cardPath: string, options: NodeSegmenterOptions = {}): Promise<Segmenter> {
  const card = await loadCard(cardPath);
  const threads = options.threads ?? 1;
  const runner = await createNodeRunner(card, join(dirname(cardPath), card.file), threads);
  const engine = new TiledEngine(runner, card, { maxBatch: options.batch, skipBlank: options.skipBlank });
  return createLocalSegmenter(engine, card, { runtime: 'onnxruntime-node', ep: 'cpu', workers: 1, threadsPerWorker: threads });
}
