/**
 * Layout file versions. Version 1 is the only one so far; when a field is added, bump
 * CURRENT_LAYOUT_VERSION and add the step from the old version to the new one to STEPS, so every
 * saved layout, session and CLI file keeps loading.
 */
import { describeValue, type LayoutError } from './errors';

export const CURRENT_LAYOUT_VERSION = 1;

/** STEPS[n] turns a version-n object into a version-(n+1) object (plain JSON in, plain JSON out). */
const STEPS: Record<number, (json: Record<string, unknown>) => Record<string, unknown>> = {};

export type MigrateResult =
  | { ok: true; json: Record<string, unknown>; from: number }
  | { ok: false; errors: LayoutError[] };

/**
 * Bring a parsed layout file up to CURRENT_LAYOUT_VERSION. Only the version is checked here; the
 * fields are checked by parseLayout afterwards. Never mutates its input.
 */
export function migrateLayout(json: unknown): MigrateResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return fail('', `a layout must be a JSON object, not ${describeValue(json)}`);
  }
  const obj = json as Record<string, unknown>;
  if (!('version' in obj)) {
    return fail('version', `missing field "version" (this Tracewell writes version ${CURRENT_LAYOUT_VERSION})`);
  }
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('version', `unknown layout version ${describeValue(version)}; expected a whole number such as ${CURRENT_LAYOUT_VERSION}`);
  }
  if (version > CURRENT_LAYOUT_VERSION) {
    return fail(
      'version',
      `layout version ${version} was written by a newer Tracewell; this one reads versions up to ${CURRENT_LAYOUT_VERSION}`,
    );
  }
  let current: Record<string, unknown> = { ...obj };
  for (let v = version; v < CURRENT_LAYOUT_VERSION; v++) {
    const step = STEPS[v];
    if (!step) return fail('version', `no migration from layout version ${v} to ${v + 1}`);
    current = { ...step(current), version: v + 1 };
  }
  return { ok: true, json: current, from: version };
}

function fail(path: string, message: string): MigrateResult {
  return { ok: false, errors: [{ path, message }] };
}
