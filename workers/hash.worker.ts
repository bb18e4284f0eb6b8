/// <reference lib="webworker" />
// SHA-256 of large blobs (scans, session files) off the main thread: browsers digest on the
// calling thread, and 40 MB takes well over 100 ms there.
import { expose } from 'comlink';
import { sha256Hex } from '../src/io/hash';

const api = { sha256Hex: (blob: Blob) => sha256Hex(blob) };

export type HashWorkerApi = typeof api;
expose(api);
