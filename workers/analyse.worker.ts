/// <reference lib="webworker" />
// Auto-layout off the main thread: deskew, tracks and depth lines of a decoded scan (about a second
// for a 6,000 px log). Source raster in (copied), a small proposal out.
import { expose } from 'comlink';
import { analyseScan } from '../src/core/digitise/analyse';

const api = { analyse: analyseScan };

export type AnalyseWorkerApi = typeof api;
expose(api);
