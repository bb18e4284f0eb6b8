/**
 * The batch command's scan patterns ('scans/*.tif'): `*`, `?` and `[abc]` within a path segment,
 * expanded here so a quoted pattern works the same in every shell (Node 20 has no fs.glob).
 * `**` is not supported: one folder level per segment.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const hasWildcard = (s: string): boolean => /[*?[]/.test(s);

function segmentRegex(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = seg.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${seg.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir === '' ? '.' : dir).sort();
  } catch {
    return [];
  }
}

/** Files matching `pattern`, sorted; hidden files only when the segment starts with '.'. */
export function expandGlob(pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let paths = [absolute ? '/' : ''];
  for (const [i, seg] of segs.entries()) {
    if (seg === '' && i === 0) continue;
    const last = i === segs.length - 1;
    if (!hasWildcard(seg)) {
      paths = paths.map((p) => (p === '' ? seg : join(p, seg)));
      continue;
    }
    const re = segmentRegex(seg);
    paths = paths.flatMap((p) => list(p).filter((n) => re.test(n) && (seg.startsWith('.') || !n.startsWith('.'))).map((n) => (p === '' ? n : join(p, n))));
    if (!last) paths = paths.filter((p) => isDir(p));
  }
  return paths.filter((p) => isFile(p));
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
