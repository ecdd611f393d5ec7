/**
 * Writes tests/golden/bp-1.json: every case-bank answer map and 3,000 seeded random ones, with what bp-1 gave for
 * each when the file was made. Run once, before a refactor of the engine; the golden test then replays it forever.
 * A released version's file is never regenerated: a difference is a defect, not a new expectation.
 *
 *   npx tsx tests/golden/generate.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { play } from '../../lib/interview/play';
import { protocolFor } from '../../lib/protocol/versions';
import { answerSets } from './answer-sets';
import { goldenOf } from './summary';

const SEED = 20261203;
const RANDOM_SETS = 3000;

const casesDir = fileURLToPath(new URL('../cases/', import.meta.url));
const caseAnswers = readdirSync(casesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => (JSON.parse(readFileSync(casesDir + f, 'utf8')) as { id: string; answers: Record<string, unknown> }[]).map((c) => ({ id: `case:${c.id}`, answers: c.answers })));
const random = answerSets(SEED, RANDOM_SETS).map((answers, i) => ({ id: `random:${i}`, answers }));

const entries = [...caseAnswers, ...random].map(({ id, answers }) => ({ id, answers, result: goldenOf(play(answers, protocolFor('bp-1'))) }));
const out = fileURLToPath(new URL('./bp-1.json', import.meta.url));
writeFileSync(out, `{"version":"bp-1","seed":${SEED},"entries":[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`);
console.log(`wrote ${entries.length} entries to ${out}`);
