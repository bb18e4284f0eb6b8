/// <reference lib="webworker" />
// Session thumbnails off the main thread: area-averaging the head of a wide scan and encoding
// WebP take tens of ms, too long to do on the page while a scan has just opened.
import { expose } from 'comlink';
import { makeThumbnail } from '../src/io/thumbnail';

const api = { makeThumbnail };

export type ThumbnailWorkerApi = typeof api;
expose(api);
