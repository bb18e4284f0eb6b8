/**
 * Dumps a whole IndexedDB database (schema and records) to JSON and restores it, byte for byte,
 * without going through Tracewell's migrations. Migration tests restore a database that an older
 * Tracewell really wrote, then open it with the current code.
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface StoreDump {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
  records: { key: Json; value: Json }[];
}
export interface DbDump {
  name: string;
  version: number;
  stores: StoreDump[];
}

const TYPED = { Float64Array, Float32Array, Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array } as const;
type TypedName = keyof typeof TYPED;

async function encode(v: unknown): Promise<Json> {
  if (typeof v === 'number' && !Number.isFinite(v)) return { $num: String(v) };
  if (v === null || typeof v !== 'object') return v as Json;
  if (v instanceof Blob) return { $blob: Buffer.from(await v.arrayBuffer()).toString('base64'), type: v.type };
  if (ArrayBuffer.isView(v)) {
    const bytes = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    return { $typed: v.constructor.name, base64: bytes.toString('base64') };
  }
  if (Array.isArray(v)) return Promise.all(v.map(encode));
  const out: { [k: string]: Json } = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = await encode(x);
  return out;
}

function decode(v: Json): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(decode);
  if (typeof v.$num === 'string') return Number(v.$num);
  if (typeof v.$blob === 'string') return new Blob([Buffer.from(v.$blob, 'base64')], { type: String(v.type) });
  if (typeof v.$typed === 'string') {
    const bytes = Buffer.from(String(v.base64), 'base64');
    const Ctor = TYPED[v.$typed as TypedName];
    return new Ctor(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export async function dumpDatabase(db: IDBDatabase): Promise<DbDump> {
  const stores: StoreDump[] = [];
  for (const name of Array.from(db.objectStoreNames)) {
    const store = db.transaction(name).objectStore(name);
    const indexes = Array.from(store.indexNames).map((n) => {
      const ix = store.index(n);
      return { name: n, keyPath: ix.keyPath, unique: ix.unique, multiEntry: ix.multiEntry };
    });
    const [keys, values] = [await request(store.getAllKeys()), await request(store.getAll())];
    const records = await Promise.all(keys.map(async (k, i) => ({ key: await encode(k), value: await encode(values[i]) })));
    stores.push({ name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, records });
  }
  return { name: db.name, version: db.version, stores };
}

/** Recreates the dumped database under `name`, at the dumped version, with the same records. */
export async function restoreDatabase(dump: DbDump, name: string): Promise<void> {
  const open = indexedDB.open(name, dump.version);
  open.onupgradeneeded = () => {
    for (const s of dump.stores) {
      const store = open.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
      for (const ix of s.indexes) store.createIndex(ix.name, ix.keyPath, { unique: ix.unique, multiEntry: ix.multiEntry });
    }
  };
  const db = await request(open);
  const tx = db.transaction(dump.stores.map((s) => s.name), 'readwrite');
  for (const s of dump.stores) {
    const store = tx.objectStore(s.name);
    for (const r of s.records) store.put(decode(r.value), s.keyPath === null ? (decode(r.key) as IDBValidKey) : undefined);
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}
