import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// STYLE.md: src/core is pure TypeScript. tsconfig.core.json (no DOM lib) catches DOM globals;
// this test catches imports that would drag in React, zustand, comlink, Node or another layer.
const coreDir = resolve(__dirname, '../../src/core');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(source: string): string[] {
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  return [...source.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('src/core layering', () => {
  const files = tsFiles(coreDir);

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('imports only other src/core modules (no packages, no other layers)', () => {
    const offenders: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const target = spec.startsWith('.') ? resolve(file, '..', spec) : null;
        const inside = target !== null && !relative(coreDir, target).startsWith('..');
        if (!inside) offenders.push(`${relative(coreDir, file)} imports '${spec}'`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the import scanner sees a forbidden import', () => {
    expect(importsOf("import { create } from 'zustand';\nimport './x';")).toEqual(['zustand', './x']);
  });
});
