/**
 * Errors of the segmentation engine. Each names what went wrong in words a user can act on; the
 * `kind` lets callers react (fall back, retry smaller, show a message) without parsing text.
 * Errors cross the worker boundary through comlink, which keeps only `name` and `message`, so the kind
 * is carried in the name ("SegmentError[out-of-memory]") and revived by `reviveError`.
 */
export type SegmentErrorKind =
  | 'model-missing' // the model or its card could not be fetched / read
  | 'model-corrupt' // the bytes are not a loadable ONNX model, or the card is malformed
  | 'model-mismatch' // the model's bytes or I/O do not match its card
  | 'ep-init' // the execution provider (WebGPU, WASM) failed to start
  | 'out-of-memory' // a tile could not be run even at the smallest tile size
  | 'bad-input' // the raster cannot be segmented (size, channels)
  | 'runtime'; // onnxruntime failed on a tile for another reason

export class SegmentError extends Error {
  readonly kind: SegmentErrorKind;

  constructor(kind: SegmentErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = `SegmentError[${kind}]`;
  }
}

const NAME_RE = /^SegmentError\[([a-z-]+)\]$/;

/** Rebuilds a SegmentError (or an AbortError) from an error that crossed a worker boundary. */
export function reviveError(e: unknown): unknown {
  if (e instanceof SegmentError || !(e instanceof Error)) return e;
  const m = NAME_RE.exec(e.name);
  if (m) return new SegmentError(m[1] as SegmentErrorKind, e.message);
  if (e.name === 'AbortError') return abortError();
  return e;
}

/** The error every cancelled segmentation rejects with (same name as fetch's, so callers test one thing). */
export function abortError(): Error {
  const e = new Error('segmentation cancelled');
  e.name = 'AbortError';
  return e;
}

export function isAbortError(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

/**
 * Whether an onnxruntime error is an allocation failure, which a smaller tile may avoid.
 * Texts seen: ORT CPU "bad_alloc" / "Failed to allocate memory", WASM "Out of memory" / memory-grow
 * aborts, JS "Array buffer allocation failed", WebGPU "Failed to create buffer" / device lost (OOM).
 */
export function isOutOfMemory(e: unknown): boolean {
  const text = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /bad_alloc|out of memory|failed to allocate|allocation failed|cannot enlarge memory|OOM|failed to create buffer|device (was )?lost/i.test(
    text,
  );
}
