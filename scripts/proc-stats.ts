/**
 * Linux /proc readings for the browser benchmarks (bench:segment's Chromium side, bench:drag): the
 * process tree under a pid, CPU seconds and proportional memory. A process that exits meanwhile reads
 * as 0 (or is left out), never as an error.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** The fields of a /proc stat line after the command name (field 3 of stat(5) is index 0). */
export function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** user + system CPU seconds in a stat line's fields (fields 14 and 15 of stat(5); 1/100 s ticks on Linux). */
export function statCpuSeconds(f: string[]): number {
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** user + system CPU seconds of a process so far, 0 if gone. */
export function cpuSeconds(pid: number): number {
  try {
    return statCpuSeconds(statFields(readFileSync(`/proc/${pid}/stat`, 'utf8')));
  } catch {
    return 0;
  }
}

/** Proportional set size of a process in MB (shared pages split between their users), 0 if gone. */
export function pssMb(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Every process under `root`, itself included. */
export function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      parent.set(Number(d), Number(statFields(readFileSync(`/proc/${d}/stat`, 'utf8'))[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, pp] of parent) if (pp === out[i]) out.push(pid);
  return out;
}

/** user + system CPU seconds of every process under `root`. */
export function treeCpuSeconds(root: number): number {
  return descendants(root).reduce((s, pid) => s + cpuSeconds(pid), 0);
}
