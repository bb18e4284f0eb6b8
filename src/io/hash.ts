/** SHA-256 of bytes as lower-case hex: the key a scan is stored under and a session file's checksum. */
export async function sha256(data: Blob | ArrayBuffer | Uint8Array): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  // crypto.subtle exists only in secure contexts (https, localhost); say so rather than fail obscurely.
  if (!subtle) throw new Error('Hashing is unavailable: open Tracewell over https or from localhost.');
  const bytes = data instanceof Blob ? await data.arrayBuffer() : data;
  return new Uint8Array(await subtle.digest('SHA-256', bytes as BufferSource));
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export async function sha256Hex(data: Blob | ArrayBuffer | Uint8Array): Promise<string> {
  return toHex(await sha256(data));
}
