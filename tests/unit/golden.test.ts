import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { play } from '@/lib/interview/play';
import { protocolFor } from '@/lib/protocol/versions';
import { goldenOf, type GoldenResult } from '../golden/summary';

/**
 * A released protocol version is frozen: the same answers give exactly the outcome they gave when it was released,
 * plans and every word included. tests/golden/bp-1.json was written by bp-1's engine before protocol versions
 * became data (tests/golden/generate.ts); it is never regenerated.
 */
const golden = JSON.parse(readFileSync(new URL('../golden/bp-1.json', import.meta.url), 'utf8')) as {
  version: string;
  entries: { id: string; answers: Record<string, unknown>; result: GoldenResult }[];
};

describe(`golden outcomes of ${golden.version}`, () => {
  it('holds the case bank and a few thousand random interviews', () => {
    expect(golden.entries.length).toBeGreaterThan(3000);
  });

  it('replays every stored interview to exactly the stored outcome', () => {
    const differences = golden.entries
      .map((e) => ({ id: e.id, expected: e.result, actual: goldenOf(play(e.answers, protocolFor(golden.version))) }))
      .filter((d) => JSON.stringify(d.actual) !== JSON.stringify(d.expected));
    expect(differences.slice(0, 5)).toEqual([]);
  }, 300_000);
});
