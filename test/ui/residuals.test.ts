import { describe, expect, it } from 'vitest';
import { checkRefs } from '../../src/ui/calibrate/residuals';

// 10 px per ft, 1025 ft at row 320 (the bundled sample's scale)
const ref = (depth: number, typo = 0) => ({ y: 320 + (depth - 1025) * 10, depth: depth + typo });

describe('checking typed depth references', () => {
  it('needs three references to check anything', () => {
    expect(checkRefs([ref(1025), ref(1575)], 0.5)).toBeNull();
  });

  it('three references that line up pass, with residuals near 0', () => {
    const c = checkRefs([ref(1025), ref(1300), ref(1575)], 0.5)!;
    expect(c.misfit).toBeNull();
    for (const r of c.residuals) expect(Math.abs(r)).toBeLessThan(1e-9);
  });

  it('three references that do not line up say so without blaming one (any could be the typo)', () => {
    const c = checkRefs([ref(1025), ref(1300, 10), ref(1575)], 0.5)!;
    expect(c.suspect).toBeNull();
    expect(c.misfit).toBeCloseTo(20 / 3, 6);
  });

  it('with four or more, the mistyped one is named, wherever it is', () => {
    for (let bad = 0; bad < 4; bad++) {
      const refs = [1025, 1300, 1450, 1575].map((d, i) => ref(d, i === bad ? 10 : 0));
      expect(checkRefs(refs, 0.5)!.suspect).toBe(bad);
    }
  });

  it('paper stretch within the tolerance names nobody', () => {
    const refs = [ref(1025), ref(1300, 0.2), ref(1450, -0.15), ref(1575)];
    expect(checkRefs(refs, 0.5)!.suspect).toBeNull();
  });
});
