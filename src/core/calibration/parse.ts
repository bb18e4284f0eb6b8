/**
 * Reading a tracewell layout file (already JSON-parsed) into a typed Layout.
 * Three passes, each reporting every problem it finds: the version (migrateLayout), the shape
 * (fields present, of the right JSON type, no unknown fields — a typo such as "dskew" must not be
 * silently ignored), then the meaning (validateLayout: ranges, ordering, scales).
 * Shape errors stop before the meaning pass, whose checks need the fields to exist.
 */
import { describeValue, indexPath, joinPath, type LayoutError, type LayoutResult } from './errors';
import type { CurveSpec, DepthRef, DepthSpec, Layout, PixelPoint, TrackSpec } from './layout';
import { migrateLayout } from './migrate';
import { validateLayout } from './validate';

type Obj = Record<string, unknown>;

/** Field getters that record an error and return undefined when a field is missing or mistyped. */
class Reader {
  readonly errors: LayoutError[] = [];

  fail(path: string, message: string): undefined {
    this.errors.push({ path, message });
    return undefined;
  }

  object(v: unknown, path: string, known: readonly string[]): Obj | undefined {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      return this.fail(path, `must be an object, not ${describeValue(v)}`);
    }
    for (const key of Object.keys(v)) {
      if (!known.includes(key)) {
        this.fail(joinPath(path, key), `unknown field "${key}"; expected one of ${known.join(', ')}`);
      }
    }
    return v as Obj;
  }

  /** The raw value of obj[key]; a missing required field is an error. */
  field(obj: Obj, key: string, base: string, optional = false): unknown {
    if (obj[key] === undefined && !optional) this.fail(joinPath(base, key), `missing field "${key}"`);
    return obj[key];
  }

  number(obj: Obj, key: string, base: string, optional = false): number | undefined {
    const v = this.field(obj, key, base, optional);
    if (v === undefined || typeof v === 'number') return v;
    return this.fail(joinPath(base, key), `must be a number, not ${describeValue(v)}`);
  }

  string(obj: Obj, key: string, base: string, optional = false): string | undefined {
    const v = this.field(obj, key, base, optional);
    if (v === undefined || typeof v === 'string') return v;
    return this.fail(joinPath(base, key), `must be a string, not ${describeValue(v)}`);
  }

  boolean(obj: Obj, key: string, base: string): boolean | undefined {
    const v = this.field(obj, key, base);
    if (v === undefined || typeof v === 'boolean') return v;
    return this.fail(joinPath(base, key), `must be true or false, not ${describeValue(v)}`);
  }

  /** Each element of obj[key] read by `item`; elements that fail are left out (their errors kept). */
  list<T>(obj: Obj, key: string, base: string, item: (v: unknown, path: string) => T | undefined): T[] | undefined {
    const v = this.field(obj, key, base);
    if (v === undefined) return undefined;
    const path = joinPath(base, key);
    if (!Array.isArray(v)) return this.fail(path, `must be a list, not ${describeValue(v)}`);
    const out: T[] = [];
    v.forEach((el, i) => {
      const t = item(el, indexPath(path, i));
      if (t !== undefined) out.push(t);
    });
    return out;
  }
}

const LAYOUT_KEYS = ['version', 'rotate', 'deskew', 'depth', 'step', 'well', 'tracks'] as const;
const DEPTH_KEYS = ['unit', 'refs', 'fit', 'top', 'bottom'] as const;
const TRACK_KEYS = ['x0', 'x1', 'curves'] as const;
const CURVE_KEYS = ['mnemonic', 'unit', 'description', 'scale', 'left', 'right', 'seed', 'anchors', 'wrap', 'backup', 'style'] as const;

/**
 * Parse a layout file's JSON (the result of JSON.parse) into a Layout, migrating older versions.
 * Returns every error found, each with its path; never throws on bad input.
 */
export function parseLayout(json: unknown): LayoutResult<Layout> {
  const migrated = migrateLayout(json);
  if (!migrated.ok) return migrated;
  const r = new Reader();
  const layout = readLayout(r, migrated.json);
  if (r.errors.length > 0 || layout === undefined) return { ok: false, errors: r.errors };
  const errors = validateLayout(layout);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, layout };
}

/** parseLayout on the text of a layout file; a JSON syntax error is reported like any other. */
export function parseLayoutText(text: string): LayoutResult<Layout> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseLayout(json);
}

function readLayout(r: Reader, json: Obj): Layout | undefined {
  const obj = r.object(json, '', LAYOUT_KEYS);
  if (!obj) return undefined;
  const rotate = r.number(obj, 'rotate', '');
  const deskew = readDeskew(r, obj);
  const depth = readDepth(r, r.field(obj, 'depth', ''));
  const step = r.number(obj, 'step', '');
  const well = readWell(r, obj.well);
  const tracks = r.list(obj, 'tracks', '', (v, path) => readTrack(r, v, path));
  if (rotate === undefined || deskew === undefined || !depth || step === undefined || !tracks) return undefined;
  // rotate is any number here; validateLayout checks it is one of 0, 90, 180, 270.
  return { version: 1, rotate: rotate as Layout['rotate'], deskew, depth, step, well, tracks };
}

function readDeskew(r: Reader, obj: Obj): number | 'auto' | undefined {
  const v = r.field(obj, 'deskew', '');
  if (v === undefined || typeof v === 'number' || v === 'auto') return v;
  return r.fail('deskew', `must be a number of degrees or "auto", not ${describeValue(v)}`);
}

/** `well` is optional (a layout reused across logs often has none): absent means {}. */
function readWell(r: Reader, v: unknown): Record<string, string> {
  if (v === undefined) return {};
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    r.fail('well', `must be an object of header fields such as {"WELL": "…"}, not ${describeValue(v)}`);
    return {};
  }
  const well: Record<string, string> = {};
  for (const [key, value] of Object.entries(v)) {
    if (typeof value === 'string') well[key] = value;
    else r.fail(joinPath('well', key), `must be a string (put it in quotes), not ${describeValue(value)}`);
  }
  return well;
}

function readDepth(r: Reader, v: unknown): DepthSpec | undefined {
  if (v === undefined) return undefined;
  const obj = r.object(v, 'depth', DEPTH_KEYS);
  if (!obj) return undefined;
  const unit = r.string(obj, 'unit', 'depth');
  const refs = r.list(obj, 'refs', 'depth', (el, path) => readRef(r, el, path));
  const fit = r.string(obj, 'fit', 'depth', true);
  const top = r.number(obj, 'top', 'depth', true);
  const bottom = r.number(obj, 'bottom', 'depth', true);
  if (unit === undefined || !refs) return undefined;
  const spec: DepthSpec = { unit: unit as DepthSpec['unit'], refs };
  if (fit !== undefined) spec.fit = fit as DepthSpec['fit'];
  if (top !== undefined) spec.top = top;
  if (bottom !== undefined) spec.bottom = bottom;
  return spec;
}

function readRef(r: Reader, v: unknown, path: string): DepthRef | undefined {
  const obj = r.object(v, path, ['y', 'depth']);
  if (!obj) return undefined;
  const y = r.number(obj, 'y', path);
  const depth = r.number(obj, 'depth', path);
  return y === undefined || depth === undefined ? undefined : { y, depth };
}

function readPoint(r: Reader, v: unknown, path: string): PixelPoint | undefined {
  if (v === undefined) return undefined;
  const obj = r.object(v, path, ['x', 'y']);
  if (!obj) return undefined;
  const x = r.number(obj, 'x', path);
  const y = r.number(obj, 'y', path);
  return x === undefined || y === undefined ? undefined : { x, y };
}

function readTrack(r: Reader, v: unknown, path: string): TrackSpec | undefined {
  const obj = r.object(v, path, TRACK_KEYS);
  if (!obj) return undefined;
  const x0 = r.number(obj, 'x0', path);
  const x1 = r.number(obj, 'x1', path);
  const curves = r.list(obj, 'curves', path, (el, p) => readCurve(r, el, p));
  return x0 === undefined || x1 === undefined || !curves ? undefined : { x0, x1, curves };
}

function readCurve(r: Reader, v: unknown, path: string): CurveSpec | undefined {
  const obj = r.object(v, path, CURVE_KEYS);
  if (!obj) return undefined;
  const mnemonic = r.string(obj, 'mnemonic', path);
  const unit = r.string(obj, 'unit', path);
  const description = r.string(obj, 'description', path, true);
  const scale = r.string(obj, 'scale', path);
  const left = r.number(obj, 'left', path);
  const right = r.number(obj, 'right', path);
  const seed = readPoint(r, r.field(obj, 'seed', path), joinPath(path, 'seed'));
  const anchorsField = r.field(obj, 'anchors', path, true);
  const anchors = anchorsField === undefined ? undefined : r.list(obj, 'anchors', path, (el, p) => readPoint(r, el, p));
  const wrap = r.boolean(obj, 'wrap', path);
  const backup = r.string(obj, 'backup', path, true);
  const style = r.string(obj, 'style', path, true);
  if (anchorsField !== undefined && !anchors) return undefined;
  if (mnemonic === undefined || unit === undefined || scale === undefined) return undefined;
  if (left === undefined || right === undefined || !seed || wrap === undefined) return undefined;
  const curve: CurveSpec = { mnemonic, unit, scale: scale as CurveSpec['scale'], left, right, seed, wrap };
  if (description !== undefined) curve.description = description;
  if (backup !== undefined) curve.backup = backup as CurveSpec['backup'];
  if (style !== undefined) curve.style = style as CurveSpec['style'];
  if (anchors && anchors.length > 0) curve.anchors = anchors;
  return curve;
}
