/**
 * Which segmentation the CLI runs: the model named by --model (a card JSON, its .onnx, or a models
 * folder with index.json), else the app's default model (public/models/index.json of this
 * checkout), or none with --classical. No model and no --classical is an error that says both ways
 * out, rather than a silent fall back to the weaker classical segmentation.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Segmenter } from '../../ml/segmenter';
import { createNodeSegmenter, defaultCardPath, loadCard } from '../segmenter-node';
import { CliError } from './errors';

/** public/models of this checkout: where the app's models are installed. */
export const DEFAULT_MODELS_DIR = fileURLToPath(new URL('../../../public/models/', import.meta.url));

export type ModelChoice = { kind: 'classical' } | { kind: 'model'; cardPath: string };

/** The card JSON for a --model argument. */
async function cardFor(path: string): Promise<string> {
  if (!existsSync(path)) throw new CliError(`--model ${path}: no such file or folder`);
  if (statSync(path).isDirectory()) return defaultCardPath(path);
  if (path.endsWith('.onnx')) {
    const card = path.replace(/\.onnx$/, '.json');
    if (!existsSync(card)) throw new CliError(`--model ${path}: its card ${card} is missing (a model is the .onnx file and its card JSON)`);
    return card;
  }
  return path;
}

export async function chooseModel(opts: { model?: string; classical?: boolean }): Promise<ModelChoice> {
  if (opts.classical && opts.model) throw new CliError('--classical and --model exclude each other: choose one', 2);
  if (opts.classical) return { kind: 'classical' };
  if (opts.model) return { kind: 'model', cardPath: await cardFor(opts.model) };
  if (!existsSync(join(DEFAULT_MODELS_DIR, 'index.json'))) {
    throw new CliError(`no segmentation model is installed (${join(DEFAULT_MODELS_DIR, 'index.json')} is missing): pass --model CARD.json, or --classical to segment by darkness alone`);
  }
  return { kind: 'model', cardPath: await defaultCardPath(DEFAULT_MODELS_DIR) };
}

/** Checks the card before any scan is read (a bad card fails at once, not after decoding). */
export async function checkModel(choice: ModelChoice): Promise<void> {
  if (choice.kind === 'model') await loadCard(choice.cardPath);
}

export async function openSegmenter(choice: ModelChoice, threads: number): Promise<Segmenter | null> {
  return choice.kind === 'model' ? createNodeSegmenter(choice.cardPath, { threads }) : null;
}
