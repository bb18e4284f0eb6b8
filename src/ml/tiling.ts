/**
 * Tile planning: pure arithmetic, no runtime. Frame: scan pixel space (x = column, y = row, px),
 * half-open spans. A tile has a *core* (the pixels it owns in the result) and an *input* window =
 * core + `overlap` px of context on each side, rounded up to `multipleOf`; input windows may reach
 * outside the scan, where pixels are mirrored (reflectIndex).
 *
 * Why tiled = whole-image inference: every scan pixel is owned by exactly one core, the core sees at
 * least `overlap` px of real (or mirrored-at-the-edge) context in every direction, and every input
 * window starts on a multiple of `multipleOf` from the scan origin, so the U-Net's stride-2 grids line
 * up with those of a whole-image run. When the receptive-field radius ≤ overlap, the core's logits are
 * the whole-image logits up to float rounding.
 */

export interface TileSpec {
  /** nominal tile side in px (input window of an interior tile) */
  size: number;
  /** context in px on each side of a core; a multiple of multipleOf */
  overlap: number;
  /** the model's input H and W must be multiples of this (2^levels) */
  multipleOf: number;
}

/** Half-open [start, end) in px. */
export interface Span {
  start: number;
  end: number;
}

export interface AxisTile {
  /** pixels this tile owns, inside the region */
  core: Span;
  /** pixels fed to the model; length is a multiple of multipleOf; may extend past the scan */
  input: Span;
}

/** One row of tiles: they share their y spans (so they batch together) and are streamed as a unit. */
export interface Band {
  y: AxisTile;
  columns: AxisTile[];
}

export interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const roundUp = (v: number, m: number): number => Math.ceil(v / m) * m;

/** Checks a spec and says what is wrong: the planner relies on each of these. */
export function checkSpec(spec: TileSpec): void {
  const { size, overlap, multipleOf: m } = spec;
  if (!(Number.isInteger(m) && m > 0)) throw new Error(`tile spec: multipleOf ${m} is not a positive integer`);
  if (size % m !== 0 || overlap % m !== 0 || overlap < 0)
    throw new Error(`tile spec: size ${size} and overlap ${overlap} must be non-negative multiples of ${m}`);
  if (size - 2 * overlap < m) throw new Error(`tile spec: size ${size} leaves no core after overlap ${overlap} per side`);
}

/**
 * Splits [start, end) into cores of equal length (a multiple of m, at most size − 2·overlap) so all
 * but the last tile share one input length; `start` must be a multiple of m (see alignRegion).
 */
export function planAxis(start: number, end: number, spec: TileSpec): AxisTile[] {
  const { size, overlap, multipleOf: m } = spec;
  const len = end - start;
  if (len <= 0) return [];
  const maxCore = size - 2 * overlap;
  const n0 = Math.ceil(len / maxCore);
  const core = roundUp(Math.ceil(len / n0), m); // ≤ maxCore because maxCore is a multiple of m
  const tiles: AxisTile[] = [];
  for (let s = start; s < end; s += core) {
    const e = Math.min(end, s + core);
    const inputStart = s - overlap;
    tiles.push({ core: { start: s, end: e }, input: { start: inputStart, end: inputStart + roundUp(e - s + 2 * overlap, m) } });
  }
  return tiles;
}

/** Moves the region's origin down to multiples of m (pooling grids line up) and clips it to the scan. */
export function alignRegion(r: Region, width: number, height: number, m: number): Region {
  const x0 = Math.max(0, Math.floor(r.x0 / m) * m);
  const y0 = Math.max(0, Math.floor(r.y0 / m) * m);
  return { x0, y0, x1: Math.min(width, Math.max(x0, r.x1)), y1: Math.min(height, Math.max(y0, r.y1)) };
}

/** Bands top to bottom over an aligned region. */
export function planBands(region: Region, spec: TileSpec): Band[] {
  checkSpec(spec);
  const columns = planAxis(region.x0, region.x1, spec);
  if (columns.length === 0) return [];
  return planAxis(region.y0, region.y1, spec).map((y) => ({ y, columns }));
}

export function countTiles(region: Region, spec: TileSpec): number {
  return planBands(region, spec).reduce((n, b) => n + b.columns.length, 0);
}

/** Mirror index without repeating the edge pixel (…2 1 | 0 1 2 … n−1 | n−2 …), any distance out. */
export function reflectIndex(i: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * (n - 1);
  const r = ((i % period) + period) % period;
  return r < n ? r : period - r;
}

/** The source pixels a window reads after mirroring: a contiguous span, since mirroring is continuous. */
export function reflectedSpan(span: Span, n: number): Span {
  if (span.start >= 0 && span.end <= n) return span;
  let lo = n;
  let hi = -1;
  for (let i = span.start; i < span.end; i++) {
    const r = reflectIndex(i, n);
    if (r < lo) lo = r;
    if (r > hi) hi = r;
    if (lo === 0 && hi === n - 1) break;
  }
  return { start: lo, end: hi + 1 };
}

/**
 * Source rows a job over core rows [y0, y1) may read, whatever smaller tile size an out-of-memory
 * retry picks: cores stay inside [y0, y1), context is `overlap` px, rounding adds < multipleOf.
 */
export function jobSourceRows(y0: number, y1: number, height: number, spec: TileSpec): Span {
  return reflectedSpan({ start: y0 - spec.overlap, end: y1 + spec.overlap + spec.multipleOf }, height);
}

/**
 * The next tile size to try after an out-of-memory error: half the core, same overlap; null when the
 * core is already at its minimum (one multipleOf step).
 */
export function shrinkSpec(spec: TileSpec): TileSpec | null {
  const core = spec.size - 2 * spec.overlap;
  if (core <= spec.multipleOf) return null;
  const half = Math.max(spec.multipleOf, roundUp(core / 2, spec.multipleOf));
  return { ...spec, size: half + 2 * spec.overlap };
}
