/**
 * Runs clinical cases through the interview and prints a pass/fail table.
 *
 *   npm run protocol:check                      every file in tests/cases/
 *   npm run protocol:check -- FILE...           the given files (a JSON array of cases, or a single case)
 *
 * Exit 0 when every case passes, 1 when any fails, 2 when a file cannot be read or is not a valid case file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCase, duplicateIds, parseCaseFile, type CaseResult, type ClinicalCase } from '../lib/interview/play';
import { fromCallerDir } from './caller-path';

const CASES_DIR = fileURLToPath(new URL('../tests/cases/', import.meta.url));

function defaultFiles(): string[] {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(CASES_DIR, f));
}

function loadCases(files: readonly string[]): { cases: ClinicalCase[] } | { error: string } {
  const cases: ClinicalCase[] = [];
  const errors: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(fromCallerDir(file), 'utf8');
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      errors.push(`${file}: cannot read (${err.code === 'ENOENT' ? 'no such file' : err.message}).`);
      continue;
    }
    const parsed = parseCaseFile(text, file);
    if (parsed.ok) cases.push(...parsed.value);
    else errors.push(parsed.error);
  }
  // Ids are how a failure is found again, so they must be unique across every file checked together.
  const repeated = duplicateIds(cases);
  if (repeated.length > 0) errors.push(`Case ids must be unique across files; repeated: ${repeated.join(', ')}.`);
  return errors.length > 0 ? { error: errors.join('\n') } : { cases };
}

function table(results: readonly CaseResult[]): string {
  const rows = [['id', 'expected', 'actual', 'result'], ...results.map((r) => [r.id, r.expected, r.actual, r.pass ? 'PASS' : 'FAIL'])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).concat('------').join('  '), ...rows.slice(1).map(line)].join('\n');
}

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write('Usage: npm run protocol:check [-- FILE...]   (default: every tests/cases/*.json)\n');
    return 0;
  }
  const files = argv.length > 0 ? argv : defaultFiles();
  if (files.length === 0) {
    process.stderr.write('protocol:check: no case files given and none found in tests/cases/.\n');
    return 2;
  }
  const loaded = loadCases(files);
  if ('error' in loaded) {
    process.stderr.write(`protocol:check: cannot use the case files:\n${loaded.error}\n`);
    return 2;
  }

  const results = loaded.cases.map(checkCase);
  process.stdout.write(`${table(results)}\n`);
  const failed = results.filter((r) => !r.pass);
  if (failed.length > 0) {
    process.stdout.write('\nFailures:\n');
    for (const r of failed) {
      process.stdout.write(`  ${r.id}\n${r.problems.map((p) => `    - ${p}`).join('\n')}\n`);
    }
  }
  process.stdout.write(
    `\n${results.length} case(s) in ${files.length} file(s): ${results.length - failed.length} passed, ${failed.length} failed.\n`,
  );
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
