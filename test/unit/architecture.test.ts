/**
 * The import rules of lib/ (DESIGN.md, "Rules of the house"), checked on the source text: no import
 * circle among lib/ modules, `import type` included (a type circle still ties two modules together), and
 * no lib/ module importing from entrypoints/ or components/. A small walk over the `import ... from '...'`
 * and `export ... from '...'` lines of lib/**\/*.ts(x); only relative specifiers are followed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LIB = join(ROOT, 'lib');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `from '...'` of import and re-export statements (multi-line ones too), and bare `import '...'`. */
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\s(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]/g;

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return base; // not found: still reported by where it points (entrypoints/, components/)
}

const graph = new Map<string, string[]>();
for (const file of sourceFiles(LIB)) {
  const text = readFileSync(file, 'utf8');
  graph.set(file, [...text.matchAll(SPECIFIER)].map((m) => resolveImport(file, m[1]!)).filter((p): p is string => p !== null));
}
const rel = (p: string) => relative(ROOT, p);

describe('lib/ imports', () => {
  it('reads the imports of every lib/ module', () => {
    expect(graph.size).toBeGreaterThan(40);
    expect(graph.get(join(LIB, 'messages.ts'))).toContain(join(LIB, 'limits.ts'));
  });

  it('never reach entrypoints/ or components/', () => {
    const bad = [...graph].flatMap(([file, deps]) => deps.filter((d) => /^(entrypoints|components)\//.test(rel(d))).map((d) => `${rel(file)} -> ${rel(d)}`));
    expect(bad).toEqual([]);
  });

  it('form no circle (import type included)', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      state.set(file, 'open');
      for (const dep of graph.get(file) ?? []) {
        if (!graph.has(dep)) continue;
        if (state.get(dep) === 'open') circles.push([...path.slice(path.indexOf(dep)), dep].map(rel).join(' -> '));
        else if (!state.has(dep)) visit(dep, [...path, dep]);
      }
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file, [file]);
    expect(circles).toEqual([]);
  });
});

describe('the popup’s bundle', () => {
  /** Files reached from `entry` through static value imports (`import type` and dynamic `import()` left out). */
  function reached(entry: string): Set<string> {
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file) || !existsSync(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:^|\n)\s*(import|export)\s(?!type\s)(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]/g)) {
        const dep = resolveImport(file, m[2]!);
        if (dep) walk(dep);
        else if (m[2] === 'tldts') seen.add('tldts');
      }
    };
    walk(entry);
    return seen;
  }

  it('never pulls in the public suffix list (tldts, about 100 kB gzip): the popup asks the background, which has it', () => {
    const files = reached(join(ROOT, 'entrypoints/popup/main.tsx'));
    expect(files.size).toBeGreaterThan(10);
    expect([...files].filter((f) => f === 'tldts' || f === join(LIB, 'url/index.ts')).map((f) => (f === 'tldts' ? f : rel(f)))).toEqual([]);
  });
});
