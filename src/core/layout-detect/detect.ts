/**
 * Auto-layout: from the scan alone, propose the deskew angle, the tracks (edges and grid type), the
 * depth track, the depth lines (major/minor) and the sections where the grid is drawn. The user then
 * only types the depth of two lines and each curve's scale.
 *
 * All positions are in the deskewed frame (the scan rotated back by `deskew` about its centre, same
 * size), px with +0.5 = pixel centre: what the layout's coordinates refer to.
 */
import type { Raster } from '../raster.ts';
import { SegClass, type Segmentation } from '../types.ts';
import { inkFromRaster, lineEvidence, type InkImage, type LineEvidence } from './evidence.ts';
import { skewFromEvidence } from './skew.ts';
import { horizontalCoverage, horizontalProfile, inkNear, linesInProfile, mergeClose, verticalProfile, type ProfileLine } from './profile.ts';
import { cellInk, coveredRegions, frameRegion, type Span } from './tracks.ts';
import { partitionLines, type LineMark } from './partition.ts';
import { withoutSpecks } from './specks.ts';
import { frameEvidence } from './frames.ts';
import { findSections, type RowSpan } from './sections.ts';
import type { GridGuess } from './grid.ts';

export interface DetectedTrack {
  x0: number;
  x1: number;
  grid: GridGuess;
  /** how well the grid type fits the lines found, 0..1 */
  gridScore: number;
  /** tracks with the same group touch: one grid region split at frame lines (e.g. tracks 2 and 3) */
  group: number;
}

export interface DepthLine {
  y: number;
  major: boolean;
}

export interface LayoutProposal {
  /** degrees, layout.deskew convention (positive = content rotated clockwise) */
  deskew: number;
  tracks: DetectedTrack[];
  depthTrack: Span | null;
  depthLines: DepthLine[];
  sections: RowSpan[];
}

export interface DetectOptions {
  /** a known deskew (degrees); estimated when absent */
  deskew?: number;
  maxSkewDegrees?: number;
}

export function detectLayout(scan: Raster, options: DetectOptions = {}): LayoutProposal {
  return detectFromInk(inkFromRaster(scan), options);
}

/** From a segmentation: grid and text classes as ink (curves left out by the model). */
export function detectLayoutFromSegmentation(seg: Segmentation, options: DetectOptions = {}): LayoutProposal {
  const ink = new Uint8Array(seg.classes.length);
  for (let i = 0; i < ink.length; i++) ink[i] = seg.classes[i] === SegClass.Grid || seg.classes[i] === SegClass.Text ? 1 : 0;
  return detectFromInk({ width: seg.width, height: seg.height, ink }, options);
}

export function detectFromInk(img: InkImage, options: DetectOptions = {}): LayoutProposal {
  const e = lineEvidence(img);
  const deskew = options.deskew ?? skewFromEvidence(e, { maxDegrees: options.maxSkewDegrees ?? 3 });
  const theta = (deskew * Math.PI) / 180;
  const tan = Math.tan(theta);
  const rows = linesInProfile(horizontalProfile(e, tan), Math.max(40, 0.1 * img.width));
  const cov = horizontalCoverage(img, rows.map((l) => l.centre), tan);
  const vAll = linesInProfile(verticalProfile(e, tan), 0.2);
  const covered = coveredRegions(cov, vAll);
  const regions = covered.length ? covered : frameRegion(vAll.filter((l) => l.peak >= 0.5));
  const spanning = rows.filter((l) => spanCoverage(img, regions, l.centre, tan) >= 0.6);
  const found = findSections(e, img, regions.flatMap((t) => [t.x0, t.x1]), tan);
  // without depth lines that cover the tracks, keep the dense sections still where any are (a header box
  // framed at the page's outer edges is no grid)
  const dense = gridSections(found, spanning);
  const sections = covered.length || dense.length ? dense : found;
  // lines at least half as strong as the strongest (a faded 1-bit print keeps a third of its frames' rows)
  const minLine = Math.min(0.5, 0.5 * Math.max(0, ...vAll.map((l) => l.weight)));
  const vlines = mergeClose(linesInProfile(sectionProfile(e, tan, sections), minLine, sectionProfile(e, tan, sections, true)), 3);
  const rowsOfGrid = sections.length ? sections : [{ top: 0, bottom: img.height }];
  const marks = withFrames(withBorders(lineMarks(vlines, img.width), img.width), img, tan);
  const cells = cellInk(withoutSpecks(img), marks.map((l) => l.centre), rowsOfGrid, tan);
  const pieces = partitionLines(marks, cells);
  const tracks = pieces.filter((p) => p.kind === 'track');
  const depth = pieces.find((p) => p.kind === 'depth');
  const depthTrack = depth ? { x0: depth.x0, x1: depth.x1 } : null;
  const inSection = (y: number) => sections.some((s) => y >= s.top - 2 && y <= s.bottom + 2);
  const depthLines = classifyMajor(spanning.filter((l) => inSection(l.centre) && spanCoverage(img, tracks, l.centre, tan) >= 0.6));

  // straightened → deskewed frame: a cosθ scale about the image centre
  const cx = img.width / 2, cy = img.height / 2, cos = Math.cos(theta);
  const X = (x: number) => round1(cx + (x - cx) * cos);
  const Y = (y: number) => round1(cy + (y - cy) * cos);
  return {
    deskew,
    tracks: tracks.map((t) => ({ x0: X(t.x0), x1: X(t.x1), grid: t.fit.grid, gridScore: round1(t.fit.score * 100) / 100, group: t.group })),
    depthTrack: depthTrack && { x0: X(depthTrack.x0), x1: X(depthTrack.x1) },
    depthLines: depthLines.map((l) => ({ y: Y(l.y), major: l.major })),
    sections: sections.map((s) => ({ top: Y(s.top), bottom: Y(s.bottom) })),
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/**
 * Keeps the sections that are log grid: dense with depth lines (at least 5, and at least 60% of the
 * densest section's lines per row). The boxed curve-scale headers share the track edges but hold only
 * a few horizontal lines.
 */
function gridSections(sections: RowSpan[], lines: ProfileLine[]): RowSpan[] {
  const count = (s: RowSpan) => lines.filter((l) => l.centre >= s.top - 2 && l.centre <= s.bottom + 2).length;
  const density = sections.map((s) => count(s) / Math.max(1, s.bottom - s.top));
  const best = Math.max(0, ...density);
  return sections.filter((s, i) => count(s) >= 5 && density[i] >= 0.6 * best);
}

/** Vertical-line profile over the sections only (headers have their own boxes), weighted by rows. */
function sectionProfile(e: LineEvidence, tan: number, sections: RowSpan[], mass = false): Float64Array {
  if (sections.length === 0) return verticalProfile(e, tan, undefined, undefined, mass);
  const out = new Float64Array(e.width);
  const total = sections.reduce((a, s) => a + (s.bottom - s.top), 0);
  for (const s of sections) {
    const p = verticalProfile(e, tan, Math.ceil(s.top / e.strip), Math.floor(s.bottom / e.strip), mass);
    for (let x = 0; x < out.length; x++) out[x] += (p[x] * (s.bottom - s.top)) / total;
  }
  return out;
}

/**
 * Lines for the partition. A line centred on the image border shows half its width: its mass is doubled.
 * A line's strength is its mass against the page's median line (capped at 1): a faint scanner streak or
 * a short straight stretch of curve is cheap to leave unexplained.
 */
function lineMarks(lines: ProfileLine[], width: number): LineMark[] {
  const mass = lines.map((l) => (l.centre < 2 || l.centre > width - 2 ? 2 : 1) * l.mass);
  const typical = [...mass].sort((a, b) => a - b)[Math.floor(mass.length / 2)] || 1;
  return lines.map((l, k) => ({ centre: l.centre, mass: mass[k], strength: Math.min(1, mass[k] / typical) }));
}

/**
 * The image borders as lines where none was found within 3 px: a track printed to the edge of the sheet
 * has its outer frame cut away (or skewed out of the scan) and ends there. As heavy as the heaviest line,
 * so ending a track there costs nothing by weight; strength 0, so leaving it out costs nothing either.
 */
function withBorders(marks: LineMark[], width: number): LineMark[] {
  const heaviest = Math.max(0, ...marks.map((l) => l.mass));
  const border = (x: number): LineMark[] => (marks.some((l) => Math.abs(l.centre - x) <= 3) ? [] : [{ centre: x, mass: heaviest, strength: 0 }]);
  return [...border(0), ...marks, ...border(width)];
}

/** Each line's frame evidence (frames.ts); none for the image borders added in its stead. */
function withFrames(marks: LineMark[], img: InkImage, tan: number): LineMark[] {
  const frame = frameEvidence(img, marks.map((l) => l.centre), tan);
  return marks.map((l, k) => (l.strength > 0 ? { ...l, frame: frame[k] } : l));
}

/** Share of the tracks' columns inked along straightened row y. */
function spanCoverage(img: InkImage, spans: Span[], y: number, tan: number): number {
  let on = 0, n = 0;
  for (const s of spans) {
    for (let x = Math.ceil(s.x0); x < s.x1; x++, n++) if (inkNear(img, x + 0.5, y, tan)) on++;
  }
  return n ? on / n : 0;
}

/**
 * Major lines are the heavy ones: two-means on line weight (thickness × length), kept only when the
 * heavy group is clearly heavier (≥ 1.35×); otherwise every line is minor.
 */
function classifyMajor(lines: ProfileLine[]): { y: number; major: boolean }[] {
  const w = lines.map((l) => l.weight);
  let lo = Math.min(...w), hi = Math.max(...w);
  for (let it = 0; it < 20 && lines.length > 1; it++) {
    const mid = (lo + hi) / 2;
    const a = w.filter((v) => v < mid), b = w.filter((v) => v >= mid);
    if (!a.length || !b.length) break;
    lo = a.reduce((s, v) => s + v, 0) / a.length;
    hi = b.reduce((s, v) => s + v, 0) / b.length;
  }
  const split = hi >= 1.35 * lo ? (lo + hi) / 2 : Infinity;
  return lines.map((l) => ({ y: l.centre, major: l.weight >= split }));
}
