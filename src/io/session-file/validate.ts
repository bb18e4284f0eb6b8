/** Checks that decoded data really is session content before anything is written. */
import type { SessionContent } from '../db/types';
import { SessionFileError } from './errors';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(what: string): never {
  throw new SessionFileError('invalid', what);
}

function checkCurve(c: unknown, i: number): void {
  if (!isObject(c)) fail(`curve ${i} is not an object`);
  for (const k of ['track', 'curve', 'y0'] as const) if (typeof c[k] !== 'number') fail(`curve ${i} has no ${k}`);
  if (!(c.x instanceof Float64Array)) fail(`curve ${i} has no x positions`);
  if (!(c.confidence instanceof Float32Array) || c.confidence.length !== c.x.length) fail(`curve ${i} has no confidence per row`);
  if (c.cycle !== undefined && (!(c.cycle instanceof Int8Array) || c.cycle.length !== c.x.length)) fail(`curve ${i} has a bad wrap cycle`);
}

export function checkContent(v: unknown): SessionContent {
  if (!isObject(v)) fail('it holds no session content');
  if (v.layout !== null && !(isObject(v.layout) && v.layout.version === 1)) fail('its layout is not a tracewell layout v1');
  if (!Array.isArray(v.curves)) fail('it has no curve list');
  v.curves.forEach(checkCurve);
  if (!isObject(v.exportSettings)) fail('it has no export settings');
  if (v.scanRef !== undefined && v.scanRef !== null && !isObject(v.scanRef)) fail('its scan reference is not an object');
  const h = v.history;
  if (!isObject(h) || !Array.isArray(h.undo) || !Array.isArray(h.redo)) fail('it has no undo history');
  if (![...h.undo, ...h.redo].every(isObject)) fail('its undo history holds something other than steps');
  return v as unknown as SessionContent;
}
