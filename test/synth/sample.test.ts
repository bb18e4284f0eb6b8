import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from 'fast-png';
import { depthMap, parseLayout, valueMap } from '../../src/core/calibration';
import { readLas } from '../../src/core/las';
import type { SynthTruth } from '../../src/core/synth/truth';

const dir = resolve(__dirname, '../../public/samples');
const file = (name: string) => resolve(dir, `synthetic-log.${name}`);

describe('bundled sample', () => {
  const png = decode(readFileSync(file('png')));
  const parsed = parseLayout(JSON.parse(readFileSync(file('layout.json'), 'utf8')));
  const truth = JSON.parse(readFileSync(file('truth.json'), 'utf8')) as SynthTruth;

  it('is small, 8-bit gray and about 6,000 px long', () => {
    const total = ['png', 'layout.json', 'truth.json', 'truth.las'].reduce((s, n) => s + statSync(file(n)).size, 0);
    expect(total).toBeLessThan(1.5 * 1024 * 1024);
    expect([png.channels, png.depth]).toEqual([1, 8]);
    expect(png.height).toBe(6000);
  });

  it('has a valid layout with a wrapping GR, a log track and a broken curve', () => {
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const curves = parsed.layout.tracks.flatMap((t) => t.curves);
    expect(curves.some((c) => c.wrap && c.unit === 'GAPI')).toBe(true);
    expect(curves.some((c) => c.scale === 'log')).toBe(true);
    expect(curves.some((c) => c.style === 'broken')).toBe(true);
    expect(truth.curves.some((c) => c.wrap && c.value.some((v) => v !== null && v > c.right))).toBe(true);
  });

  it('has truth that lands on ink once mapped into the skewed scan', () => {
    if (!parsed.ok) throw new Error('layout invalid');
    const layout = parsed.layout;
    const dm = depthMap(layout.depth);
    const th = ((layout.deskew as number) * Math.PI) / 180;
    const [cx, cy] = [png.width / 2, png.height / 2];
    let points = 0;
    let dark = 0;
    for (const c of truth.curves.filter((x) => x.style === 'solid')) {
      const track = layout.tracks[c.track];
      const vm = valueMap(track.curves[c.curve], track);
      c.value.forEach((v, k) => {
        if (v === null) return;
        // layout frame → scan: rotate clockwise by the deskew angle about the image centre
        const x = vm.xAt(v).x - cx;
        const y = dm.yAt(c.depth[k]) - cy;
        const sx = Math.floor(cx + x * Math.cos(th) - y * Math.sin(th));
        const sy = Math.floor(cy + x * Math.sin(th) + y * Math.cos(th));
        if (sx < 0 || sy < 0 || sx >= png.width || sy >= png.height) return;
        points++;
        if (png.data[sy * png.width + sx] < 160) dark++;
      });
    }
    expect(points).toBeGreaterThan(1000);
    expect(dark / points).toBeGreaterThan(0.98);
  });

  it('has a truth LAS with the same curves and values', () => {
    const las = readLas(readFileSync(file('truth.las'), 'latin1'));
    expect(las.curves.slice(1).map((c) => c.mnemonic)).toEqual(truth.curves.map((c) => c.mnemonic));
    expect(las.data[0].length).toBe(truth.curves[0].depth.length);
    truth.curves.forEach((c, i) => {
      c.value.forEach((v, k) => {
        if (v === null) expect(las.data[i + 1][k]).toBeNaN();
        else expect(Math.abs(las.data[i + 1][k] - v)).toBeLessThanOrEqual(Math.abs(v) * 1e-3 + 1e-3);
      });
    });
  });
});
