/**
 * Runs clinical cases through the interview and prints a pass/fail table.
 *
 *   npm run protocol:check                      every version's case bank in tests/cases/<version>/
 *   npm run protocol:check -- FILE...           the given files (a JSON array of cases, or a single case)
 *
 * A case is checked under its own "protocolVersion"; without one, under the version whose folder holds the file
 * (tests/cases/bp-2/...), else under the active version (PROTOCOL_VERSION, else the newest).
 *
 * Exit 0 when every case passes, 1 when any fails, 2 when a file cannot be read or is not a valid case file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { env } from '../lib/env';
import { loadCaseBank } from '../lib/interview/case-bank';
import { checkCase, duplicateIds, parseCaseFile, type CaseResult, type ClinicalCase } from '../lib/interview/play';
import { isVersionId } from '../lib/protocol/versions';
import { fromCallerDir } from './caller-path';

const CASES_DIR = fileURLToPath(new URL('../tests/cases/', import.meta.url));

/** The version a file's cases default to: its folder's, when the folder is named after a version. */
function defaultVersion(file: string): string {
  const folder = path.basename(path.dirname(fromCallerDir(file)));
  return isVersionId(folder) ? folder : env().PROTOCOL_VERSION;
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
    const parsed = parseCaseFile(text, file, defaultVersion(file));
    if (parsed.ok) cases.push(...parsed.value);
    else errors.push(parsed.error);
  }
  // Ids are how a failure is found again, so they must be unique across every file checked together (per version).
  const repeated = duplicateIds(cases.map((c) => ({ id: `${c.protocolVersion} ${c.id}` })));
  if (repeated.length > 0) errors.push(`Case ids must be unique across files; repeated: ${repeated.join(', ')}.`);
  return errors.length > 0 ? { error: errors.join('\n') } : { cases };
}

function table(results: readonly CaseResult[]): string {
  const rows = [
    ['version', 'id', 'expected', 'actual', 'result'],
    ...results.map((r) => [r.protocolVersion, r.id, r.expected, r.actual, r.pass ? 'PASS' : 'FAIL']),
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell)).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).concat('------').join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Every version's bank (tests/cases/<version>/), or the given files. */
function casesToCheck(files: readonly string[]): { cases: ClinicalCase[]; from: string } | { error: string } {
  if (files.length > 0) {
    const loaded = loadCases(files);
    return 'error' in loaded ? loaded : { cases: loaded.cases, from: `${files.length} file(s)` };
  }
  const bank = loadCaseBank(CASES_DIR);
  if (!bank.ok) return { error: bank.error };
  return { cases: bank.value.flatMap((b) => b.cases), from: `the case banks of ${bank.value.map((b) => b.version).join(', ')}` };
}

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write('Usage: npm run protocol:check [-- FILE...]   (default: every version\'s bank in tests/cases/<version>/)\n');
    return 0;
  }
  const loaded = casesToCheck(argv);
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
      process.stdout.write(`  ${r.protocolVersion} ${r.id}\n${r.problems.map((p) => `    - ${p}`).join('\n')}\n`);
    }
  }
  process.stdout.write(
    `\n${results.length} case(s) from ${loaded.from}: ${results.length - failed.length} passed, ${failed.length} failed.\n`,
  );
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
