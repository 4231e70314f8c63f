/**
 * The directory's source files, parsed and compiled: for scripts/directory.ts and the unit tests only
 * (never bundled: the extension loads assets/directory/compiled.json through ./index.ts).
 */
import * as v from 'valibot';
import institutionsFile from '../../assets/catalog/institutions.json';
import curatedFile from '../../assets/directory/institutions.json';
import fdicFile from '../../assets/directory/fdic-bankfind.json';
import type { Institution } from '../catalog/schema';
import { compileDirectory, type DirectoryProblem } from './compile';
import { DirectoryFileSchema, FdicFileSchema } from './schema';
import { renderDirectoryDoc } from './doc';

/**
 * Validate both files against their schemas, then compile them against the catalog's institutions.
 * Schema problems come back as problems (entry = the file), with nothing compiled past them.
 */
export function compileBundledDirectory(): ReturnType<typeof compileDirectory> {
  const curated = v.safeParse(DirectoryFileSchema, curatedFile);
  const fdic = v.safeParse(FdicFileSchema, fdicFile);
  const schemaProblems: DirectoryProblem[] = [
    ...(curated.success ? [] : curated.issues.map((i) => ({ entry: 'assets/directory/institutions.json', message: `${v.getDotPath(i) ?? '(root)'}: ${i.message}` }))),
    ...(fdic.success ? [] : fdic.issues.map((i) => ({ entry: 'assets/directory/fdic-bankfind.json', message: `${v.getDotPath(i) ?? '(root)'}: ${i.message}` }))),
  ];
  if (!curated.success || !fdic.success) {
    return {
      compiled: { from: { curatedChecked: '', fdicCommit: '', fdicDate: '' }, institutions: [], hostSites: {} },
      problems: schemaProblems,
      stats: { institutions: 0, domains: 0, byCountry: {}, byKind: {}, byLevel: {}, fdicHosts: 0, fdicCovered: 0 },
    };
  }
  return compileDirectory(institutionsFile.institutions as Institution[], curated.output, fdic.output);
}

/**
 * The build's check (wxt.config.ts) and the tests': the directory compiles without a problem and
 * assets/directory/compiled.json is what it compiles to.
 * @throws Error listing the problems, or saying compiled.json is stale (run `npm run directory`).
 */
export function checkBundledDirectory(compiledFile: unknown): void {
  const { compiled, problems } = compileBundledDirectory();
  if (problems.length) throw new Error(`Directory is invalid:\n${problems.map((p) => `  ${p.entry}: ${p.message}`).join('\n')}`);
  if (JSON.stringify(compiled) !== JSON.stringify(compiledFile)) throw new Error('assets/directory/compiled.json is stale: run `npm run directory`');
}

/** docs/directory.md as the data says it should read (lib/directory/doc.ts). */
export function bundledDirectoryDoc(): string {
  const { stats } = compileBundledDirectory();
  return renderDirectoryDoc(v.parse(DirectoryFileSchema, curatedFile), v.parse(FdicFileSchema, fdicFile), stats);
}
