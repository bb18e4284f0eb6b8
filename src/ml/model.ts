/**
 * Checks shared by both session factories when a model is loaded: the bytes are the ones the card
 * describes, and the session's inputs/outputs are the card's. Each failure names the file and the fix.
 */
import type { ModelCard } from './card';
import { SegmentError } from './errors';

/** `hexDigest`: SHA-256 of the .onnx bytes, lowercase hex. */
export function checkModelId(card: ModelCard, hexDigest: string, file: string): void {
  const expected = card.id.replace(/^sha256:/, '').toLowerCase();
  if (expected !== hexDigest)
    throw new SegmentError(
      'model-mismatch',
      `${file} does not match its card ${card.name} (sha256 ${hexDigest.slice(0, 12)}…, card says ${expected.slice(0, 12)}…): the file is damaged or from another model; reinstall the model`,
    );
}

export function checkSessionIo(card: ModelCard, inputNames: readonly string[], outputNames: readonly string[], file: string): void {
  if (!inputNames.includes(card.input.name) || !outputNames.includes(card.output.name))
    throw new SegmentError(
      'model-mismatch',
      `${file} has inputs [${inputNames.join(', ')}] and outputs [${outputNames.join(', ')}]; its card expects "${card.input.name}" → "${card.output.name}"`,
    );
}

/** Wraps onnxruntime's session-creation error: corrupt or truncated bytes are the usual cause. */
export function corruptModel(file: string, e: unknown): SegmentError {
  const why = e instanceof Error ? e.message : String(e);
  return new SegmentError('model-corrupt', `${file} is not a loadable ONNX model (${why.slice(0, 200)}); reinstall the model`, { cause: e });
}

export function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}
