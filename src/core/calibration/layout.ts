/**
 * The tracewell layout, version 1: how one scan is read. A JSON file the CLI takes as --layout,
 * the UI edits, and sessions save. Keep it stable: a new optional field whose absence means the old
 * behaviour (anchors, backup) keeps version 1; a changed meaning needs a version bump and a migration.
 *
 * All pixel coordinates refer to the upright image: first `rotate` (clockwise, in 90° steps), then
 * `deskew` (degrees, positive = the content is rotated clockwise and is turned back counter-clockwise,
 * about the image centre).
 */
export type Rotation = 0 | 90 | 180 | 270;
export type DepthUnit = 'M' | 'FT';
export type ScaleKind = 'linear' | 'log';
/** Line style of a curve on paper; helps the tracer keep a curve on its own class of ink. */
export type LineStyle = 'solid' | 'broken';
/**
 * Where a wrapped curve's backup scales lie, as the log heading prints them: past the track's right
 * edge (GR 0–150 backed up at 150–300: a value past the right edge comes back in at the left, one
 * span on), past its left edge (a reversed 100–0 GR backed up at 200–100), or on both sides.
 */
export type BackupSide = 'right' | 'left' | 'both';

export interface PixelPoint {
  x: number;
  y: number;
}

/** A depth reference: a scan row (px) and the depth printed for it (layout depth unit). */
export interface DepthRef {
  y: number;
  depth: number;
}

export interface DepthSpec {
  unit: DepthUnit;
  refs: DepthRef[];
  /** 'auto' (default): least squares for 2 refs, piecewise-linear for 3 or more. */
  fit?: 'auto' | 'linear' | 'piecewise';
  /** optional interval to digitise, in depth units; default: every row inside the track frame. */
  top?: number;
  bottom?: number;
}

export interface CurveSpec {
  mnemonic: string;
  unit: string;
  description?: string;
  scale: ScaleKind;
  /** value at the track's left edge (x0) and right edge (x1); left > right means a reversed scale. */
  left: number;
  right: number;
  /** one pixel on the curve, as a user would click it */
  seed: PixelPoint;
  /**
   * more pixels on this curve, clicked where the tracer cannot know which line is which (two curves
   * meet and part again): the curve's trace goes through each, and no other curve may take its line there
   */
  anchors?: PixelPoint[];
  /** the curve continues on backup scales when it leaves the track (value = edge ± whole spans) */
  wrap: boolean;
  /** with `wrap`: which side the backup scales lie on; absent = both (the tracer then allows either) */
  backup?: BackupSide;
  style?: LineStyle;
}

export interface TrackSpec {
  /** left and right edges of the track's grid, px */
  x0: number;
  x1: number;
  curves: CurveSpec[];
}

export interface LayoutV1 {
  version: 1;
  rotate: Rotation;
  deskew: number | 'auto';
  depth: DepthSpec;
  /** LAS depth step in depth units (> 0) */
  step: number;
  well: Record<string, string>;
  tracks: TrackSpec[];
}

export type Layout = LayoutV1;
