/**
 * One colour per curve, by its place in the layout, shared by the scan overlay and the log plot so
 * a curve is the same colour in both. Chosen to stand out on grey paper and from each other.
 */
const PALETTE = ['#d6336c', '#1c7ed6', '#2b8a3e', '#e8590c', '#7048e8', '#0c8599', '#c2255c', '#5c940d', '#9c36b5', '#e67700'];

/** Colour of curve `curve` of track `track`; the first curve of each track starts further along. */
export function curveColour(track: number, curve: number): string {
  return PALETTE[(track * 3 + curve) % PALETTE.length];
}
