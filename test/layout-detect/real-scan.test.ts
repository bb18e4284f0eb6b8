import { beforeAll, describe, expect, it } from 'vitest';
import { detectLayout, type LayoutProposal } from '../../src/core/layout-detect/index.ts';
import { REAL_SCAN, readGrayPng, realScanMissing } from './real-scan.ts';

const missing = realScanMissing();
if (missing) console.log(`test/layout-detect/real-scan.test.ts ${missing}`);

// 273101 per its SOURCES.md: track 1 = 0–500, depth track 500–665, tracks 2–3 = 665–1663; printed
// digitally, no skew; depth lines every 2 ft (≈20.3 px), heavier every 10 ft; 250 ft label at row 2574.5.
describe.skipIf(missing !== null)('auto-layout on the real scan 273101', () => {
  let p: LayoutProposal | null = null;
  beforeAll(() => {
    p = detectLayout(readGrayPng(REAL_SCAN));
  }, 60_000); // 1664 × 17864 px on a shared machine

  it('finds no skew and the track edges within 3 px: track 1, the depth track, tracks 2–3 as one group', () => {
    expect(Math.abs(p!.deskew)).toBeLessThan(0.05);
    const [t1, ...rest] = p!.tracks;
    expect(Math.abs(t1.x0 - 0)).toBeLessThanOrEqual(3);
    expect(Math.abs(t1.x1 - 500)).toBeLessThanOrEqual(3);
    // tracks 2 and 3 may come split at their shared frame (x ≈ 1164); together they span 665–1663
    expect(rest.length).toBeGreaterThanOrEqual(1);
    expect(rest.every((t) => t.group === rest[0].group && t.group !== t1.group)).toBe(true);
    expect(Math.abs(rest[0].x0 - 665)).toBeLessThanOrEqual(3);
    expect(Math.abs(rest[rest.length - 1].x1 - 1663)).toBeLessThanOrEqual(3);
    expect(Math.abs(p!.depthTrack!.x0 - 500)).toBeLessThanOrEqual(3);
    expect(Math.abs(p!.depthTrack!.x1 - 665)).toBeLessThanOrEqual(3);
  });

  it('reads linear grids with 50 px divisions: 10 in track 1, 20 across tracks 2–3', () => {
    for (const t of p!.tracks) {
      expect(t.grid.kind).toBe('linear');
      const divisions = t.grid.kind === 'linear' ? t.grid.divisions : NaN;
      expect(Math.abs((t.x1 - t.x0) / divisions - 50)).toBeLessThan(1);
    }
  });

  it('finds the main pass and the repeat section, with major lines every 10 ft', () => {
    expect(p!.sections.length).toBe(2);
    const [main, repeat] = p!.sections;
    expect(main.top).toBeLessThan(2574.5);
    expect(main.bottom).toBeGreaterThan(11203);
    expect(repeat.top).toBeGreaterThan(main.bottom);
    expect(repeat.bottom).toBeGreaterThan(15169);
    // the 250 ft line and the next major lines, 10 ft = 101.5 px apart
    const majors = p!.depthLines.filter((l) => l.major).map((l) => l.y);
    for (const y of [2574.5, 2676, 2777.5, 3082.5]) expect(majors.some((m) => Math.abs(m - y) <= 2.5)).toBe(true);
    const minors = p!.depthLines.filter((l) => !l.major && l.y > 2600 && l.y < 3050);
    expect(minors.length).toBeGreaterThanOrEqual(16); // 4 minor lines between majors, 4+ intervals
  });
});
