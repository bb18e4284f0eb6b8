import { describe, expect, it } from 'vitest';
import { formatWhen } from '../../src/ui/sessions/when';

// Local times, so the test holds in any time zone.
const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();

describe('last edited, in words', () => {
  const now = at(2025, 3, 12, 15, 30);
  it('says how long ago within the hour', () => {
    expect(formatWhen(now - 20_000, now)).toBe('just now');
    expect(formatWhen(now - 5 * 60_000 - 1, now)).toBe('5 min ago');
  });
  it('gives the time for today and yesterday', () => {
    expect(formatWhen(at(2025, 3, 12, 9, 5), now)).toBe('today 09:05');
    expect(formatWhen(at(2025, 3, 11, 23, 59), now)).toBe('yesterday 23:59');
  });
  it('gives the date for older edits, with the year when it is not this one', () => {
    expect(formatWhen(at(2025, 1, 3, 8, 0), now)).toBe('3 Jan 08:00');
    expect(formatWhen(at(2024, 12, 31, 8, 0), now)).toBe('31 Dec 2024');
  });
});
