/**
 * "Edited 5 min ago", "today 14:05", "12 Mar 2024": when a session was last edited, in the
 * user's local time. Plain arithmetic rather than toLocaleString, whose first call loads ICU data
 * (a long main-thread task) and whose output differs between machines.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function startOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** ms since the epoch → words, relative to `now`. */
export function formatWhen(ms: number, now = Date.now()): string {
  const ago = now - ms;
  if (ago < 60_000 && ago > -60_000) return 'just now';
  if (ago > 0 && ago < 3_600_000) return `${Math.floor(ago / 60_000)} min ago`;
  const d = new Date(ms);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const today = startOfDay(now);
  const day = startOfDay(ms);
  if (day === today) return `today ${time}`;
  // Not 86,400,000: a daylight-saving day is 23 or 25 hours long.
  if (day === startOfDay(today - 12 * 3_600_000)) return `yesterday ${time}`;
  const date = `${d.getDate()} ${MONTHS[d.getMonth()]}`;
  return d.getFullYear() === new Date(now).getFullYear() ? `${date} ${time}` : `${date} ${d.getFullYear()}`;
}
