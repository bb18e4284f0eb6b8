/**
 * LAS 2.0 (CWLS Log ASCII Standard) types: what the reader returns and what the writer takes.
 * Depths are in the file's index unit (M or FT); values in each curve's unit; NaN = null.
 */

/** One header line `MNEM.UNIT  VALUE : DESCRIPTION` of ~V, ~W, ~C or ~P. */
export interface LasHeaderItem {
  mnemonic: string;
  unit: string;
  value: string;
  description: string;
  /** 1-based line number in the source text (reader only) */
  line?: number;
}

/** A parsed LAS file, as read. */
export interface LasFile {
  version: LasHeaderItem[];
  well: LasHeaderItem[];
  /** curves[i].value is the API code; curves[0] is the index; mnemonics made unique by the reader */
  curves: LasHeaderItem[];
  params: LasHeaderItem[];
  /** ~O free text, lines joined with '\n' */
  other: string;
  /** one column per ~C curve, index first; null values -> NaN */
  data: Float64Array[];
  wrap: boolean;
  nullValue: number;
  /** what the reader forgave (spec breaks in real files), one sentence each, with line numbers */
  warnings: string[];
  /**
   * Per curve: the most decimals printed in ~A (capped at 10), so a rewrite keeps the precision.
   * Always set by the reader; optional so that hand-built LasFile objects need not invent it.
   */
  decimals?: number[];
}

/** A curve to write: values on the document's index, NaN = null. */
export interface LasCurveInput {
  mnemonic: string;
  unit: string;
  /** API code (~C value field); empty when absent */
  api?: string;
  description: string;
  values: Float64Array;
  /** decimals printed in ~A; default: about 5 significant digits of the median magnitude */
  decimals?: number;
}

/** A ~W entry given with more than a value. */
export interface LasWellEntry {
  value: string;
  unit?: string;
  description?: string;
}

/** The scale a curve was read on, written to ~P as `<MNEM>_SCL.<UNIT>  left right kind : ...`. */
export interface LasCurveScale {
  mnemonic: string;
  unit: string;
  kind: 'linear' | 'log';
  /** values at the track's left and right edges (left > right for reversed scales) */
  left: number;
  right: number;
  /** 1-based track number on the scan, when known */
  track?: number;
  /** the curve continued on backup scales */
  wrap?: boolean;
}

/** Where the curves came from, written to ~O. */
export interface LasProvenance {
  /** e.g. 'Tracewell 0.1.0' */
  tool: string;
  modelId?: string;
  scanName?: string;
  scanSha256?: string;
  /** one line each, e.g. 'depth: piecewise-linear through 4 refs, rms 0.12 FT' */
  calibration?: string[];
  notes?: string[];
}

/** What the writer takes. STRT, STOP and STEP are derived from `index`, NULL from the options. */
export interface LasDocument {
  /** ~W fields by mnemonic (COMP, WELL, FLD, LOC, CNTY, STAT, CTRY, PROV, SRVC, DATE, UWI, API, ...) */
  well?: Record<string, string | LasWellEntry>;
  indexUnit: 'M' | 'FT';
  /** index (depth) per row, monotonic (repeats allowed), finite */
  index: Float64Array;
  /** decimals of the index column; default: the fewest (<= 6) that print every depth exactly */
  indexDecimals?: number;
  curves: LasCurveInput[];
  /** curve scales -> ~P lines */
  scales?: LasCurveScale[];
  /** further ~P lines, written after the scales */
  params?: LasHeaderItem[];
  provenance?: LasProvenance;
  /** further ~O free text, written after the provenance */
  other?: string;
}

export interface WriteLasOptions {
  /** WRAP YES: depth alone on its line, then values on lines of at most 80 characters */
  wrap?: boolean;
  /** NULL value, default -999.25 */
  nullValue?: number;
}

/** A reader error: the 1-based line where the problem is and what is wrong. */
export class LasParseError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`LAS line ${line}: ${message}`);
    this.name = 'LasParseError';
    this.line = line;
  }
}

/** A writer error: the input cannot be written as conformant LAS 2.0 (names the field at fault). */
export class LasWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LasWriteError';
  }
}
