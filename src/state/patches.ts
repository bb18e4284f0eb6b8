/**
 * Inverse patches for immutable plain data (objects, arrays, typed arrays, primitives).
 * `diff(before, after)` finds what changed by reference, walking only into containers whose
 * identity changed, so a drag that rewrites rows 900–960 of one 12,800-row curve costs a patch
 * of 61 numbers, not a copy of the document. `applyPatches` rebuilds only the containers on the
 * changed paths (structural sharing), so unchanged curves keep their identity.
 */
export type Path = ReadonlyArray<string | number>;
export type TypedArray = Float64Array | Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

export type Patch =
  /** replace the value at `path` (undefined: delete the key) */
  | { op: 'set'; path: Path; value: unknown }
  /** array at `path`: remove `remove` items at `index`, insert `insert` there */
  | { op: 'splice'; path: Path; index: number; remove: number; insert: unknown[] }
  /** typed array at `path`: overwrite from `index` with `values` (same length array) */
  | { op: 'range'; path: Path; index: number; values: TypedArray };

export interface PatchPair {
  forward: Patch[];
  inverse: Patch[];
}

const isTyped = (v: unknown): v is TypedArray => ArrayBuffer.isView(v) && !(v instanceof DataView);
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

export function diff(before: unknown, after: unknown): PatchPair {
  const out: PatchPair = { forward: [], inverse: [] };
  walk(before, after, [], out);
  // Inverse patches undo in reverse order (a later patch may sit inside an earlier splice).
  out.inverse.reverse();
  return out;
}

function walk(a: unknown, b: unknown, path: Array<string | number>, out: PatchPair): void {
  if (Object.is(a, b)) return;
  if (isTyped(a) && isTyped(b) && a.constructor === b.constructor && a.length === b.length) return typedRange(a, b, path, out);
  if (Array.isArray(a) && Array.isArray(b)) return arrays(a, b, path, out);
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], [...path, key], out);
    return;
  }
  out.forward.push({ op: 'set', path, value: b });
  out.inverse.push({ op: 'set', path, value: a });
}

function typedRange(a: TypedArray, b: TypedArray, path: Path, out: PatchPair): void {
  let first = 0;
  while (first < a.length && Object.is(a[first], b[first])) first++;
  if (first === a.length) return;
  let last = a.length - 1;
  while (last > first && Object.is(a[last], b[last])) last--;
  out.forward.push({ op: 'range', path, index: first, values: b.slice(first, last + 1) });
  out.inverse.push({ op: 'range', path, index: first, values: a.slice(first, last + 1) });
}

function arrays(a: unknown[], b: unknown[], path: Array<string | number>, out: PatchPair): void {
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) walk(a[i], b[i], [...path, i], out);
    return;
  }
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const removed = a.slice(p, a.length - s);
  const inserted = b.slice(p, b.length - s);
  out.forward.push({ op: 'splice', path, index: p, remove: removed.length, insert: inserted });
  out.inverse.push({ op: 'splice', path, index: p, remove: inserted.length, insert: removed });
}

export function applyPatches<T>(root: T, patches: readonly Patch[]): T {
  let r: unknown = root;
  for (const p of patches) r = updateIn(r, p.path, 0, (old) => applyOne(old, p));
  return r as T;
}

function applyOne(old: unknown, p: Patch): unknown {
  if (p.op === 'set') return p.value;
  if (p.op === 'splice') {
    if (!Array.isArray(old)) throw new Error(`patch: no array at ${p.path.join('.')}`);
    const next = old.slice();
    next.splice(p.index, p.remove, ...p.insert);
    return next;
  }
  if (!isTyped(old) || p.index + p.values.length > old.length) throw new Error(`patch: no typed array to write at ${p.path.join('.')}`);
  const next = old.slice();
  next.set(p.values as never, p.index);
  return next;
}

/** Copy-on-write update of the value at `path`; `undefined` from `f` deletes an object key. */
function updateIn(node: unknown, path: Path, i: number, f: (old: unknown) => unknown): unknown {
  if (i === path.length) return f(node);
  const key = path[i];
  if (Array.isArray(node)) {
    const next = node.slice();
    next[key as number] = updateIn(node[key as number], path, i + 1, f);
    return next;
  }
  if (isPlainObject(node)) {
    const value = updateIn(node[key as string], path, i + 1, f);
    const next = { ...node };
    if (value === undefined) delete next[key as string];
    else next[key as string] = value;
    return next;
  }
  throw new Error(`patch: path ${path.slice(0, i + 1).join('.')} does not exist`);
}
