import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { protocolFor } from '../protocol/versions';
import { loadCaseBank } from './case-bank';
import { answerNext, replay, type RecordedAnswer, type ResumePoint } from './replay';

const bank = loadCaseBank(fileURLToPath(new URL('../../tests/cases/', import.meta.url)));
const banks = bank.ok ? bank.value : [];

describe.each(banks.map((b) => [b.version, b] as const))('answering from a resume point under %s', (_, { version, cases }) => {
  const p = protocolFor(version);
  it('reaches exactly the state a full replay reaches, at every step of every case in the bank', { timeout: 120_000 }, () => {
    expect(cases.length).toBeGreaterThan(100);
    let steps = 0;
    for (const c of cases) {
      const answers: RecordedAnswer[] = [];
      let resume: ResumePoint | undefined;
      for (let state = replay(p, answers); state.status === 'asking'; state = replay(p, answers)) {
        const questionId = state.question!;
        const value = c.answers[questionId];
        const replayed = answerNext(p, answers, questionId, value);
        const resumed = answerNext(p, answers, questionId, value, resume);
        expect(resumed.ok, `${c.id} ${questionId}`).toBe(replayed.ok);
        if (!replayed.ok || !resumed.ok) break;
        expect(resumed.state, `${c.id} ${questionId}`).toEqual(replayed.state);
        answers.push(replayed.accepted);
        resume = resumed.resume;
        steps++;
      }
    }
    expect(steps).toBeGreaterThan(1000);
  });
});
