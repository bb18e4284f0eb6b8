/**
 * Typed decode errors. Every failure names the file and the problem in words a user can act on;
 * `kind` lets the UI and tests tell them apart without parsing the message.
 */
export type DecodeErrorKind =
  | 'empty' // 0 bytes
  | 'unsupported' // a format or a variant of one we do not read
  | 'zero-size' // an image that declares 0 px wide or high
  | 'too-large' // over MAX_SCAN_SIDE_PX or MAX_SCAN_PIXELS
  | 'truncated' // the file ends before its data does
  | 'corrupt' // the data is malformed
  | 'no-pages' // a PDF or TIFF with no page in it
  | 'bad-page' // the page asked for does not exist
  | 'bad-option'; // e.g. a PDF resolution outside the accepted range

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(
    readonly kind: DecodeErrorKind,
    readonly fileName: string,
    message: string,
  ) {
    super(message);
  }
}

/** Shorthand used by the decoders: the message always starts with the file name. */
export function decodeError(kind: DecodeErrorKind, fileName: string, problem: string): DecodeError {
  return new DecodeError(kind, fileName, `${fileName}: ${problem}`);
}

/** Wrap a third-party decoder's exception as `corrupt` (or keep our own typed error). */
export function asDecodeError(e: unknown, fileName: string, what: string): DecodeError {
  if (e instanceof DecodeError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return decodeError('corrupt', fileName, `the ${what} data is damaged and cannot be decoded (${detail}).`);
}

/** Plain-data form of a DecodeError, for crossing a worker boundary. */
export interface DecodeErrorData {
  name: 'DecodeError';
  kind: DecodeErrorKind;
  fileName: string;
  message: string;
}

export function isDecodeErrorData(v: unknown): v is DecodeErrorData {
  return typeof v === 'object' && v !== null && (v as { name?: unknown }).name === 'DecodeError';
}
