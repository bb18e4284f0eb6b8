/**
 * Layout errors: each names where in the layout file the problem is (a path such as
 * `tracks[1].curves[0].left`, '' for the whole file) and says what is wrong in words a user can act on.
 */
export interface LayoutError {
  path: string;
  message: string;
}

export type LayoutResult<T> = { ok: true; layout: T } | { ok: false; errors: LayoutError[] };

/** `base.key`, or `key` at the root. */
export function joinPath(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

/** `base[i]` */
export function indexPath(base: string, i: number): string {
  return `${base}[${i}]`;
}

/** One line per error, `path: message`, for a CLI or a status bar. */
export function formatLayoutErrors(errors: readonly LayoutError[]): string {
  return errors.map((e) => `${e.path === '' ? '(layout)' : e.path}: ${e.message}`).join('\n');
}

/** How a value looks in a message: short, and never "[object Object]". */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** Thrown by the maps when handed a spec that validation would reject; carries the same errors. */
export class LayoutInvalidError extends Error {
  readonly errors: LayoutError[];
  constructor(errors: LayoutError[]) {
    super(formatLayoutErrors(errors));
    this.name = 'LayoutInvalidError';
    this.errors = errors;
  }
}
