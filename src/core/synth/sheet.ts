/**
 * The drawing surface of the synthetic renderer: ink transmittance (255 = bare paper) and the
 * segmentation mask, both row-major over the upright page (pixel centre at +0.5).
 *
 * Every shape is first rasterised into a coverage scratch (max-combined, so joints of a polyline
 * and crossings inside one layer do not double the ink), then committed once with its ink
 * darkness and mask class. Only the touched span of each row is visited on commit.
 */
export class Sheet {
  readonly width: number;
  readonly height: number;
  /** ink transmittance 0..255 (255 = no ink); paper tone and scan defects are applied later */
  readonly trans: Uint8Array;
  /** SegClass per pixel */
  readonly mask: Uint8Array;
  private readonly cov: Uint8Array;
  private readonly rowMin: Int32Array;
  private readonly rowMax: Int32Array;
  private dirtyTop: number;
  private dirtyBottom: number;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.trans = new Uint8Array(width * height).fill(255);
    this.mask = new Uint8Array(width * height);
    this.cov = new Uint8Array(width * height);
    this.rowMin = new Int32Array(height).fill(width);
    this.rowMax = new Int32Array(height).fill(-1);
    this.dirtyTop = height;
    this.dirtyBottom = -1;
  }

  /** Thick anti-aliased segment A→B (px, page frame), round caps; halfWidth in px. */
  segment(ax: number, ay: number, bx: number, by: number, halfWidth: number): void {
    const r = halfWidth + 0.5;
    const { width, height, cov } = this;
    const y0 = Math.max(0, Math.floor(Math.min(ay, by) - r));
    const y1 = Math.min(height - 1, Math.ceil(Math.max(ay, by) + r));
    const xa = Math.max(0, Math.floor(Math.min(ax, bx) - r));
    const xb = Math.min(width - 1, Math.ceil(Math.max(ax, bx) + r));
    if (y0 > y1 || xa > xb) return;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const inv = len2 > 1e-12 ? 1 / len2 : 0;
    for (let y = y0; y <= y1; y++) {
      const py = y + 0.5 - ay;
      const row = y * width;
      let lo = width;
      let hi = -1;
      for (let x = xa; x <= xb; x++) {
        const px = x + 0.5 - ax;
        let t = (px * dx + py * dy) * inv;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = px - t * dx;
        const ey = py - t * dy;
        const c = r - Math.sqrt(ex * ex + ey * ey);
        if (c <= 0) continue;
        const v = c >= 1 ? 255 : (c * 255 + 0.5) | 0;
        if (v > cov[row + x]) cov[row + x] = v;
        if (x < lo) lo = x;
        hi = x;
      }
      if (hi >= 0) this.touch(y, lo, hi);
    }
  }

  /** Polyline through xs/ys (same length) with the given half width. */
  polyline(xs: ArrayLike<number>, ys: ArrayLike<number>, halfWidth: number): void {
    const n = xs.length;
    if (n === 1) this.segment(xs[0], ys[0], xs[0], ys[0], halfWidth);
    for (let i = 1; i < n; i++) this.segment(xs[i - 1], ys[i - 1], xs[i], ys[i], halfWidth);
  }

  /** Axis-aligned filled rectangle [x0,x1)×[y0,y1) in px with fractional (anti-aliased) edges. */
  rect(x0: number, y0: number, x1: number, y1: number): void {
    if (x1 <= x0 || y1 <= y0) return;
    const ya = Math.max(0, Math.floor(y0));
    const yb = Math.min(this.height - 1, Math.ceil(y1) - 1);
    const xa = Math.max(0, Math.floor(x0));
    const xb = Math.min(this.width - 1, Math.ceil(x1) - 1);
    if (ya > yb || xa > xb) return;
    const { cov, width } = this;
    const n = xb - xa + 1;
    // column coverage once; rows fully inside the rectangle reuse it unchanged
    const colCov = new Float32Array(n);
    for (let x = xa; x <= xb; x++) colCov[x - xa] = (Math.min(x + 1, x1) - Math.max(x, x0)) * 255;
    const full = Uint8Array.from(colCov, (v) => (v + 0.5) | 0);
    for (let y = ya; y <= yb; y++) {
      const fy = Math.min(y + 1, y1) - Math.max(y, y0);
      const row = y * width + xa;
      if (fy >= 1) {
        for (let k = 0; k < n; k++) if (full[k] > cov[row + k]) cov[row + k] = full[k];
      } else {
        for (let k = 0; k < n; k++) {
          const v = (colCov[k] * fy + 0.5) | 0;
          if (v > cov[row + k]) cov[row + k] = v;
        }
      }
      this.touch(y, xa, xb);
    }
  }

  /**
   * One row of 45° hatching between columns xa and xb: lines where x ± y ≡ 0 (mod spacing),
   * half width hw px measured across the line, anti-aliased.
   */
  hatchRow(y: number, xa: number, xb: number, spacing: number, hw: number, dir: number): void {
    const a = Math.max(0, Math.ceil(Math.min(xa, xb)));
    const b = Math.min(this.width - 1, Math.floor(Math.max(xa, xb)) - 1);
    if (a > b || y < 0 || y >= this.height) return;
    const row = y * this.width;
    const r = hw + 0.5;
    for (let x = a; x <= b; x++) {
      let m = (x + 0.5 + dir * (y + 0.5)) % spacing;
      if (m < 0) m += spacing;
      const d = Math.min(m, spacing - m) * Math.SQRT1_2; // distance across a 45° line
      const c = r - d;
      if (c <= 0) continue;
      const v = c >= 1 ? 255 : (c * 255 + 0.5) | 0;
      if (v > this.cov[row + x]) this.cov[row + x] = v;
    }
    this.touch(y, a, b);
  }

  /** Horizontal line centred on row coordinate y (px), thickness w px, from x0 to x1. */
  hline(y: number, x0: number, x1: number, w: number): void {
    this.rect(x0, y - w / 2, x1, y + w / 2);
  }

  /** Vertical line centred on column coordinate x (px), thickness w px, from y0 to y1. */
  vline(x: number, y0: number, y1: number, w: number): void {
    this.rect(x - w / 2, y0, x + w / 2, y1);
  }

  /**
   * Apply the scratch as ink: transmittance ×= 1 − coverage·darkness (darkness 0..1), and label
   * pixels with coverage ≥ 0.5 as `cls` (later layers win); a paper pixel that this layer's fringe
   * makes darker than half (over an earlier layer's fringe) is labelled too. Clears the scratch.
   */
  commit(darkness: number, cls: number): void {
    const { cov, trans, mask, width } = this;
    const k = Math.max(0, Math.min(1, darkness)) / 255;
    // transmittance multiplier per coverage level, 16-bit fixed point
    const mult = new Int32Array(256);
    for (let c = 0; c < 256; c++) mult[c] = Math.round((1 - c * k) * 65536);
    for (let y = this.dirtyTop; y <= this.dirtyBottom; y++) {
      const lo = this.rowMin[y];
      const hi = this.rowMax[y];
      if (hi < lo) continue;
      const row = y * width;
      for (let i = row + lo; i <= row + hi; i++) {
        const c = cov[i];
        if (c === 0) continue;
        const t = (trans[i] * mult[c] + 32768) >>> 16;
        trans[i] = t;
        // ≥ half covered by this layer, or made more than half dark by it on top of earlier fringes
        if (c >= 128 || (t < 128 && mask[i] === 0)) mask[i] = cls;
        cov[i] = 0;
      }
      this.rowMin[y] = width;
      this.rowMax[y] = -1;
    }
    this.dirtyTop = this.height;
    this.dirtyBottom = -1;
  }

  private touch(y: number, lo: number, hi: number): void {
    if (lo < this.rowMin[y]) this.rowMin[y] = lo;
    if (hi > this.rowMax[y]) this.rowMax[y] = hi;
    if (y < this.dirtyTop) this.dirtyTop = y;
    if (y > this.dirtyBottom) this.dirtyBottom = y;
  }
}
