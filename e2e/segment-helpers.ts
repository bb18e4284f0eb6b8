/** Shared by the segmentation e2e specs: which model and scan, and the harness page. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Page, expect } from '@playwright/test';
import { encode } from 'fast-png';
import type {} from '../src/dev/harness-types';
import { defaultCardPath } from '../src/node/segmenter-node';
import type { Raster } from '../src/core/raster';

const root = fileURLToPath(new URL('..', import.meta.url));
const shipped = existsSync(join(root, 'public/models/index.json'));
/** harness model name: the shipped default (undefined) when models are installed, else the fixture */
export const modelName = shipped ? undefined : 'fixture';
export const cardPath = async (): Promise<string> =>
  shipped ? defaultCardPath(join(root, 'public/models')) : join(root, 'test/fixtures/models/tiny-unet.json');

export function pngOf(r: Raster): Buffer {
  return Buffer.from(encode({ width: r.width, height: r.height, data: r.data, depth: 8, channels: r.channels }));
}

/** The bundled sample (public/samples/*.png), or null before one is committed. */
export function samplePng(): Buffer | null {
  const dir = join(root, 'public/samples');
  const png = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.png')) : undefined;
  return png ? readFileSync(join(dir, png)) : null;
}

export function agreement(a: Uint8Array, b: Uint8Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

export async function openHarness(page: Page): Promise<void> {
  await page.goto('/src/dev/segment.html');
  await expect(page.locator('#status')).toHaveText('ready (cross-origin isolated)');
}
