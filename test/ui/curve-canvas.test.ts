import { describe, expect, it } from 'vitest';
import { dragRows } from '../../src/core/edit';
import type { TracedCurve } from '../../src/core/types';
import { changedRows, CurvePainter, damage, viewMap, type CurveStroke, type StrokeContext } from '../../src/ui/edit/curve-canvas';
import { visibleWindow } from '../../src/ui/edit/curve-path';

function wavy(rows: number, phase = 0, track = 0, curve = 0): TracedCurve {
  const x = new Float64Array(rows);
  for (let i = 0; i < rows; i++) x[i] = 800 + 400 * Math.sin(i / 150 + phase) + 60 * Math.sin(i / 17);
  return { track, curve, y0: 0, x, confidence: new Float32Array(rows).fill(0.9) };
}

type Seg = { x0: number; y0: number; x1: number; y1: number; colour: string; width: number };

/**
 * A canvas context that records what a paint did: the clears, and each stroked segment (in CSS px)
 * with its colour and width; the transform and clip are the painter's business and only recorded.
 */
function recorder() {
  const clears: Array<{ x: number; y: number; w: number; h: number }> = [];
  const segments: Seg[] = [];
  let pen: { x: number; y: number } | null = null;
  let path: Array<[number, number, number, number]> = [];
  const ctx = {
    strokeStyle: '', lineWidth: 1, globalAlpha: 1, lineJoin: 'miter', miterLimit: 10,
    save() {}, restore() {}, rect() {}, clip() {}, setTransform() {},
    beginPath() { path = []; pen = null; },
    moveTo(x: number, y: number) { pen = { x, y }; },
    lineTo(x: number, y: number) {
      if (pen) path.push([pen.x, pen.y, x, y]);
      pen = { x, y };
    },
    stroke() {
      for (const [x0, y0, x1, y1] of path) segments.push({ x0, y0, x1, y1, colour: String(ctx.strokeStyle), width: ctx.lineWidth });
    },
    clearRect(x: number, y: number, w: number, h: number) { clears.push({ x, y, w, h }); },
  };
  return { ctx: ctx as unknown as StrokeContext, clears, segments, reset() { clears.length = 0; segments.length = 0; } };
}

const frame = { width: 740, height: 820, dpr: 1 };
const t = { k: 0.44, x: 16, y: -4800 }; // rows 10,909–12,773 of a 12,800 px scan on screen
const view = () => ({ map: viewMap(t), w: visibleWindow(t, frame.height, 12_800) });
const strokesOf = (curves: TracedCurve[]): CurveStroke[] =>
  curves.map((c, i) => ({ curve: c, colour: ['#d6336c', '#1c7ed6', '#2b8a3e'][i], width: i === 0 ? 2.8 : 1.6, alpha: i === 0 ? 1 : 0.85 }));

describe('CurvePainter', () => {
  const curves = [wavy(12_800), wavy(12_800, 1, 0, 1), wavy(12_800, 2, 0, 2)];

  it('draws only the rows on screen, in CSS px of the canvas, after clearing it whole', () => {
    const r = recorder();
    const { map, w } = view();
    const painted = new CurvePainter().paint(r.ctx, frame, map, w, strokesOf(curves));
    expect(painted.kind).toBe('all');
    expect(r.clears).toEqual([{ x: 0, y: 0, w: 740, h: 820 }]);
    const ys = r.segments.flatMap((s) => [s.y0, s.y1]);
    // one bucket (4 rows at k = 0.44: 1.8 px) beyond each edge, no further
    expect(Math.min(...ys)).toBeGreaterThan(-4);
    expect(Math.max(...ys)).toBeLessThan(frame.height + 4);
    // about one point per screen px per curve, not one per row (1,864 rows on screen)
    expect(r.segments.length).toBeLessThan(3 * 2 * (frame.height / 1.76 + 4));
    const first = r.segments.find((s) => s.colour === '#d6336c')!;
    const row = Math.round((first.y0 - t.y) / t.k - 0.5);
    expect(first.x0).toBeCloseTo(curves[0].x[row] * t.k + t.x, 6);
  });

  it('does nothing when nothing changed, and everything when the view moved or a curve was restyled', () => {
    const r = recorder();
    const p = new CurvePainter();
    const { map, w } = view();
    p.paint(r.ctx, frame, map, w, strokesOf(curves));
    r.reset();
    expect(p.paint(r.ctx, frame, map, w, strokesOf(curves)).kind).toBe('none');
    expect(r.segments).toHaveLength(0);
    const panned = { ...t, y: t.y - 10 };
    expect(p.paint(r.ctx, frame, viewMap(panned), visibleWindow(panned, frame.height, 12_800), strokesOf(curves)).kind).toBe('all');
    const restyled = strokesOf(curves).map((s, i) => (i === 1 ? { ...s, width: 2.8 } : s));
    expect(p.paint(r.ctx, frame, viewMap(panned), visibleWindow(panned, frame.height, 12_800), restyled).kind).toBe('all');
  });

  it('after a drag step redraws a band around the moved rows, with every segment a full redraw has there', () => {
    const { map, w } = view();
    const p = new CurvePainter();
    const r = recorder();
    p.paint(r.ctx, frame, map, w, strokesOf(curves));
    const before = [...r.segments];
    const dragged = [dragRows(curves[0], { row: 11_800, dx: 30, radius: 90 }), curves[1], curves[2]];
    r.reset();
    const painted = p.paint(r.ctx, frame, map, w, strokesOf(dragged));
    if (painted.kind !== 'band') throw new Error(`expected a band, got ${painted.kind}`);
    // the moved rows 11,711–11,889 are at y 352.8–431.6 px; the band holds them and is a small part of the canvas
    expect(painted.y0).toBeLessThanOrEqual(352);
    expect(painted.y1).toBeGreaterThanOrEqual(432);
    expect(painted.y1 - painted.y0).toBeLessThan(frame.height / 4);
    expect(r.clears).toEqual([{ x: 0, y: painted.y0, w: 740, h: painted.y1 - painted.y0 }]);

    const full = recorder();
    new CurvePainter().paint(full.ctx, frame, map, w, strokesOf(dragged));
    const key = (s: Seg) => [s.colour, s.x0, s.y0, s.x1, s.y1].join();
    const inBand = new Set(r.segments.map(key));
    // a segment reaches half its width beyond its ends
    const touches = (s: Seg) => Math.max(s.y0, s.y1) + s.width / 2 >= painted.y0 && Math.min(s.y0, s.y1) - s.width / 2 <= painted.y1;
    const needed = full.segments.filter(touches);
    expect(needed.length).toBeGreaterThan(50);
    expect(needed.filter((s) => !inBand.has(key(s)))).toEqual([]);
    // every segment that moved, as it was and as it is, lies wholly inside the cleared band: no stale ink stays, no new ink is clipped
    const was = new Set(before.map(key));
    const now = new Set(full.segments.map(key));
    const moved = [...before.filter((s) => !now.has(key(s))), ...full.segments.filter((s) => !was.has(key(s)))];
    expect(moved.length).toBeGreaterThan(20);
    for (const s of moved) {
      expect(Math.min(s.y0, s.y1) - s.width / 2).toBeGreaterThanOrEqual(painted.y0);
      expect(Math.max(s.y0, s.y1) + s.width / 2).toBeLessThanOrEqual(painted.y1);
    }
    // and nothing is stroked far outside the band
    for (const s of r.segments) expect(Math.abs((s.y0 + s.y1) / 2 - (painted.y0 + painted.y1) / 2)).toBeLessThan(painted.y1 - painted.y0);
  });

  it('draws nothing for a change off screen', () => {
    const { map, w } = view();
    const p = new CurvePainter();
    const r = recorder();
    p.paint(r.ctx, frame, map, w, strokesOf(curves));
    r.reset();
    const moved = [dragRows(curves[0], { row: 3_000, dx: 30, radius: 90 }), curves[1], curves[2]];
    expect(p.paint(r.ctx, frame, map, w, strokesOf(moved)).kind).toBe('none');
    expect(r.clears).toHaveLength(0);
  });
});

describe('changedRows', () => {
  const w = { from: 100, to: 200, step: 1 };
  const base = wavy(300);
  const one = (c: TracedCurve): CurveStroke[] => [{ curve: c, colour: '#000000', width: 1, alpha: 1 }];

  it('spans the rows whose x differ, absent rows equal to absent rows, and only inside the window', () => {
    const c = { ...base, x: base.x.slice() };
    c.x[120] += 1;
    c.x[150] = Number.NaN;
    c.x[250] += 5; // outside the window
    expect(changedRows(one(base), one(c), w)).toEqual({ from: 120, to: 151 });
    const gap = { ...base, x: base.x.slice() };
    gap.x[130] = Number.NaN;
    const gap2 = { ...gap, x: gap.x.slice() };
    expect(changedRows(one(gap), one(gap2), w)).toBeNull();
  });

  it('counts a change of wrap cycle, and a shorter curve as absent rows', () => {
    const a = { ...base, cycle: new Int8Array(300) };
    const b = { ...a, cycle: a.cycle.slice() };
    b.cycle[170] = 1;
    expect(changedRows(one(a), one(b), w)).toEqual({ from: 170, to: 171 });
    const short = { ...base, x: base.x.slice(0, 180) };
    expect(changedRows(one(base), one(short), w)).toEqual({ from: 180, to: 200 });
  });

  it('is "all" when curves were added, removed, reordered or restyled', () => {
    const other = { ...wavy(300), curve: 1 };
    expect(changedRows(one(base), [...one(base), ...one(other)], w)).toBe('all');
    expect(changedRows(one(base), one(other), w)).toBe('all');
    expect(changedRows(one(base), [{ ...one(base)[0], colour: '#ffffff' }], w)).toBe('all');
  });
});

describe('damage', () => {
  it('clears the changed buckets, one more either side and the pad; strokes a bucket and a pad further, inside the window', () => {
    const w = { from: 0, to: 10_000, step: 4 };
    const { clear, draw } = damage({ from: 1001, to: 1010 }, w, 3);
    expect(clear).toEqual({ from: 1000 - 4 - 3, to: 1012 + 4 + 3 });
    expect(draw.from).toBeLessThanOrEqual(clear.from - 3 - 4);
    expect(draw.to).toBeGreaterThanOrEqual(clear.to + 3 + 4);
    expect(draw.from % 4).toBe(0);
    expect(draw.step).toBe(4);
    expect(damage({ from: 2, to: 5 }, { from: 0, to: 40, step: 4 }, 3).draw).toEqual({ from: 0, to: 24, step: 4 });
  });
});
