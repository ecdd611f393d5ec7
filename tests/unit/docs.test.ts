import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCase, parseCaseFile } from '@/lib/interview/play';
import { QUESTIONS } from '@/lib/protocol/questions';
import { ALL_RULES } from '@/lib/protocol/rules';
import { SOURCES } from '@/lib/protocol/sources';
import { DISPOSITIONS, GATES } from '@/lib/protocol/types';

/**
 * docs/protocol.md is written by hand for clinicians. These checks tie it to the protocol data, so a rule, question
 * or answer added or changed in lib/protocol without updating the guide fails the build instead of drifting.
 */

const doc = readFileSync(fileURLToPath(new URL('../../docs/protocol.md', import.meta.url)), 'utf8');
const lines = doc.split('\n');
/** The table row that starts with this id in backticks. */
const rowOf = (id: string) => lines.find((l) => /^\|/.test(l) && l.split('|').some((cell) => cell.trim() === `\`${id}\``));

describe('docs/protocol.md', () => {
  it.each(QUESTIONS.map((q) => [q.id, q] as const))('has a row for question %s listing every answer', (id, q) => {
    const row = rowOf(id);
    expect(row, `no table row for \`${id}\``).toBeDefined();
    for (const o of q.options ?? []) expect(row, `${id} row lacks \`${o.value}\``).toContain(`\`${o.value}\``);
    if (q.kind === 'integer') expect(row).toContain(`${q.min}-${q.max}`);
    const askedWhen = row!.split('|').at(-2)!.trim();
    expect(askedWhen === 'always', `"asked when" of ${id}: ${askedWhen}`).toBe(q.askedWhen === undefined);
  });

  it.each(ALL_RULES.map((r) => [r.id, r] as const))('has a row for rule %s with its condition and outcome', (id, r) => {
    const row = rowOf(id);
    expect(row, `no table row for \`${id}\``).toBeDefined();
    expect(row).toContain(`| ${r.condition} |`);
    const outcome = 'disposition' in r ? r.disposition : r.gate;
    expect(row).toContain(`| \`${outcome}\` |`);
  });

  it('names every disposition, gate and source title', () => {
    for (const d of DISPOSITIONS) expect(doc).toContain(`\`${d}\``);
    for (const g of GATES) expect(doc).toContain(`\`${g}\``);
    for (const s of Object.values(SOURCES)) expect(doc).toContain(s.title);
  });

  it('shows an example case that is valid and passes', () => {
    const example = /## Checking a clinical scenario[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const parsed = parseCaseFile(example!, 'docs example');
    expect(parsed.ok ? '' : parsed.error).toBe('');
    if (parsed.ok) expect(checkCase(parsed.value[0]!).problems).toEqual([]);
  });
});
