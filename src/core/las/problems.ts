/** Problem list of the LAS conformance checker. */

export interface LasProblem {
  line?: number;
  rule: string;
  message: string;
}

export interface LasConformance {
  ok: boolean;
  problems: LasProblem[];
}

/** Collects problems, at most `cap` per rule, then one line saying how many more there were. */
export class Problems {
  readonly list: LasProblem[] = [];
  private readonly counts = new Map<string, number>();
  constructor(private readonly cap = 20) {}
  add(rule: string, message: string, line?: number): void {
    const n = (this.counts.get(rule) ?? 0) + 1;
    this.counts.set(rule, n);
    if (n <= this.cap) this.list.push(line === undefined ? { rule, message } : { line, rule, message });
  }
  finish(): LasProblem[] {
    for (const [rule, n] of this.counts) {
      if (n > this.cap) this.list.push({ rule, message: `${n - this.cap} more ${rule} problems` });
    }
    return this.list;
  }
}

