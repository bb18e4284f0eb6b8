/**
 * The accuracy benchmark's tracker arguments: --trace (options on top of the defaults) and --sweep
 * (one option at several values), each checked against the tracker's own defaults so a misspelt or
 * mistyped option is refused by name rather than silently ignored.
 */
import { DEFAULT_TRACE_OPTIONS, type TraceOptions } from '../../core/trace/options.ts';

type Json = Record<string, unknown>;

function parseObject(flag: string, text: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${flag} is not JSON (${(e as Error).message}): ${text}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${flag} takes a JSON object of tracker options, not ${text}`);
  return value as Json;
}

/** Throws, naming it, on an option the tracker does not have or a value not of its default's type. */
function check(flag: string, obj: Json, defaults: object = DEFAULT_TRACE_OPTIONS, path = ''): void {
  for (const [k, v] of Object.entries(obj)) {
    if (!(k in defaults)) throw new Error(`${flag}: ${path}${k} is not a tracker option (src/core/trace/options.ts)`);
    const d = (defaults as Json)[k];
    if (typeof d === 'object' && d !== null) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${flag}: ${path}${k} takes an object`);
      check(flag, v as Json, d, `${path}${k}.`);
    } else if (typeof v !== typeof d) {
      throw new Error(`${flag}: ${path}${k} takes a ${typeof d}, not ${JSON.stringify(v)}`);
    }
  }
}

/** --trace's JSON: an object of tracker options, each named in DEFAULT_TRACE_OPTIONS with a value of its type. */
export function parseTraceOptions(text: string): Partial<TraceOptions> {
  const value = parseObject('--trace', text);
  check('--trace', value);
  return value as Partial<TraceOptions>;
}

export interface Sweep {
  /** the option swept, dotted where nested (runs.clusterGapPx) */
  option: string;
  values: unknown[];
  /** per value, the tracker options: `base` with the option set to that value */
  settings: Partial<TraceOptions>[];
}

/**
 * --sweep's JSON: tracker options as for --trace, exactly one of them a list of values, e.g.
 * {"identityFitRows":[14,16,18]} or {"runs":{"clusterGapPx":[8,10,12]}}. Each value is set on top of
 * `base` (the --trace options) and checked like them.
 */
export function parseSweep(text: string, base: Partial<TraceOptions> = {}): Sweep {
  const value = parseObject('--sweep', text);
  const lists: string[][] = [];
  const walk = (obj: Json, path: string[]) => {
    for (const [k, v] of Object.entries(obj)) {
      if (Array.isArray(v)) lists.push([...path, k]);
      else if (typeof v === 'object' && v !== null) walk(v as Json, [...path, k]);
    }
  };
  walk(value, []);
  if (lists.length !== 1) throw new Error(`--sweep takes exactly one option with a list of values, e.g. {"identityFitRows":[14,16,18]}; ${text} has ${lists.length}`);
  const path = lists[0];
  const values = path.reduce<unknown>((o, k) => (o as Json)[k], value) as unknown[];
  if (values.length === 0) throw new Error(`--sweep: ${path.join('.')} has no values`);
  const settings = values.map((v) => {
    const setting = merge(base as Json, value);
    let at = setting;
    for (const k of path.slice(0, -1)) at = at[k] as Json;
    at[path[path.length - 1]] = v;
    check('--sweep', setting);
    return setting as Partial<TraceOptions>;
  });
  return { option: path.join('.'), values, settings };
}

/** b over a, nested objects merged; a and b are left as they are. */
function merge(a: Json, b: Json): Json {
  const out: Json = structuredClone(a);
  for (const [k, v] of Object.entries(b)) {
    const here = out[k];
    out[k] = typeof v === 'object' && v !== null && !Array.isArray(v) && typeof here === 'object' && here !== null ? merge(here as Json, v as Json) : structuredClone(v);
  }
  return out;
}
