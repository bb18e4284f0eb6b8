/**
 * The accuracy benchmark's table and summary: one row per curve (model beside the classical
 * baseline), medians over curves, and the machine-readable last line.
 */
import type { CurveResult } from './score-las.ts';
import { SWAP_PCT } from '../../core/trace/score.ts';
import { BUDGET_CLASSES, FINE_PCT, STEEP_PCT, TOUCH_PCT, TURN_STEPS } from './budget.ts';

export interface CaseResult {
  index: number;
  seed: number;
  features: string[];
  /** per curve, layout order; null when that segmentation was not run */
  model: CurveResult[] | null;
  classical: CurveResult[];
  /** why a run failed (its curves then count as not covered) */
  modelError?: string;
  classicalError?: string;
  /**
   * per curve of the generated layout, the share of its truth rows the scan shows ink near (on-scan.ts);
   * those under ON_SCAN_MIN_SHARE were left out of the layout digitised and of the scores
   */
  onScan?: { mnemonic: string; share: number }[];
}

export interface Summary {
  curves: number;
  medianMae: number;
  /** median over curves of each curve's p95 absolute error */
  medianP95: number;
  /** the 95th percentile of the per-curve MAE: how bad the worst curves are */
  worstMae: number;
  medianCoverage: number;
  swapRows: number;
  swapCurves: number;
  failedCases: number;
  /**
   * % of the swapped truth depths the tracer flags for review, and % of the others it flags
   * (score-las.ts reviewCounts); NaN when the curves carry no review counts
   */
  flaggedSwapPct: number;
  flaggedGoodPct: number;
}

export function median(xs: number[]): number {
  const v = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

function percentile(xs: number[], p: number): number {
  const v = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.floor(p * v.length))] : NaN;
}

/** A curve that was not digitised has no MAE: it counts in coverage (0) but not in the error medians. */
export function summarise(results: CurveResult[][], failedCases: number): Summary {
  const all = results.flat();
  return {
    curves: all.length,
    medianMae: median(all.map((r) => r.score.maePct)),
    medianP95: median(all.map((r) => r.score.p95Pct)),
    worstMae: percentile(all.map((r) => r.score.maePct), 0.95),
    medianCoverage: median(all.map((r) => r.score.coverage)),
    swapRows: all.reduce((s, r) => s + r.score.swapPoints, 0),
    swapCurves: all.filter((r) => r.score.swapPoints > 0).length,
    failedCases,
    ...flaggedShares(all),
  };
}

function flaggedShares(all: CurveResult[]): Pick<Summary, 'flaggedSwapPct' | 'flaggedGoodPct'> {
  const counted = all.filter((r) => r.review);
  if (counted.length === 0) return { flaggedSwapPct: NaN, flaggedGoodPct: NaN };
  const sum = (f: (r: CurveResult) => number) => counted.reduce((s, r) => s + f(r), 0);
  const swaps = sum((r) => r.score.swapPoints), good = sum((r) => r.review!.goodPoints);
  return {
    flaggedSwapPct: swaps > 0 ? (100 * sum((r) => r.review!.swapFlagged)) / swaps : NaN,
    flaggedGoodPct: good > 0 ? (100 * sum((r) => r.review!.goodFlagged)) / good : NaN,
  };
}

const num = (x: number, w = 6, d = 2) => (Number.isNaN(x) ? '-'.padStart(w) : x.toFixed(d).padStart(w));

/** GR*: wrap, ~: broken line, L: log scale. */
export function curveLabel(r: CurveResult): string {
  return `${r.mnemonic}${r.wrap ? '*' : ''}${r.style !== 'solid' ? '~' : ''}${r.scale === 'log' ? 'L' : ''}`;
}

function cells(r: CurveResult | undefined): string {
  if (!r) return `${'-'.padStart(6)} ${'-'.padStart(6)} ${'-'.padStart(6)} ${'-'.padStart(5)}`;
  const s = r.score;
  return `${num(s.coverage, 6, 3)} ${num(s.maePct)} ${num(s.p95Pct)} ${String(s.swapPoints).padStart(5)}`;
}

export function table(cases: CaseResult[]): string[] {
  const lines = [`case      seed  curve       |  model: cover   MAE%   p95%  swaps | classical: cover   MAE%   p95%  swaps`];
  for (const c of cases) {
    c.classical.forEach((k, i) => {
      lines.push(`${String(c.index).padStart(4)} ${String(c.seed).padStart(10)}  ${curveLabel(k).padEnd(11)} |        ${cells(c.model?.[i])} |            ${cells(k)}`);
    });
    if (c.modelError) lines.push(`     model failed: ${c.modelError}`);
    if (c.classicalError) lines.push(`     classical failed: ${c.classicalError}`);
  }
  return lines;
}

/** Which curves a feature covers: curve-level for wrap, log and dashed; the whole case otherwise. */
function hasFeature(c: CaseResult, r: CurveResult, f: string): boolean {
  if (f === 'wrap') return r.wrap;
  if (f === 'log') return r.scale === 'log';
  if (f === 'dashed') return r.style !== 'solid';
  return c.features.includes(f);
}

/** Median MAE and coverage per feature, model beside baseline: where the model helps and where not. */
export function byFeature(cases: CaseResult[], features: readonly string[]): string[] {
  const lines = ['feature     curves | model: median MAE%  coverage | classical: median MAE%  coverage'];
  for (const f of features) {
    const pick = (which: 'model' | 'classical') => cases.flatMap((c) => (c[which] ?? []).filter((r) => hasFeature(c, r, f)));
    const m = pick('model');
    const k = pick('classical');
    const cell = (rs: CurveResult[]) => `${num(median(rs.map((r) => r.score.maePct)), 17, 3)} ${num(median(rs.map((r) => r.score.coverage)), 9, 4)}`;
    lines.push(`${f.padEnd(11)} ${String(k.length).padStart(6)} |${m.length ? cell(m) : `${'-'.padStart(17)} ${'-'.padStart(9)}`} |    ${cell(k)}`);
  }
  return lines;
}

/**
 * Per printed line style (the truth's: solid, dashed, dotted, dash-dot, long-dash), the model's curves,
 * their swapped rows, median MAE and coverage, beside the baseline's swapped rows: which styles the
 * identity errors come from. Styles in the order first met.
 */
export function byStyle(cases: CaseResult[]): string[] {
  const all = (which: 'model' | 'classical') => cases.flatMap((c) => c[which] ?? []);
  const m = all('model'), k = all('classical');
  const styles = [...new Set(k.map((r) => r.style))];
  const lines = ['line style  curves | model: swap rows  median MAE%  coverage | classical: swap rows'];
  const swaps = (rs: CurveResult[]) => rs.reduce((n, r) => n + r.score.swapPoints, 0);
  for (const st of styles) {
    const ms = m.filter((r) => r.style === st), ks = k.filter((r) => r.style === st);
    const model = ms.length
      ? `${String(swaps(ms)).padStart(16)} ${num(median(ms.map((r) => r.score.maePct)), 12, 3)} ${num(median(ms.map((r) => r.score.coverage)), 9, 4)}`
      : `${'-'.padStart(16)} ${'-'.padStart(12)} ${'-'.padStart(9)}`;
    lines.push(`${st.padEnd(11)} ${String(ks.length).padStart(6)} |${model} |${String(swaps(ks)).padStart(20)}`);
  }
  return lines;
}

/**
 * The error budget (budget.ts) averaged over curves: over every digitised curve, and over the curves
 * around the median MAE (the middle fifth by MAE, at least 3), whose errors decide the median.
 */
export function budgetLines(results: CurveResult[][]): string[] {
  const all = results.flat().filter((r) => !Number.isNaN(r.score.maePct)).sort((a, b) => a.score.maePct - b.score.maePct);
  if (all.length === 0) return [];
  const half = Math.max(1, Math.round(all.length / 10));
  const mid = all.length >> 1;
  const band = all.slice(Math.max(0, mid - half), Math.min(all.length, mid + half + 1));
  const row = (label: string, rs: CurveResult[]) => {
    const mean = (f: (r: CurveResult) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
    return `${label.padEnd(34)} ${num(mean((r) => r.score.maePct), 6, 3)} ${BUDGET_CLASSES.map((c) => num(mean((r) => r.budget[c]), 6, 3)).join(' ')}`;
  };
  return [
    `error budget (mean per curve, % of span)    MAE ${BUDGET_CLASSES.map((c) => c.padStart(6)).join(' ')}`,
    row(`all ${all.length} curves`, all),
    row(`${band.length} around the median (${band[0].score.maePct.toFixed(2)}-${band[band.length - 1].score.maePct.toFixed(2)}%)`, band),
    `(fine: error < ${FINE_PCT}%; swap: > ${SWAP_PCT}%; between: touch = another curve within ${TOUCH_PCT}%, turn = the truth turns within ${TURN_STEPS} steps, steep = moves > ${STEEP_PCT}% a step, other)`,
  ];
}

export function summaryLine(label: string, s: Summary): string {
  return `${label}: median MAE ${num(s.medianMae, 0, 3)}% · median p95 ${num(s.medianP95, 0, 3)}% · 95th-percentile curve MAE ${num(s.worstMae, 0, 3)}% · median coverage ${num(s.medianCoverage, 0, 4)} · swap rows ${s.swapRows} in ${s.swapCurves} curves · failed cases ${s.failedCases}${Number.isNaN(s.flaggedSwapPct) && Number.isNaN(s.flaggedGoodPct) ? '' : ` · flagged for review: ${num(s.flaggedSwapPct, 0, 1)}% of swap rows, ${num(s.flaggedGoodPct, 0, 1)}% of the others`}`;
}

const key = (x: number, d: number) => (Number.isNaN(x) ? 'nan' : x.toFixed(d));

/** `accuracy: cases=30 median_mae_pct=… p95_mae_pct=… median_coverage=… swaps=… baseline_median_mae_pct=…` */
export function machineLine(cases: number, model: Summary | null, base: Summary, modelName: string, offScanCurves = 0): string {
  const m = model;
  const ratio = m && m.medianMae > 0 ? base.medianMae / m.medianMae : NaN;
  return [
    `accuracy: cases=${cases}`,
    `median_mae_pct=${key(m?.medianMae ?? NaN, 3)}`,
    `p95_mae_pct=${key(m?.medianP95 ?? NaN, 3)}`,
    `median_coverage=${key(m?.medianCoverage ?? NaN, 4)}`,
    `swaps=${m ? m.swapRows : 'nan'}`,
    `swap_curves=${m ? m.swapCurves : 'nan'}`,
    `failed=${m ? m.failedCases : 'nan'}`,
    `baseline_median_mae_pct=${key(base.medianMae, 3)}`,
    `baseline_p95_mae_pct=${key(base.medianP95, 3)}`,
    `baseline_median_coverage=${key(base.medianCoverage, 4)}`,
    `baseline_swaps=${base.swapRows}`,
    `baseline_over_model_mae=${key(ratio, 2)}`,
    `swaps_flagged_pct=${key(m?.flaggedSwapPct ?? NaN, 1)}`,
    `others_flagged_pct=${key(m?.flaggedGoodPct ?? NaN, 1)}`,
    `off_scan_curves=${offScanCurves}`,
    `model=${modelName}`,
  ].join(' ');
}

/** One setting of a sweep (bench:accuracy --sweep): its value and the model's summary with it. */
export interface SweepRun {
  value: unknown;
  summary: Summary;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * A sweep's report: one line per setting, then the means over the settings with their range. A tracer
 * change is judged by these means against the same sweep at the old code: one setting alone is noisy.
 */
export function sweepLines(option: string, runs: SweepRun[]): string[] {
  const figure = (name: string, f: (s: Summary) => number, d: number) => {
    const xs = runs.map((r) => f(r.summary));
    return `${name} ${num(mean(xs), 0, d)} (${num(Math.min(...xs), 0, d)}–${num(Math.max(...xs), 0, d)})`;
  };
  return [
    ...runs.map((r) => summaryLine(`${option}=${JSON.stringify(r.value)}`, r.summary)),
    `mean over the ${runs.length} setting${runs.length === 1 ? '' : 's'} (range): ${[
      figure('median MAE %', (s) => s.medianMae, 3),
      figure('median p95 %', (s) => s.medianP95, 3),
      figure('median coverage', (s) => s.medianCoverage, 4),
      figure('swap rows', (s) => s.swapRows, 0),
      figure('curves with swaps', (s) => s.swapCurves, 1),
    ].join(' · ')}`,
  ];
}

/** `sweep: cases=… option=… values=a,b,c median_mae_pct=x,y,z mean_median_mae_pct=… … swaps=x,y,z mean_swaps=… … model=…` */
export function sweepMachineLine(cases: number, option: string, runs: SweepRun[], modelName: string): string {
  const each = (name: string, f: (s: Summary) => number, d: number) => {
    const xs = runs.map((r) => f(r.summary));
    return `${name}=${xs.map((x) => key(x, d)).join(',')} mean_${name}=${key(mean(xs), d)}`;
  };
  return [
    `sweep: cases=${cases} option=${option} values=${runs.map((r) => JSON.stringify(r.value)).join(',')}`,
    each('median_mae_pct', (s) => s.medianMae, 3),
    each('p95_mae_pct', (s) => s.medianP95, 3),
    each('median_coverage', (s) => s.medianCoverage, 4),
    each('swaps', (s) => s.swapRows, 0),
    each('swap_curves', (s) => s.swapCurves, 0),
    `failed=${runs.map((r) => r.summary.failedCases).join(',')}`,
    `model=${modelName}`,
  ].join(' ');
}
