import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCase, parseCaseFile } from '@/lib/interview/play';
import { protocolInWords } from '@/lib/protocol/in-words';
import { VERSIONS } from '@/lib/protocol/versions';

/**
 * The protocol documents are tied to the protocol data: docs/protocol/<version>.md is the version in words, generated
 * (`npm run protocol:docs`), and must match the data exactly, so a change to a version cannot land without the prose
 * diff reviewers read; docs/protocol.md, the hand-written guide, must name every version and show a valid case.
 */

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../docs/${path}`, import.meta.url)), 'utf8');

describe.each(VERSIONS.map((p) => [p.id, p] as const))('docs/protocol/%s.md', (id, p) => {
  it('is the version, in words, exactly as its data says (run `npm run protocol:docs` after a change)', () => {
    expect(read(`protocol/${id}.md`)).toBe(protocolInWords(p));
  });
});

describe('docs/protocol.md', () => {
  const guide = read('protocol.md');

  it('links to every supported version in words', () => {
    for (const p of VERSIONS) expect(guide).toContain(`(protocol/${p.id}.md)`);
  });

  it('shows an example case that is valid and passes', () => {
    const example = /## Checking a clinical scenario[\s\S]*?```json\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(example).toBeDefined();
    const parsed = parseCaseFile(example!, 'docs example', 'bp-2');
    expect(parsed.ok ? '' : parsed.error).toBe('');
    if (parsed.ok) expect(checkCase(parsed.value[0]!).problems).toEqual([]);
  });
});
