/**
 * Scoring a proposed layout's track edges against a generated scan's true tracks (px, deskewed frame).
 * A true track may be found as one detected track or as a group of touching ones (tracks 2–3 split or
 * not at their shared frame both count): the issue asks for every edge within 3 px.
 */
import type { LayoutProposal } from '../../src/core/layout-detect/index.ts';

export interface EdgeMatch {
  truth: { x0: number; x1: number };
  /** the closest detected track or group, or null when nothing was detected */
  found: { x0: number; x1: number } | null;
  /** detected − true, px */
  dx0: number;
  dx1: number;
}

export const EDGE_TOLERANCE_PX = 3;

/** Detected tracks plus the span of each group of touching tracks. */
function candidates(p: LayoutProposal): { x0: number; x1: number }[] {
  const groups = new Map<number, { x0: number; x1: number }>();
  for (const t of p.tracks) {
    const g = groups.get(t.group);
    groups.set(t.group, g ? { x0: Math.min(g.x0, t.x0), x1: Math.max(g.x1, t.x1) } : { x0: t.x0, x1: t.x1 });
  }
  return [...p.tracks.map((t) => ({ x0: t.x0, x1: t.x1 })), ...groups.values()];
}

/** Per true track, the detected track or group whose worse edge is closest. */
export function matchEdges(p: LayoutProposal, tracks: { x0: number; x1: number }[]): EdgeMatch[] {
  const found = candidates(p);
  return tracks.map((t) => {
    let best: EdgeMatch = { truth: t, found: null, dx0: Infinity, dx1: Infinity };
    for (const d of found) {
      const m = { truth: t, found: d, dx0: d.x0 - t.x0, dx1: d.x1 - t.x1 };
      if (worst(m) < worst(best)) best = m;
    }
    return best;
  });
}

/** The larger edge error of a match, px (Infinity when unmatched). */
export function worst(m: EdgeMatch): number {
  return Math.max(Math.abs(m.dx0), Math.abs(m.dx1));
}

export function edgesWithin(matches: EdgeMatch[], tol = EDGE_TOLERANCE_PX): boolean {
  return matches.every((m) => worst(m) <= tol);
}
