/**
 * Walks the values of one ~A line without cutting it into substrings: ~A holds millions of values,
 * and a string per value made the reader spend most of its time collecting garbage.
 * Values are separated by commas when the line has one (Wellington's KGS export), else by spaces
 * or tabs.
 */

/** Exact powers of ten (double literals) for the fast path. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

export class LineValues {
  private text = '';
  private pos = 0;
  /** end of the values: the line's length, or its final comma (a trailing ',' ends the row) */
  private limit = 0;
  private comma = false;
  /** the current value: a number, or NaN when `isNumber` is false */
  value = NaN;
  isNumber = false;
  /** fraction digits printed in the current value */
  decimals = 0;
  /** bounds of the current value in the line */
  start = 0;
  end = 0;

  reset(text: string): this {
    this.text = text;
    this.pos = 0;
    this.comma = text.indexOf(',') >= 0;
    let last = text.length;
    while (last > 0 && isBlank(text.charCodeAt(last - 1))) last--;
    this.limit = this.comma && text.charCodeAt(last - 1) === 44 ? last - 1 : text.length;
    return this;
  }

  /** The current value's text (for messages). */
  token(): string {
    return this.text.slice(this.start, this.end);
  }

  /** Moves to the next value; false at the end of the line. */
  next(): boolean {
    const t = this.text;
    const n = this.limit;
    let i = this.pos;
    if (this.comma) {
      // A comma field: blanks around it are trimmed; an empty field is a value (a missing one).
      if (i > n) return false;
      let stop = t.indexOf(',', i);
      if (stop < 0 || stop > n) stop = n;
      this.pos = stop + 1;
      while (i < stop && isBlank(t.charCodeAt(i))) i++;
      let e = stop;
      while (e > i && isBlank(t.charCodeAt(e - 1))) e--;
      this.parse(i, e);
      return true;
    }
    while (i < n && isBlank(t.charCodeAt(i))) i++;
    if (i >= n) return false;
    let e = i;
    while (e < n && !isBlank(t.charCodeAt(e))) e++;
    this.pos = e;
    this.parse(i, e);
    return true;
  }

  /**
   * Parses text[s, e). Plain decimals with at most 15 digits are read as integer / 10^decimals,
   * which is exactly what Number() returns (both operands exact, one correctly rounded division);
   * anything else (exponents, long mantissas) goes through Number().
   */
  private parse(s: number, e: number): void {
    const t = this.text;
    this.start = s;
    this.end = e;
    let i = s;
    let c = t.charCodeAt(i);
    const negative = c === 45;
    if (c === 43 || c === 45) i++;
    let mantissa = 0;
    let digits = 0;
    let decimals = 0;
    let dot = false;
    for (; i < e; i++) {
      c = t.charCodeAt(i);
      if (isDigit(c)) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
        if (dot) decimals++;
      } else if (c === 46 && !dot) dot = true;
      else break;
    }
    this.decimals = Math.min(decimals, 10);
    if (digits === 0) return this.fail();
    if (i === e && digits <= 15) {
      const v = mantissa / POW10[decimals];
      this.value = negative ? -v : v;
      this.isNumber = true;
      return;
    }
    if (i < e && !this.exponentOk(i, e)) return this.fail();
    const text = t.slice(s, e).replace(/[dD]/, 'e'); // Fortran's D exponent
    this.value = Number(text);
    this.isNumber = true;
  }

  /** text[i] starts an exponent: [eEdD][+-]?digits to the end. */
  private exponentOk(i: number, e: number): boolean {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c !== 101 && c !== 69 && c !== 100 && c !== 68) return false;
    let j = i + 1;
    const sign = t.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (j >= e) return false;
    for (; j < e; j++) if (!isDigit(t.charCodeAt(j))) return false;
    return true;
  }

  private fail(): void {
    this.value = NaN;
    this.isNumber = false;
  }
}
