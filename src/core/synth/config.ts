/** Generator identity and configuration: recorded in every dataset manifest. */
/** Bump `version` whenever the output for a given seed and config changes. */
export const GENERATOR = { name: 'tracewell-synth', version: '1.5.0' } as const;

export interface SynthConfig {
  /** image height range, px (the log's length) */
  minLen: number;
  maxLen: number;
  /** image width range, px */
  minWidth: number;
  maxWidth: number;
  /** scan resolution range, dpi: sets line widths, text size and depth scale in px */
  minDpi: number;
  maxDpi: number;
  /** probability that a sample has scan defects at all (0 = clean renders only) */
  defectRate: number;
  /** probability of each curve drawing its values from the real-curve library when one is given */
  libraryRate: number;
  /** probability of a page header (title block) at the top */
  headerRate: number;
}

export const DEFAULT_SYNTH_CONFIG: SynthConfig = {
  minLen: 3200,
  maxLen: 12800,
  minWidth: 800,
  maxWidth: 2400,
  minDpi: 100,
  maxDpi: 300,
  defectRate: 0.75,
  libraryRate: 0.5,
  headerRate: 0.25,
};

/** Validate a config and return it with defaults filled in; throws a message naming the bad field. */
export function resolveConfig(partial: Partial<SynthConfig> = {}): SynthConfig {
  const c: SynthConfig = { ...DEFAULT_SYNTH_CONFIG, ...partial };
  const bad = (field: keyof SynthConfig, why: string): never => {
    throw new Error(`synth config: ${field} ${why} (got ${String(c[field])})`);
  };
  for (const k of Object.keys(DEFAULT_SYNTH_CONFIG) as (keyof SynthConfig)[]) {
    if (typeof c[k] !== 'number' || !Number.isFinite(c[k])) bad(k, 'must be a finite number');
  }
  if (c.minLen < 1200) bad('minLen', 'must be at least 1200 px');
  if (c.maxLen < c.minLen) bad('maxLen', 'must be ≥ minLen');
  if (c.maxLen > 50_000) bad('maxLen', 'must be at most 50,000 px');
  if (c.minWidth < 400) bad('minWidth', 'must be at least 400 px');
  if (c.maxWidth < c.minWidth) bad('maxWidth', 'must be ≥ minWidth');
  if (c.maxWidth > 2400) bad('maxWidth', 'must be at most 2,400 px');
  if (c.minDpi < 50 || c.maxDpi > 600 || c.maxDpi < c.minDpi) bad('minDpi', 'must satisfy 50 ≤ minDpi ≤ maxDpi ≤ 600');
  for (const k of ['defectRate', 'libraryRate', 'headerRate'] as const) {
    if (c[k] < 0 || c[k] > 1) bad(k, 'must be within 0..1');
  }
  return c;
}
