/**
 * Checks linkwatch-config and linkwatch-list files the way Linkwatch's import does, against the bundled
 * catalog, and linkwatch-evidence-report files against their schema (lib/report/schema.ts), and prints one
 * line per problem.
 *
 * Usage: npx tsx scripts/validate.ts FILE...   (npm run validate -- FILE...)
 * Output (stdout): `FILE: $.path: message` per error, `FILE: warning: $.path: unknown key dropped` per dropped
 *   key, `FILE: valid linkwatch-config v1 (N decisions, M lists)` per valid file. Usage errors go to stderr.
 * Exit code: 0 all files valid; 1 some file invalid; 2 usage error (no file given, a file unreadable).
 */
import { readFileSync, statSync } from 'node:fs';
import { LIMITS } from '../lib/config/schema';
import { tooLargeMessage } from '../lib/config';
import { validateConfigText } from '../lib/config/validate';
import { validateReportText } from '../lib/report/validate';

const USAGE = 'usage: npx tsx scripts/validate.ts FILE...  (npm run validate -- FILE...)';

function main(args: readonly string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const files = args.filter((a) => a !== '--');
  if (files.length === 0) {
    console.error(`no file given\n${USAGE}`);
    return 2;
  }
  let exitCode = 0;
  for (const file of files) {
    let text: string;
    try {
      // Refuse an oversized file before reading it into memory.
      const size = statSync(file).size;
      if (size > LIMITS.maxBytes) {
        console.log(`${file}: $: ${tooLargeMessage(size)}`);
        exitCode = Math.max(exitCode, 1);
        continue;
      }
      text = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
      exitCode = 2;
      continue;
    }
    const report = validateReportText(file, text) ?? validateConfigText(file, text); // against the bundled catalog (importConfig's default)
    for (const line of report.lines) console.log(line);
    if (!report.valid) exitCode = Math.max(exitCode, 1);
  }
  return exitCode;
}

process.exitCode = main(process.argv.slice(2));
