import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VERSIONS } from '../protocol/versions';
import { duplicateIds, parseCaseFile, type ClinicalCase, type ParseResult } from './play';

/**
 * The clinical case bank: one folder per protocol version (tests/cases/<version>/*.json). A version's bank is its base
 * version's bank, with any case of the same id replaced by its own, plus its own new cases: a new version states the
 * cases it changes, as it states the rules it changes, and every older case it does not change must still hold.
 */
export interface VersionBank {
  version: string;
  /** Where each case comes from: "bp-1/emergency.json". */
  cases: (ClinicalCase & { file: string })[];
}

interface RawCase {
  file: string;
  item: { id?: unknown };
}

function readFolder(dir: string): { raw: RawCase[]; errors: string[] } {
  const raw: RawCase[] = [];
  const errors: string[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return { raw, errors };
  }
  for (const f of files) {
    const name = `${path.basename(dir)}/${f}`;
    try {
      const json = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as unknown;
      for (const item of Array.isArray(json) ? json : [json]) raw.push({ file: name, item: item as RawCase['item'] });
    } catch (e) {
      errors.push(`${name}: not valid JSON (${(e as Error).message}).`);
    }
  }
  return { raw, errors };
}

/** Every supported version's bank, oldest first. */
export function loadCaseBank(root: string): ParseResult<VersionBank[]> {
  const banks: VersionBank[] = [];
  const errors: string[] = [];
  const effective = new Map<string, RawCase[]>();
  for (const protocol of VERSIONS) {
    const own = readFolder(path.join(root, protocol.id));
    errors.push(...own.errors);
    const ownIds = new Set(own.raw.map((r) => r.item.id));
    const inherited = (protocol.basedOn ? effective.get(protocol.basedOn) ?? [] : []).filter((r) => !ownIds.has(r.item.id));
    const raw = [...inherited, ...own.raw];
    effective.set(protocol.id, raw);
    const cases: VersionBank['cases'] = [];
    for (const r of raw) {
      const parsed = parseCaseFile(JSON.stringify(r.item), r.file, protocol.id);
      if (parsed.ok) cases.push(...parsed.value.map((c) => ({ ...c, file: r.file })));
      else errors.push(`${protocol.id}: ${parsed.error}`);
    }
    const repeated = duplicateIds(cases);
    if (repeated.length > 0) errors.push(`${protocol.id}: case ids must be unique; repeated: ${repeated.join(', ')}.`);
    banks.push({ version: protocol.id, cases });
  }
  return errors.length > 0 ? { ok: false, error: errors.join('\n') } : { ok: true, value: banks };
}
