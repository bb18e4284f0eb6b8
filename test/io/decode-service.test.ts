import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expose, wrap } from 'comlink';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/io/decode/errors';
import { createDecodeService, type DecodeService } from '../../src/io/decode/service';
import '../../src/io/worker-errors';
import { nodeDecodeEnv } from '../../src/node/decode';

// The worker's API bound over a MessageChannel, as the page sees it through comlink.
describe('decode service over a message channel', () => {
  const { port1, port2 } = new MessageChannel();
  expose(createDecodeService(nodeDecodeEnv), port1 as never);
  const remote = wrap<DecodeService>(port2 as never);

  it('decodes a file sent as a Blob and returns rasters', async () => {
    const blob = new Blob([readFileSync(resolve(__dirname, '../fixtures/decode/lzw-8bit.tif'))]);
    const r = await remote.decode(blob, 'lzw-8bit.tif', { page: 0, turns: 1 });
    expect(r.meta).toMatchObject({ width: 300, height: 900 });
    expect([r.levels[0].width, r.levels[0].height]).toEqual([900, 300]); // turned a quarter
    expect(r.levels[0].data).toBeInstanceOf(Uint8Array);
  });

  it('a DecodeError keeps its kind and file name across the boundary', async () => {
    const blob = new Blob([readFileSync(resolve(__dirname, '../fixtures/decode/loop.tif'))]);
    const e = await remote.probe(blob, 'loop.tif').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DecodeError);
    expect(e).toMatchObject({ kind: 'corrupt', fileName: 'loop.tif' });
    port1.close();
  });
});
