import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb } from '@/db/client';
import { recall, remember } from '@/lib/interview/answer-cache';
import { loadInterview, reviseAnswer, startInterview, submitAnswer } from '@/lib/interview/service';
import type { Turn } from '@/lib/interview/present';
import { SELF_CARE } from '../support/answers';
import { dumpDb, resetDb } from '../support/db';

beforeEach(resetDb);
afterAll(closeDb);

/** Answers every question asked from `answers` until the interview stops asking. */
async function answerAll(id: string, token: string, answers: Record<string, unknown>, first: Turn): Promise<Turn> {
  let turn = first;
  while (turn.status === 'asking') {
    const questionId = turn.question!.id;
    const result = await submitAnswer(id, token, { questionId, value: answers[questionId], step: turn.step });
    if (!result.ok) throw new Error(`${questionId}: ${result.error.message}`);
    turn = result.turn;
  }
  return turn;
}

describe('interview service', () => {
  it('stores a whole interview: outcome, status and an entry for every question and answer', async () => {
    const { session, token, turn } = await startInterview();
    expect(session).toMatchObject({ status: 'in_progress', protocolVersion: 'bp-2' });
    expect(session.code).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/);
    const end = await answerAll(session.id, token, SELF_CARE, turn);
    expect(end.status).toBe('complete');
    expect(end.outcome?.disposition).toBe('self_care');
    expect(end.outcome?.plan?.steps.length).toBeGreaterThanOrEqual(2);

    const loaded = await loadInterview(session.id, token);
    if (!loaded.ok) throw new Error('load failed');
    expect(loaded.session.status).toBe('complete');
    expect(loaded.turn).toEqual(end);
    const patient = loaded.transcript.filter((e) => e.role === 'patient');
    const assistant = loaded.transcript.filter((e) => e.role === 'assistant');
    expect(patient).toHaveLength(end.step);
    expect(assistant.map((e) => e.questionId)).toEqual(patient.map((e) => e.questionId));
    expect(patient.find((e) => e.questionId === 'pain_region')).toMatchObject({ text: 'Lower back', value: ['lower_back'] });

    const { interviews } = await dumpDb();
    expect(interviews[0]).toMatchObject({ status: 'complete', disposition: 'self_care', gate: 'standard', rules: ['R30_no_flags'] });
    expect(interviews[0]!.tokenHash).not.toContain(token);
  });

  it('refuses a wrong token exactly as it refuses an unknown interview', async () => {
    const { session, token } = await startInterview();
    const wrongToken = await loadInterview(session.id, `${token}x`);
    const unknown = await loadInterview('00000000-0000-4000-8000-000000000000', token);
    const notUuid = await loadInterview('nope', token);
    expect(wrongToken).toEqual(unknown);
    expect(notUuid).toEqual(unknown);
    expect(wrongToken).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('stores a retried answer once and returns the current turn', async () => {
    const { session, token, turn } = await startInterview();
    const first = await submitAnswer(session.id, token, { questionId: 'consent', value: 'agree', step: turn.step });
    const again = await submitAnswer(session.id, token, { questionId: 'consent', value: 'agree', step: turn.step });
    const noStep = await submitAnswer(session.id, token, { questionId: 'consent', value: 'agree' });
    expect(first.ok && again.ok && noStep.ok).toBe(true);
    if (first.ok && again.ok && noStep.ok) {
      expect(again.turn).toEqual(first.turn);
      expect(noStep.turn).toEqual(first.turn);
    }
    const { entries } = await dumpDb();
    expect(entries.filter((e) => e.role === 'patient')).toHaveLength(1);
  });

  it('answers a different answer at an old step with stale_step and the current turn, storing nothing', async () => {
    const { session, token, turn } = await startInterview();
    await submitAnswer(session.id, token, { questionId: 'consent', value: 'agree', step: turn.step });
    const before = await dumpDb();
    const stale = await submitAnswer(session.id, token, { questionId: 'consent', value: 'decline', step: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale_step', turn: { step: 1, question: { id: 'age_years' } } } });
    const ahead = await submitAnswer(session.id, token, { questionId: 'age_years', value: 40, step: 5 });
    expect(ahead).toMatchObject({ ok: false, error: { code: 'stale_step' } });
    expect(await dumpDb()).toEqual(before);
  });

  it('lets exactly one of two concurrent answers to the same step win', async () => {
    const { session, token, turn } = await startInterview();
    await submitAnswer(session.id, token, { questionId: 'consent', value: 'agree', step: turn.step });
    const results = await Promise.all([
      submitAnswer(session.id, token, { questionId: 'age_years', value: 30, step: 1 }),
      submitAnswer(session.id, token, { questionId: 'age_years', value: 70, step: 1 }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['stale_step']);
    const { entries } = await dumpDb();
    expect(entries.filter((e) => e.role === 'patient' && e.questionId === 'age_years')).toHaveLength(1);
    expect(entries.filter((e) => e.role === 'assistant' && e.step === 2)).toHaveLength(1);
  });

  it('keeps the transcript whole when answers race revisions of the same interview', async () => {
    const { session, token, turn } = await startInterview();
    let at = turn;
    for (const questionId of ['consent', 'age_years', 'pain_region'] as const) {
      const r = await submitAnswer(session.id, token, { questionId, value: SELF_CARE[questionId], step: at.step });
      if (!r.ok) throw new Error(r.error.message);
      at = r.turn;
    }
    // A write lost the race when the turn it was refused with is not the turn the round started from: a write of the
    // same round, in flight at the same time, moved the interview first. Counted so the test proves races happened.
    let lostToRacingWrite = 0;
    let revised = 0;
    for (let round = 0; round < 15; round++) {
      const before = await loadInterview(session.id, token);
      if (!before.ok) throw new Error(before.error.message);
      const [first, revision, ...answers] = await Promise.all([
        submitAnswer(session.id, token, { questionId: 'emergency_signs', value: ['none'], step: 3 }),
        reviseAnswer(session.id, token, 'age_years'),
        submitAnswer(session.id, token, { questionId: 'age_years', value: 40 + (round % 3) }),
        submitAnswer(session.id, token, { questionId: 'pain_region', value: ['lower_back'] }),
        submitAnswer(session.id, token, { questionId: 'emergency_signs', value: ['none'] }),
      ]);
      if (revision.ok) revised += 1;
      for (const r of [first, ...answers]) {
        if (r.ok) continue;
        // Losing a race is a 409 with the current turn, never an error of another kind.
        expect(['stale_step', 'not_current_question']).toContain(r.error.code);
        const refusedAt = 'turn' in r.error ? r.error.turn : before.turn;
        if (refusedAt.step !== before.turn.step || refusedAt.question?.id !== before.turn.question?.id) lostToRacingWrite += 1;
      }
    }
    expect(revised).toBeGreaterThan(0);
    expect(lostToRacingWrite).toBeGreaterThan(0);
    const { interviews: [row], entries } = await dumpDb();
    const live = entries.filter((e) => !e.supersededAt);
    const answers = live.filter((e) => e.role === 'patient').sort((a, b) => a.step - b.step);
    const asked = live.filter((e) => e.role === 'assistant').sort((a, b) => a.step - b.step);
    // One live answer per step from 0 with no gap, each to the question asked at that step, the next one asked.
    expect(answers.map((e) => e.step)).toEqual(answers.map((_, i) => i));
    expect(asked.map((e) => e.step)).toEqual([...answers.map((_, i) => i), answers.length]);
    for (const a of answers) expect(a.questionId).toBe(asked[a.step]!.questionId);
    expect(row!.step).toBe(answers.length);
    const loaded = await loadInterview(session.id, token);
    expect(loaded.ok && loaded.turn).toMatchObject({ step: answers.length, question: { id: asked.at(-1)!.questionId } });
  });

  it('decides on the database, not on what this process last saw, once another server has moved the interview on', async () => {
    const { session, token, turn } = await startInterview();
    const first = await submitAnswer(session.id, token, { questionId: 'consent', value: 'agree', step: turn.step });
    const stale = recall(session.id)!;
    expect(stale.answers).toHaveLength(1);
    // Another server answers two questions; this process still remembers the interview at step 1.
    await submitAnswer(session.id, token, { questionId: 'age_years', value: 40, step: 1 });
    await submitAnswer(session.id, token, { questionId: 'pain_region', value: ['lower_back'], step: 2 });
    remember(session.id, stale);
    // At step 1 the old state would call this stale_step; the database is at step 3, where it is the next answer.
    const next = await submitAnswer(session.id, token, { questionId: 'emergency_signs', value: ['none'], step: 3 });
    expect(next).toMatchObject({ ok: true, turn: { step: 4 } });
    // And an answer the old state would accept is refused, because the database has moved past it.
    remember(session.id, stale);
    const late = await submitAnswer(session.id, token, { questionId: 'age_years', value: 70, step: 1 });
    expect(late).toMatchObject({ ok: false, error: { code: 'stale_step', turn: { step: 4 } } });
    const { entries } = await dumpDb();
    expect(entries.filter((e) => e.role === 'patient').map((e) => [e.questionId, e.value])).toEqual([
      ['consent', 'agree'],
      ['age_years', 40],
      ['pain_region', ['lower_back']],
      ['emergency_signs', ['none']],
    ]);
    expect(first.ok).toBe(true);
  });

  it('refuses invalid answers, wrong questions and answers after the end without changing anything', async () => {
    const { session, token, turn } = await startInterview();
    const before = await dumpDb();
    expect(await submitAnswer(session.id, token, { questionId: 'consent', value: 'maybe', step: turn.step })).toMatchObject({
      ok: false,
      error: { code: 'invalid_answer', questionId: 'consent', allowed: ['agree', 'decline'] },
    });
    expect(await submitAnswer(session.id, token, { questionId: 'age_years', value: 40 })).toMatchObject({
      ok: false,
      error: { code: 'not_current_question', turn: { question: { id: 'consent' } } },
    });
    expect(await submitAnswer(session.id, `${token}x`, { questionId: 'consent', value: 'agree' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await dumpDb()).toEqual(before);

    await submitAnswer(session.id, token, { questionId: 'consent', value: 'decline', step: 0 });
    const finished = await dumpDb();
    expect(finished.interviews[0]!.status).toBe('declined');
    expect(await submitAnswer(session.id, token, { questionId: 'age_years', value: 40, step: 1 })).toMatchObject({
      ok: false,
      error: { code: 'interview_finished' },
    });
    expect(await dumpDb()).toEqual(finished);
  });

  it('ends at once on an emergency answer and stores the fired rules', async () => {
    const { session, token, turn } = await startInterview();
    const end = await answerAll(session.id, token, { ...SELF_CARE, emergency_signs: ['chest_pain'] }, turn);
    expect(end).toMatchObject({ status: 'complete', step: 4, outcome: { disposition: 'emergency_ambulance', gate: 'none', rules: ['R01_chest_pain'] } });
    expect(end.outcome?.plan).toBeUndefined();
  });

  it('changes an earlier answer from the outcome: later answers are superseded, kept and replaced', async () => {
    const { session, token, turn } = await startInterview();
    const emergency = await answerAll(session.id, token, { ...SELF_CARE, emergency_signs: ['chest_pain'] }, turn);
    expect(emergency.outcome?.disposition).toBe('emergency_ambulance');

    const revised = await reviseAnswer(session.id, token, 'pain_region');
    expect(revised).toMatchObject({ ok: true, turn: { step: 2, status: 'asking', question: { id: 'pain_region' } } });
    if (!revised.ok) return;
    const end = await answerAll(session.id, token, SELF_CARE, revised.turn);
    expect(end.outcome?.disposition).toBe('self_care');

    const loaded = await loadInterview(session.id, token);
    if (!loaded.ok) throw new Error('load failed');
    const superseded = loaded.transcript.filter((e) => e.supersededAt);
    expect(superseded.filter((e) => e.role === 'patient').map((e) => e.questionId)).toEqual([
      'pain_region',
      'emergency_signs',
    ]);
    expect(superseded.find((e) => e.questionId === 'emergency_signs' && e.role === 'patient')?.value).toEqual(['chest_pain']);
    const live = loaded.transcript.filter((e) => !e.supersededAt && e.role === 'patient');
    expect(live).toHaveLength(end.step);
    const { interviews } = await dumpDb();
    expect(interviews[0]).toMatchObject({ status: 'complete', disposition: 'self_care' });
  });

  it('refuses to revise a question that was never answered, changing nothing', async () => {
    const { session, token } = await startInterview();
    await submitAnswer(session.id, token, { questionId: 'consent', value: 'agree', step: 0 });
    const before = await dumpDb();
    expect(await reviseAnswer(session.id, token, 'floor_ok')).toMatchObject({ ok: false, error: { code: 'not_current_question' } });
    expect(await reviseAnswer(session.id, token, 'age_years')).toMatchObject({ ok: true, turn: { question: { id: 'age_years' } } });
    expect(await dumpDb()).toEqual(before);
  });
});
