import { describe, expect, it } from 'vitest';
import { answerNext, replay, type RecordedAnswer } from '@/lib/interview/replay';
import { NEWEST_VERSION, protocolFor } from '@/lib/protocol/versions';
import { SELF_CARE } from '../support/answers';
import { answerMismatches, consistencyProblems, type Stored } from './support/checks';

/**
 * The database checks the load, crash and several-servers tests rely on must be able to fail: each kind of damage
 * they are meant to find is planted in an otherwise whole interview, read as the tables would give it.
 */

const ID = '00000000-0000-4000-8000-000000000001';
const PROTOCOL = protocolFor(NEWEST_VERSION);

/** The rows of a whole interview answered from SELF_CARE for `steps` questions (or to its end, if sooner). */
function storedInterview(steps: number): Stored {
  let answers: RecordedAnswer[] = [];
  for (let i = 0; i < steps && replay(PROTOCOL, answers).status === 'asking'; i++) {
    const question = replay(PROTOCOL, answers).question!;
    const result = answerNext(PROTOCOL, answers, question, SELF_CARE[question]);
    if (!result.ok) throw new Error(result.error.message);
    answers = [...answers, result.accepted];
  }
  const state = replay(PROTOCOL, answers);
  const entries = [];
  let id = 1;
  for (const [step, a] of answers.entries()) {
    entries.push({ id: id++, interview_id: ID, role: 'assistant' as const, question_id: a.questionId, step, value: null, superseded_at: null });
    entries.push({ id: id++, interview_id: ID, role: 'patient' as const, question_id: a.questionId, step, value: a.value, superseded_at: null });
  }
  if (state.question) {
    entries.push({ id: id++, interview_id: ID, role: 'assistant' as const, question_id: state.question, step: answers.length, value: null, superseded_at: null });
  }
  const row = {
    id: ID,
    protocol_version: PROTOCOL.id,
    status: state.status === 'asking' ? 'in_progress' : state.status,
    step: answers.length,
    disposition: state.outcome?.disposition ?? null,
    gate: state.outcome?.gate ?? null,
    rules: state.outcome?.rules ?? null,
    outcome: state.outcome ?? null,
    completed_at: state.status === 'asking' ? null : new Date(),
  };
  return {
    interviews: new Map([[ID, row]]),
    entries: new Map([[ID, entries]]),
    answers: new Map([[ID, answers.map((a) => ({ questionId: a.questionId, value: a.value as string | number | string[] }))]]),
  };
}

describe('the database checks', () => {
  it('pass a whole interview, finished or not', () => {
    expect(consistencyProblems(storedInterview(4))).toEqual([]);
    const finished = storedInterview(30);
    expect(finished.interviews.get(ID)!.status).toBe('complete');
    expect(consistencyProblems(finished)).toEqual([]);
  });

  it('find a lost answer, a doubled step, a wrong status and a stored outcome that does not replay', () => {
    const lost = storedInterview(5);
    lost.entries.set(ID, lost.entries.get(ID)!.filter((e) => !(e.role === 'patient' && e.step === 2)));
    expect(consistencyProblems(lost).join('\n')).toMatch(/steps 0,1,3,4/);

    const doubled = storedInterview(5);
    const second = { ...doubled.entries.get(ID)!.find((e) => e.role === 'patient' && e.step === 3)!, id: 99 };
    doubled.entries.get(ID)!.push(second);
    expect(consistencyProblems(doubled)).not.toEqual([]);

    const status = storedInterview(5);
    status.interviews.get(ID)!.status = 'complete';
    expect(consistencyProblems(status).join('\n')).toMatch(/status complete/);

    const outcome = storedInterview(30);
    outcome.interviews.get(ID)!.disposition = 'emergency';
    expect(consistencyProblems(outcome).join('\n')).toMatch(/disposition emergency/);

    const unasked = storedInterview(5);
    unasked.entries.set(ID, unasked.entries.get(ID)!.filter((e) => !(e.role === 'assistant' && e.step === 5)));
    expect(consistencyProblems(unasked)).not.toEqual([]);
  });

  it('find an interview whose stored answers differ from what its client sent, or that is missing', () => {
    const stored = storedInterview(4);
    const sent = stored.answers.get(ID)!;
    expect(answerMismatches(stored, [{ id: ID, answers: sent }])).toEqual([]);
    expect(answerMismatches(stored, [{ id: ID, answers: sent.slice(0, 3) }])).toHaveLength(1);
    expect(answerMismatches(stored, [{ id: ID, answers: [...sent.slice(0, 3), { ...sent[3]!, value: 'other' }] }])).toHaveLength(1);
    expect(answerMismatches(stored, [{ id: '00000000-0000-4000-8000-000000000002', answers: [] }])).toHaveLength(1);
  });
});
