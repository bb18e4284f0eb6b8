/**
 * Plain data ↔ JSON plus binary chunks. A session's layout, curves, settings and history are
 * structured-cloneable values full of typed arrays; in a session file the typed arrays travel as
 * raw little-endian bytes (no base64, no giant number lists) and the rest as JSON.
 *
 * Tags: {"$bin": i, "$type": "Float64Array"} is chunk i, {"$num": "NaN"} a non-finite number,
 * {"$undef": 1} undefined. Object keys that start with "$" are written with one more "$".
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TYPED = {
  Float64Array, Float32Array, Int8Array, Uint8Array, Uint8ClampedArray,
  Int16Array, Uint16Array, Int32Array, Uint32Array,
} as const;
export type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

export class ValueFormatError extends Error {
  override readonly name = 'ValueFormatError';
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Encodes `value`, appending its typed arrays to `chunks`; tags number them from `firstChunk`
 * (chunks before it hold other things). Throws on what a file cannot hold, naming where.
 */
export function encodeValue(value: unknown, chunks: ArrayBufferView[], path = 'session', firstChunk = 0): Json {
  if (value === undefined) return { $undef: 1 };
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $num: String(value) };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value !== 'object') throw new ValueFormatError(`cannot store a ${typeof value} (at ${path})`);
  if (ArrayBuffer.isView(value)) {
    const type = value.constructor.name;
    if (!(type in TYPED)) throw new ValueFormatError(`cannot store a ${type} (at ${path})`);
    chunks.push(value);
    return { $bin: firstChunk + chunks.length - 1, $type: type };
  }
  if (Array.isArray(value)) return value.map((v, i) => encodeValue(v, chunks, `${path}[${i}]`, firstChunk));
  if (!isPlainObject(value)) throw new ValueFormatError(`cannot store a ${value.constructor?.name ?? 'object'} (at ${path})`);
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(value)) out[k.startsWith('$') ? `$${k}` : k] = encodeValue(v, chunks, `${path}.${k}`, firstChunk);
  return out;
}

/** Inverse of encodeValue; `chunk(i)` returns chunk i's bytes (a copy the result may own). */
export function decodeValue(json: Json, chunk: (i: number) => Uint8Array): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map((j) => decodeValue(j, chunk));
  if ('$undef' in json) return undefined;
  if ('$num' in json) {
    const n = Number(json.$num);
    if (Number.isFinite(n) || !['NaN', 'Infinity', '-Infinity'].includes(String(json.$num))) throw new ValueFormatError('bad $num tag');
    return n;
  }
  if ('$bin' in json) return decodeTyped(json, chunk);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) {
    if (k.startsWith('$') && !k.startsWith('$$')) throw new ValueFormatError(`unknown tag ${k}`);
    out[k.startsWith('$') ? k.slice(1) : k] = decodeValue(v, chunk);
  }
  return out;
}

function decodeTyped(json: { [key: string]: Json }, chunk: (i: number) => Uint8Array): Typed {
  const type = json.$type;
  if (typeof type !== 'string' || !(type in TYPED)) throw new ValueFormatError(`unknown array type ${String(type)}`);
  if (typeof json.$bin !== 'number') throw new ValueFormatError('bad $bin tag');
  const bytes = chunk(json.$bin);
  const Ctor = TYPED[type as TypedName];
  if (bytes.byteLength % Ctor.BYTES_PER_ELEMENT !== 0) throw new ValueFormatError(`chunk ${json.$bin} does not hold whole ${type} elements`);
  // Own, aligned buffer: a Float64Array cannot view bytes at an odd offset of the file.
  const own = bytes.slice().buffer;
  return new Ctor(own);
}
