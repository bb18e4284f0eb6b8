/**
 * The tracker's costs, in one place. Units: a cost is added per scan row; "px" costs are per pixel of
 * horizontal distance. The values balance three alternatives for every row: follow ink (cheap when the
 * model is sure), bridge a short gap (a dash gap, a crossing grid line), or declare the curve absent.
 */
import { DEFAULT_RUN_OPTIONS, type RunOptions } from './runs.ts';

export interface TraceOptions {
  runs: RunOptions;
  /**
   * emission: wProb × (1 − 0.9 · min(1, p / probSure)) for a run whose most confident pixel has curve
   * probability p: the same for every run the model is sure of (p ≥ probSure), so a curve has no reason
   * to leave its own thin line for a bolder neighbour
   */
  wProb: number;
  probSure: number;
  /** emission: cost × share of the run drawn in the other line style (solid vs broken) */
  wStyle: number;
  /** use line style at all (off for a segmentation that cannot tell solid from broken) */
  useStyle: boolean;
  /**
   * emission of a grid-only run: wLost + wGridProb × (gridProbMin − p). Below gridProbMin a grid line
   * costs more than declaring the curve absent, so the tracker follows a grid line only where the model
   * gives it some curve probability (a flat stretch on the line), never a bare one.
   */
  wGridProb: number;
  gridProbMin: number;
  /** bridges into or out of a grid-only run are at most this long (a crossing depth line) */
  maxGridBridgeRows: number;
  /** per px of horizontal gap between consecutive runs beyond 8-connectivity */
  wJump: number;
  /** per px between the slope-predicted x and the run (keeps identity through X crossings), capped */
  wSlope: number;
  slopeCapPx: number;
  /** smoothing of the path's slope estimate (share of the newest step) */
  slopeAlpha: number;
  maxSlope: number;
  /**
   * per bridged row (a row without ink: dash gap, crossing line) of a broken curve, and of every
   * curve on the path its look is read from (appearance.ts)
   */
  wSkip: number;
  /**
   * per bridged row of a solid curve in the joint tracing (joint.ts): a solid line has no dash gaps,
   * so its bridges cross only grid lines, other curves and patches the model missed. At wSkip a solid
   * curve whose ink the model lost bridged on to the wrong ink where being absent was right (case 6
   * of the 60 below, DEN: 153 swapped rows at 0.5, 14 at 1, absent there instead). The look's path
   * (appearance.ts) keeps wSkip. Accuracy bench (segmentations cached), model v3, 60 cases,
   * wSkipSolid 0.45 / 0.5 (= wSkip, as before) / 0.55 and 0.9 / 1 / 1.1: median MAE 0.373 / 0.363 /
   * 0.364 and 0.321 / 0.325 / 0.325%, median p95 1.310 / 1.176 / 1.290 and 1.144 / 1.142 / 1.042%,
   * coverage 0.9906 / 0.9913 / 0.9920 and 0.9916 / 0.9917 / 0.9919, swapped rows 36,237 / 34,793 /
   * 34,203 and 34,197 / 34,263 / 33,180. Swapped rows swing by thousands between neighbouring
   * settings: compare them over a few settings, not at one. Of the bench's 30 (within those 60) the
   * swapped rows rose, 14,061 to 14,752 on the mean of the three settings each side (13,551 to 15,486
   * at 0.5 and 1)
   */
  wSkipSolid: number;
  /** longest bridge in rows; longer gaps are absent (NaN), never interpolated */
  maxBridgeRows: number;
  /**
   * a bridge of at most this many rows (a dash gap) is as confident as the weaker of its ends; a longer
   * one 0.8 of that (assemble.ts fillBridges), so a broken curve's review walk does not stop at every
   * gap. Accuracy bench (segmentations cached), model v3, 30 cases, swapped rows flagged / other rows
   * flagged: 0 (every bridge discounted) 73.2 / 24.9%; 4: 72.6 / 24.3%; 8: 72.0 / 23.8%; 12: 71.5 /
   * 23.4%; 24: 69.7 / 22.5%. Each step unflags 8-16 other rows per swapped row it unflags, where the
   * flags as a whole mark about 5.6 per swapped row they catch
   */
  gapConfidenceRows: number;
  /** longest bridge along the curve, px (hypot of its rows and the sideways gap between the two runs) */
  maxBridgeArcPx: number;
  /** bridged paths kept per row (beam) leaving curve ink, and leaving grid-only runs */
  carried: number;
  carriedGrid: number;
  /** bridged paths whose predicted x are closer than this (px) are one option: the cheapest is kept */
  bridgeDedupePx: number;
  /** absent ("lost") state: cost to enter, per row, to re-acquire, and per px from the last x */
  wLostEnter: number;
  wLost: number;
  wReacquire: number;
  wReacquirePx: number;
  /**
   * Off scale: a curve without a back-up scale whose value passes a track edge is clipped there on a
   * print (its ink runs out at the edge and comes back at the same edge). A path whose last run lies
   * within offScaleEdgePx of an edge (further for a fast solid swing: offScaleLookRows) and heads
   * across it (at least offScaleSlope px a row towards it) may be absent "off scale" at wOffScale a
   * row (wLostEnter once) instead of wLost, for at most offScaleMaxRows rows, and comes back only onto
   * a run near the same edge. Without it a long clipped swing costs more than taking a neighbour's
   * line across it (the real 273101 print's DT rode a curve not in the layout for 1,400 rows).
   * wOffScale Infinity or offScaleMaxRows 0: no such state.
   */
  wOffScale: number;
  offScaleEdgePx: number;
  offScaleMaxRows: number;
  offScaleSlope: number;
  /**
   * a solid curve heading for an edge at |slope| px a row counts as reaching it from up to
   * offScaleLookRows·|slope| px away (at least offScaleEdgePx): a swing of 45 px a row leaves its last
   * ink far inside the edge where the model lost the faint near-horizontal strokes. Broken curves
   * (their slope is measured between dashes) keep offScaleEdgePx. 0: offScaleEdgePx alone.
   */
  offScaleLookRows: number;
  /** a wrapped curve crossing a track edge onto the next cycle */
  wWrap: number;
  /**
   * per row and per cycle away from the main scale: where ink could be read on either cycle, the main
   * scale wins, so a curve returns from its back-up at the first edge crossing the ink allows
   */
  wCycle: number;
  /** most back-up cycles away from the main scale (GR 0–150 backed up once at 150–300: 1) */
  maxCycle: number;
  /** distance from a track edge (px) within which a wrap may start or land */
  wrapEdgePx: number;
  /**
   * two curves on one narrow run (per row); a wide (merged) run costs shareWide. Well above wLost: a
   * curve whose own ink is gone is absent rather than on its neighbour's line (bench sweep: 2.5 → 4
   * fewer swap rows, no coverage lost)
   */
  shareNarrow: number;
  shareWide: number;
  /**
   * a path's bridge also holds the ink it passes over within this many px (joint.ts: two curves may
   * not take turns on the specks of one line for free); negative: bridges hold nothing
   */
  bridgeClaimPx: number;
  /** what holding a run by a bridge counts for, as a share of sitting on it (0..1, in quarters) */
  bridgeClaimShare: number;
  /**
   * a bridge holds only specks: runs whose stroke (RunTable.mate chain) spans at most this many rows. A
   * longer stroke is another curve's line, met where the two cross or kiss, and free to bridge over
   */
  bridgeClaimStrokeRows: number;
  /** joint tracing: re-trace every curve against the others' paths at most this often */
  jointIterations: number;
  /**
   * joint tracing: run the descent from at most this many curve orders and keep the outcome that costs
   * least, counting wUnexplained per run of confident curve ink no curve holds (joint.ts)
   */
  jointOrders: number;
  wUnexplained: number;
  /**
   * joint tracing: where two curves sit on one line for at least this many rows, each is re-traced with
   * the other's runs there forbidden, kept where the joint cost falls (joint.ts breakDuplicates); 0:
   * never. Accuracy sweep (segmentations cached), model v3, 60 cases: median MAE 0.702 -> 0.676%,
   * median p95 2.150 -> 2.103%, swapped rows 59,206 -> 58,727
   */
  dupMinRows: number;
  /** joint tracing: no curve may hold another's seed stroke (joint.ts) */
  seedStrokes: boolean;
  /**
   * rows each way from a seed within which its stroke's runs, up to its first meeting with other ink,
   * are its curve's alone (appearance.ts seedZone); 0: none. Accuracy sweep (cached segmentations,
   * against 0; bench:accuracy --trace '{"seedZoneRows":0}'): model v3, 30 cases median MAE 0.375 ->
   * 0.371%, swapped rows 25,131 -> 23,418; 60 cases 0.543 -> 0.497%, 56,805 -> 55,552; model v4, 30
   * cases 0.344 -> 0.334%, 29,694 -> 26,721
   */
  seedZoneRows: number;
  /** seed search: px sideways and rows up/down; where that finds nothing, seedSearchRows up/down (seed.ts) */
  seedRadiusPx: number;
  seedRows: number;
  seedSearchRows: number;
  /** confidence = exp(−row cost / confidenceScale) (× probability) */
  confidenceScale: number;
  /**
   * a curve's look (appearance.ts): measured on the lookSamples runs of its path nearest its seed (at
   * most lookRows away), at least lookMinSamples; per row, wLook* × (|ln ratio| or |difference| −
   * tolerance), capped
   */
  lookRows: number;
  lookSamples: number;
  lookMinSamples: number;
  /**
   * a look is read only off runs with no grid-class pixel in or beside them (appearance.ts
   * touchesGrid): a curve along a printed line, or a straight stretch the model took for one, is cut
   * into short pieces and thinned there (case 23 of the accuracy bench: dCAL's look, read where it
   * sat on a grid line by its seed, made the track's two long lines both look like DT's, and the two
   * swapped over 400 rows). Accuracy bench (segmentations cached), model v3, 30 cases: median MAE
   * 0.365 -> 0.338%, p95 0.920 -> 0.871%, coverage 0.9918 -> 0.9920, swapped rows 22,453 -> 20,329
   * (37 curves better, 32 worse); 60 cases: 0.431 -> 0.430%, 1.421 -> 1.451%, 0.9906 -> 0.9915,
   * 53,460 -> 51,701
   */
  lookOffGrid: boolean;
  /**
   * a dotted or dashed curve whose look (from its path) is missing, or runs in pieces more than this
   * many times as long as the stroke its seed is on, takes its look from that stroke (appearance.ts
   * strokeLook); 0: never. Accuracy bench (segmentations cached), model v3, against 0: 30 cases
   * median MAE 0.338 -> 0.337%, p95 0.871 -> 0.823%, coverage 0.9915 -> 0.9917, swapped rows 14,558
   * -> 13,711 (13 curves better, 12 worse); 60 cases 0.393 -> 0.365%, 1.407 -> 1.224%, 0.9904 ->
   * 0.9911, 42,826 -> 37,688 (case 59's SGR and PEFZ 3,045 -> 84). 3.5 reads the same (30 cases
   * 13,716, 60 cases 37,694 swapped rows); 1.8 worse (30 cases 15,291)
   */
  lookStrokeRatio: number;
  /**
   * samples of a curve's seed zone from which its path's samples beyond the zone, each side, are
   * checked against it and dropped where unlike it in shade and width (appearance.ts pathLook); 0:
   * never. Accuracy bench (segmentations cached), model v3, against 0: 30 cases median MAE 0.337 ->
   * 0.333%, p95 0.823% either way, swapped rows 13,716 -> 13,551 (case 24 alone); 60 cases 0.365 ->
   * 0.363%, 1.241 -> 1.176%, 37,102 -> 34,793 (case 42's AC and DEN 1,815 -> 226, case 56's GR and
   * AC 1,849 -> 1,291). 6 reads the same on the 30; on the 60, 6 and 10 read 35,369 and 35,521 (case
   * 56 as without the check)
   */
  lookZoneMin: number;
  wLookWidth: number;
  lookWidthTol: number;
  wLookDark: number;
  lookDarkTol: number;
  wLookLength: number;
  lookLengthTol: number;
  lookCap: number;
  /**
   * identity.ts compares whole pieces of path by their medians, which are far steadier than single
   * runs: there the sub-pixel width (from the scan's darkness) tells two curves apart beyond
   * pieceWidthTol (|ln ratio|), weighted wPieceWidth, and the shade beyond pieceDarkTol
   */
  pieceWidthTol: number;
  wPieceWidth: number;
  pieceDarkTol: number;
  /**
   * identity.ts: where two curves touch, lines are fitted to each path over identityFitRows ink rows
   * either side; a link costs wIdentityJunction × (position miss at the touch's middle + identityFitRows
   * × slope miss), px, capped at slopeCapPx, fading to nothing for touches of identityMaxTouchRows rows;
   * relinking the paths at a touch costs identityMargin more (0: the evidence alone decides; Infinity:
   * never relink). Lower weights were swept (model v3, cached segmentations; wIdentityJunction 1 /
   * 0.5 / 0.3 / 0.2 / 0.1): 30 cases median MAE 0.439 / 0.429 / 0.416 / 0.395 / 0.395%, p95 1.289 /
   * 1.179 / 1.179 / 1.179 / 1.185%, swapped rows 25,386 / 25,376 / 25,162 / 25,562 / 25,669; 60 cases
   * MAE 0.612 / 0.567 / 0.492 / 0.488%. But at 0.5 and below the bundled sample's CGR and RHOB exchange
   * a piece at a touch (50 rows each, MAE 0.08 -> 1.79% and 0.05 -> 1.34%), and the classical
   * baseline's MAE rises 3.025 -> 3.375%: the median gain is a trade between curves, not a fix. Kept at 1.
   * identityFitRows 10 -> 16: longer fits read a curve's slope at a touch more steadily, and the slope
   * miss weighs more. 60 cases, model v3, three settings each side (wSkipSolid 0.9 / 1 / 1.1 at 10;
   * identityFitRows 14 / 16 / 18): median MAE 0.321 / 0.325 / 0.325 -> 0.312 / 0.303 / 0.317%, p95
   * 1.144 / 1.142 / 1.042 -> 1.055% at each, coverage 0.9916 / 0.9917 / 0.9919 -> 0.9912 / 0.9912 /
   * 0.9916, swapped rows 34,197 / 34,263 / 33,180 -> 33,168 / 32,453 / 33,565; the sample unchanged
   */
  identityFitRows: number;
  identityMaxTouchRows: number;
  wIdentityJunction: number;
  identityMargin: number;
  /**
   * identity.ts identityDoubts: a piece of two touching curves' paths whose best outcome with the two
   * exchanged there costs less than this much more than the best as they are is flagged for review on
   * both curves (confidence below REVIEW_CONFIDENCE); the evidence hardly tells which curve is which.
   * Negative: never. Accuracy bench (segmentations cached), model v3, 30 cases, share of the swapped
   * rows flagged / of the other rows flagged: without 37.2 / 15.4%; 0.05: 69.8 / 24.0%; 0.3: 70.7 /
   * 24.3%; 1: 73.2 / 24.9%; 4: 77.4 / 27.7%. Up to 1 each swapped row newly caught flags about 4 other
   * rows (the flags before: about 7 per swapped row they caught); from 1 to 4, about 11. 60 cases, 1:
   * 31.6 / 14.9% -> 61.8 / 22.6%. Only confidence changes: the values and every other figure stay
   */
  identityDoubtMargin: number;
  /**
   * identity.ts: a path moving more than this (px) from one ink row to the next (across at most
   * identityMaxTouchRows) is cut there too, so two curves the descent exchanged without their touching
   * (one took the other's line after a gap) can be given back; Infinity: never. Accuracy sweep
   * (segmentations cached), model v3, 60 cases: swapped rows 61,024 -> 59,202, median MAE 0.709 ->
   * 0.701%, median p95 2.467 -> 2.211%; on the 30 not among bench:accuracy's: 33,989 -> 33,361 rows
   */
  identityJumpPx: number;
  /**
   * a model trace's absent stretches are filled from a trace over the scan's darkness (fill.ts) where
   * that trace holds fillAgreeRows of the fillCheckRows rows on each side within fillTolPx of the model's
   * path; never within fillEdgePx of a track edge; filled rows' confidence is at most fillConfidence
   * (below REVIEW_CONFIDENCE: flagged for review). Accuracy sweep (segmentations cached), model v3:
   * 30 cases, median coverage 0.9877 -> 0.9900 (960 more true depths, 336 values where the truth has
   * none); 60 cases 0.9866 -> 0.9883, median MAE 0.717 -> 0.709%, swapped rows +0.3%. Ignored when
   * tracing a classical segmentation
   */
  fillFromDarkness: boolean;
  fillCheckRows: number;
  fillAgreeRows: number;
  fillTolPx: number;
  fillEdgePx: number;
  fillConfidence: number;
  /**
   * the model trace's bridges (rows drawn straight across, no ink) of at least this many rows are filled
   * the same way where the darkness trace departs from them by more than fillTolPx; 0: never.
   * Accuracy sweep (segmentations cached), model v3: 30 cases, median MAE 0.533 -> 0.521%, median p95
   * 1.579 -> 1.534%; 60 cases, with a first version that also rewrote the bridges the darkness trace
   * agrees with: p95 2.211 -> 2.150%, 96 curves better and 40 worse by more than 0.005% MAE
   */
  fillBridgeRows: number;
  /**
   * a broken-style curve's x on a row where its run is one dash of a near-horizontal stroke is the
   * middle of the row's dashes (its run cluster, RunTable.clusterLeft), not the centre of the one dash
   * the path sits on (the DP measures steps between clusters, so any dash of the row serves it and it
   * keeps the first: on a swing, the stroke's end; assemble.ts strokeCluster). Accuracy sweep
   * (segmentations cached), model v3: 30 cases, median MAE 0.489 -> 0.439%, median p95 1.429 ->
   * 1.289%, swapped rows 25,305 -> 25,386, 43 curves better and 5 worse by more than 0.005% MAE;
   * 60 cases, median p95 1.781 -> 1.740%, swapped rows 57,149 -> 57,217, median MAE 0.612% both
   */
  clusterCentres: boolean;
  /**
   * rows moving at least this many px a row the same way as both neighbours are read off a parabola
   * fitted to the ink pixels of the three rows (assemble.ts readSteepRows), not from their ink's
   * middle; 0: never. Accuracy sweep (segmentations cached), model v3, 30 cases: median MAE
   * 0.419 -> 0.375%, median p95 1.238 -> 1.129%
   */
  steepMinSlope: number;
}

export const DEFAULT_TRACE_OPTIONS: TraceOptions = {
  runs: DEFAULT_RUN_OPTIONS,
  wProb: 1.5,
  probSure: 0.7,
  wStyle: 1.5,
  useStyle: true,
  wGridProb: 4,
  gridProbMin: 0.2,
  maxGridBridgeRows: 4,
  wJump: 0.3,
  wSlope: 0.08,
  slopeCapPx: 15,
  slopeAlpha: 0.35,
  maxSlope: 100,
  wSkip: 0.5,
  wSkipSolid: 1,
  maxBridgeRows: 24,
  gapConfidenceRows: 8,
  maxBridgeArcPx: 40,
  carried: 4,
  carriedGrid: 2,
  bridgeDedupePx: 2,
  wLostEnter: 3,
  wLost: 1.5,
  wReacquire: 3,
  wReacquirePx: 0.1,
  wOffScale: 0.2,
  offScaleEdgePx: 12,
  offScaleMaxRows: 60,
  offScaleSlope: 2,
  offScaleLookRows: 3,
  wWrap: 3,
  maxCycle: 1,
  wCycle: 0.05,
  wrapEdgePx: 12,
  shareNarrow: 4,
  shareWide: 0.2,
  bridgeClaimPx: 2,
  bridgeClaimShare: 0.5,
  bridgeClaimStrokeRows: 60,
  jointIterations: 3,
  jointOrders: 6,
  wUnexplained: 1.5,
  dupMinRows: 12,
  seedStrokes: true,
  seedZoneRows: 300,
  seedRadiusPx: 10,
  seedRows: 4,
  seedSearchRows: 40,
  confidenceScale: 2,
  lookRows: 300,
  lookSamples: 40,
  lookMinSamples: 12,
  lookOffGrid: true,
  lookStrokeRatio: 2.5,
  lookZoneMin: 4,
  wLookWidth: 1,
  lookWidthTol: 0.2,
  wLookDark: 2,
  lookDarkTol: 0.1,
  wLookLength: 0.3,
  lookLengthTol: 0.5,
  lookCap: 0.6,
  pieceWidthTol: 0.1,
  wPieceWidth: 2,
  pieceDarkTol: 0.05,
  identityFitRows: 16,
  identityMaxTouchRows: 40,
  wIdentityJunction: 1,
  identityMargin: 0,
  identityDoubtMargin: 1,
  identityJumpPx: 15,
  fillFromDarkness: true,
  fillCheckRows: 8,
  fillAgreeRows: 6,
  fillTolPx: 3,
  fillEdgePx: 3,
  fillConfidence: 0.45,
  fillBridgeRows: 4,
  clusterCentres: true,
  steepMinSlope: 1,
};

/** Rows whose confidence is below this are flagged for review in the UI. */
export const REVIEW_CONFIDENCE = 0.5;

/** What the model's curve probability p (0..1) of a run costs a curve on it, per row. */
export function probCost(p: number, o: TraceOptions): number {
  return o.wProb * (1 - 0.9 * Math.min(1, p / o.probSure));
}

export function traceOptions(partial: Partial<TraceOptions> = {}): TraceOptions {
  return { ...DEFAULT_TRACE_OPTIONS, ...partial, runs: { ...DEFAULT_RUN_OPTIONS, ...partial.runs } };
}
