/**
 * Number text for LAS: fixed-point only (the standard's readers do not expect exponents), and step
 * measurement. Parsing of ~A values is in tokens.ts.
 */

const MAX_DECIMALS = 10;

/** Exact powers of ten (double literals). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];
const ZEROS = '0000000000';

/** `value` with exactly `decimals` fraction digits and never an exponent, whatever its magnitude. */
export function toFixedPlain(value: number, decimals: number): string {
  const d = Math.max(0, Math.min(MAX_DECIMALS, Math.round(decimals)));
  const fast = fixedFast(value, d);
  if (fast !== null) return fast;
  let text: string;
  if (Math.abs(value) < 1e21) {
    text = value.toFixed(d); // toFixed switches to exponents only from 1e21
  } else {
    // |value| >= 1e21 > 2^53, so it is an integer: BigInt prints all its digits.
    text = BigInt(value).toString() + (d > 0 ? '.' + '0'.repeat(d) : '');
  }
  // -0.0001 at 2 decimals prints "-0.00": a signed zero reads back as 0 anyway, so drop the sign.
  return value < 0 && value > -1 && Number(text) === 0 ? text.slice(1) : text;
}

/**
 * toFixed's result by integer arithmetic, about 3x faster (the writer formats millions of values).
 * value * 10^d is off the exact product by at most half an ulp (< 1e-7 below 1e9), so rounding it
 * gives toFixed's digits unless the product sits within 1e-6 of a tie: then null, and toFixed decides.
 */
function fixedFast(value: number, d: number): string | null {
  const scaled = Math.abs(value) * POW10[d];
  if (!(scaled < 1e9)) return null;
  const floor = Math.floor(scaled);
  const frac = scaled - floor;
  if (Math.abs(frac - 0.5) < 1e-6) return null;
  const n = frac > 0.5 ? floor + 1 : floor;
  let digits = String(n);
  if (d === 0) return value < 0 && n !== 0 ? '-' + digits : digits;
  if (digits.length <= d) digits = ZEROS.slice(0, d + 1 - digits.length) + digits;
  const text = digits.slice(0, digits.length - d) + '.' + digits.slice(digits.length - d);
  return value < 0 && n !== 0 ? '-' + text : text;
}

/** The shortest text that reads back as `value`, without an exponent (for NULL and header numbers). */
export function toPlain(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa, expText] = text.toLowerCase().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const [intPart, fracPart = ''] = mantissa.replace('-', '').split('.');
  const digits = intPart + fracPart;
  const point = intPart.length + exp; // position of the decimal point within `digits`
  let plain: string;
  if (point <= 0) plain = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = digits.slice(0, point) + '.' + digits.slice(point);
  return (negative ? '-' : '') + plain;
}

/**
 * The constant signed step of an index, or 0 when the spacing is irregular (LAS 2.0: STEP 0).
 * Values are compared as integers of 10^-decimals, so printed decimals give an exact answer;
 * fewer than two rows also give 0.
 */
export function measureStep(index: ArrayLike<number>, decimals: number): number {
  if (index.length < 2) return 0;
  const scale = 10 ** Math.max(0, Math.min(MAX_DECIMALS, decimals));
  const units = (v: number) => Math.round(v * scale);
  if (!Number.isSafeInteger(units(index[0])) || !Number.isSafeInteger(units(index[index.length - 1]))) {
    return measureStepLoose(index);
  }
  const first = units(index[1]) - units(index[0]);
  if (first === 0) return 0;
  for (let i = 2; i < index.length; i++) {
    if (units(index[i]) - units(index[i - 1]) !== first) return 0;
  }
  return first / scale;
}

/** Fallback for index values too large for integer units: equal steps within 1e-9 relative. */
function measureStepLoose(index: ArrayLike<number>): number {
  const first = index[1] - index[0];
  const tol = 1e-9 * Math.max(Math.abs(index[0]), Math.abs(index[index.length - 1]));
  for (let i = 2; i < index.length; i++) {
    if (Math.abs(index[i] - index[i - 1] - first) > tol) return 0;
  }
  return first;
}

/**
 * Decimals giving about 5 significant digits for the median magnitude of the finite, non-zero
 * values (a digitised curve is never more precise than that), clamped to 2..8.
 */
export function defaultDecimals(values: ArrayLike<number>): number {
  const mags: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]);
    if (Number.isFinite(v) && v > 0) mags.push(v);
  }
  if (mags.length === 0) return 2;
  mags.sort((a, b) => a - b);
  const median = mags[mags.length >> 1];
  return Math.max(2, Math.min(8, 4 - Math.floor(Math.log10(median))));
}

/** The fewest decimals (0..6) that print every index value to within 1e-9 of a unit; else 6. */
export function indexDecimals(index: ArrayLike<number>): number {
  for (let d = 0; d < 6; d++) {
    const scale = 10 ** d;
    let exact = true;
    for (let i = 0; i < index.length && exact; i++) {
      const scaled = index[i] * scale;
      exact = Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
    }
    if (exact) return d;
  }
  return 6;
}
