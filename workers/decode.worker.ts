/// <reference lib="webworker" />
// The decode worker: scan files in, gray rasters and display pyramids out (transferred, not copied).
import { expose, transfer } from 'comlink';
import { browserDecodeEnv } from '../src/io/decode/browser';
import { buffersOf, createDecodeService, type DecodeRequest, type ProgressFn, type UprightRequest } from '../src/io/decode/service';
import type { Raster } from '../src/core/raster';
import '../src/io/worker-errors';

const service = createDecodeService(browserDecodeEnv);

const api = {
  probe: service.probe,
  async decode(file: Blob, fileName: string, request: DecodeRequest, onProgress?: ProgressFn) {
    const r = await service.decode(file, fileName, request, onProgress);
    return transfer(r, buffersOf([r.source, ...r.levels]));
  },
  async view(source: Raster, turns: number, onProgress?: ProgressFn) {
    const levels = await service.view(source, turns, onProgress);
    // levels[0] is the caller's own copy when turns is 0; transferring it is still safe (it is ours).
    return transfer(levels, buffersOf(levels));
  },
  async upright(source: Raster, request: UprightRequest, onProgress?: ProgressFn) {
    const r = await service.upright(source, request, onProgress);
    return transfer(r, buffersOf(r.levels));
  },
};

export type DecodeWorkerApi = typeof api;
expose(api);
