import { GLYPHS, MISSING_GLYPH } from './glyphs.ts';
import type { Sheet } from './sheet.ts';

/** A stroke in glyph units: flat x,y pairs. */
type Stroke = number[];
interface Glyph {
  advance: number;
  strokes: Stroke[];
}

const cache = new Map<string, Glyph>();

/** Parse a glyph path (see glyphs.ts) into polylines in glyph units. */
function parseGlyph(advance: number, path: string): Glyph {
  const tok = path.split(/\s+/).filter((t) => t.length > 0);
  const strokes: Stroke[] = [];
  let cur: Stroke | null = null;
  let i = 0;
  const num = (): number => Number(tok[i++]);
  while (i < tok.length) {
    const op = tok[i++];
    if (op === 'M') {
      cur = [num(), num()];
      strokes.push(cur);
    } else if (op === 'L') {
      cur ??= strokes[strokes.push([]) - 1];
      cur.push(num(), num());
    } else if (op === 'A') {
      const [cx, cy, rx, ry, a0, a1] = [num(), num(), num(), num(), num(), num()];
      cur ??= strokes[strokes.push([]) - 1];
      // about 10° per step keeps arcs round at the largest sizes we print (≈ 40 px)
      const n = Math.max(2, Math.ceil(Math.abs(a1 - a0) / 10));
      for (let k = 0; k <= n; k++) {
        const a = ((a0 + ((a1 - a0) * k) / n) * Math.PI) / 180;
        cur.push(cx + rx * Math.cos(a), cy + ry * Math.sin(a));
      }
    } else {
      throw new Error(`glyph path: unknown op '${op}' in '${path}'`);
    }
  }
  return { advance, strokes };
}

function glyph(ch: string): Glyph {
  let g = cache.get(ch);
  if (!g) {
    const def = GLYPHS[ch] ?? GLYPHS[MISSING_GLYPH];
    g = parseGlyph(def[0], def[1]);
    cache.set(ch, g);
  }
  return g;
}

export interface TextStyle {
  /** cap height in px */
  size: number;
  /** stroke width in px */
  weight: number;
  /** extra horizontal squeeze/stretch of glyphs (1 = as designed) */
  stretch?: number;
  /** rotation in degrees, clockwise on the page (−90: reads bottom to top) */
  angle?: number;
}

const SPACING = 1.5; // glyph units between letters

/** Width of `text` in px along its baseline. */
export function textWidth(text: string, style: TextStyle): number {
  const s = (style.size / 10) * (style.stretch ?? 1);
  let w = 0;
  for (const ch of text) w += glyph(ch).advance + SPACING;
  return Math.max(0, w - SPACING) * s + style.weight;
}

/**
 * Rasterise `text` into the sheet's scratch layer (commit it afterwards). (x, y) is the left end
 * of the baseline in page px; rotation is about that point.
 */
export function drawText(sheet: Sheet, text: string, x: number, y: number, style: TextStyle): void {
  const sx = (style.size / 10) * (style.stretch ?? 1);
  const sy = style.size / 10;
  const a = ((style.angle ?? 0) * Math.PI) / 180;
  const ca = Math.cos(a);
  const sa = Math.sin(a);
  const hw = Math.max(0.6, style.weight / 2);
  let pen = style.weight / 2;
  for (const ch of text) {
    const g = glyph(ch);
    for (const st of g.strokes) {
      const n = st.length / 2;
      const xs = new Float64Array(n);
      const ys = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        const gx = pen + st[2 * k] * sx;
        const gy = (st[2 * k + 1] - 10) * sy; // baseline at glyph y = 10
        xs[k] = x + gx * ca - gy * sa;
        ys[k] = y + gx * sa + gy * ca;
      }
      sheet.polyline(xs, ys, hw);
    }
    pen += (g.advance + SPACING) * sx;
  }
}
