import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCaseFile } from './play';
import { answerNext, replay, type RecordedAnswer, type ResumePoint } from './replay';

const CASES_DIR = fileURLToPath(new URL('../../tests/cases/', import.meta.url));
const cases = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const parsed = parseCaseFile(readFileSync(CASES_DIR + f, 'utf8'), f);
    return parsed.ok ? parsed.value : [];
  });

describe('answering from a resume point', () => {
  it('reaches exactly the state a full replay reaches, at every step of every case in the bank', () => {
    expect(cases.length).toBeGreaterThan(100);
    let steps = 0;
    for (const c of cases) {
      const answers: RecordedAnswer[] = [];
      let resume: ResumePoint | undefined;
      for (let state = replay(answers); state.status === 'asking'; state = replay(answers)) {
        const questionId = state.question!;
        const value = c.answers[questionId];
        const replayed = answerNext(answers, questionId, value);
        const resumed = answerNext(answers, questionId, value, resume);
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
