import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb } from '@/db/client';
import { GET as detailRoute } from '@/app/api/v1/clinician/interviews/[id]/route';
import { GET as exportRoute } from '@/app/api/v1/clinician/interviews/[id]/export.json/route';
import { POST as reviewRoute } from '@/app/api/v1/clinician/interviews/[id]/reviews/route';
import { GET as reportRoute } from '@/app/api/v1/clinician/report/route';
import { getInterviewDetail } from '@/lib/clinician/detail';
import { protocolReport } from '@/lib/clinician/report';
import { addReview } from '@/lib/clinician/reviews';
import { reviseAnswer, submitAnswer } from '@/lib/interview/service';
import { protocolFor } from '@/lib/protocol/versions';
import { answerLabel } from '@/lib/protocol/words';

const bp2 = protocolFor('bp-2');
import { SELF_CARE } from '../support/answers';
import { auditLog, expectError, makeAccount, params, playInterview, req, tokenFor } from '../support/clinician';
import { resetDb } from '../support/db';

beforeEach(resetDb);
afterAll(closeDb);

const CAUDA_EQUINA = { consent: 'agree', age_years: 50, pain_region: ['lower_back'], emergency_signs: ['none'], nerve_emergency_signs: ['bladder_bowel'] };
const OLDER_SELF_CARE = { ...SELF_CARE, age_years: 70 };
const NERVE = { ...SELF_CARE, sensations: ['tingling'] };

describe('interview detail', () => {
  it('shows the transcript as the patient saw it, superseded answers with their time, fired rules with reasons and sources', async () => {
    const viewer = { ...(await makeAccount()), address: '10.2.2.2' };
    const played = await playInterview(SELF_CARE);
    // The patient changes their severity answer from the outcome page, then answers the rest again.
    const revised = await reviseAnswer(played.id, played.token, 'pain_severity');
    expect(revised.ok).toBe(true);
    let turn = revised.ok ? revised.turn : undefined;
    const again = { ...SELF_CARE, pain_severity: 'mild' } as Record<string, unknown>;
    while (turn?.status === 'asking' && turn.question) {
      const r = await submitAnswer(played.id, played.token, { questionId: turn.question.id, value: again[turn.question.id], step: turn.step });
      turn = r.ok ? r.turn : undefined;
    }
    expect(turn?.status).toBe('complete');

    const detail = await getInterviewDetail(played.id, viewer);
    expect(detail).toBeDefined();
    const d = detail!;
    expect(d.session).toMatchObject({ id: played.id, code: played.code, status: 'complete', disposition: 'self_care', gate: 'standard' });
    expect(d.protocolVersion).toBe('bp-2');
    const superseded = d.transcript.filter((e) => e.supersededAt);
    expect(superseded.find((e) => e.role === 'patient' && e.questionId === 'pain_severity')).toMatchObject({
      text: answerLabel(bp2, 'pain_severity', 'moderate'),
      value: 'moderate',
      question: bp2.question('pain_severity').prompt,
    });
    expect(superseded.every((e) => !Number.isNaN(Date.parse(e.supersededAt!)))).toBe(true);
    const live = d.answers.find((a) => a.questionId === 'pain_severity');
    expect(live).toMatchObject({ value: 'mild' });
    expect(d.answers.map((a) => a.questionId)).toEqual(Object.keys(SELF_CARE));
    expect(d.answers.find((a) => a.questionId === 'pain_region')).toMatchObject({ label: 'Lower back', value: ['lower_back'] });
    expect(d.firedRules.map((r) => r.id)).toEqual(['R30_no_flags', 'G4_standard']);
    const r30 = d.firedRules[0]!;
    expect(r30).toMatchObject({ kind: 'disposition', leadsTo: 'self_care', condition: 'none of R01-R29 or R31 fired' });
    expect(r30.sources).toEqual([bp2.content.sources.nice_ng59]);
    expect(d.plan?.steps.length).toBeGreaterThanOrEqual(2);
    expect(d.reviews).toEqual([]);
    expect((await auditLog()).filter((e) => e.action === 'interview.viewed')).toEqual([
      expect.objectContaining({ actorId: viewer.id, targetId: played.id, address: '10.2.2.2' }),
    ]);
  });

  it('answers 404 for an unknown or malformed id, and serves a JSON download audited as an export', async () => {
    const token = await tokenFor(await makeAccount());
    const played = await playInterview(CAUDA_EQUINA);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      await expectError(await detailRoute(req(`/api/v1/clinician/interviews/${id}`, { token }), params({ id })), 404, 'not_found');
    }
    const res = await detailRoute(req(`/api/v1/clinician/interviews/${played.id}`, { token }), params({ id: played.id }));
    const body = await res.json();
    expect(body.session.disposition).toBe('emergency');
    expect(body.firedRules[0]).toMatchObject({ id: 'R05_cauda_equina', reason: expect.stringContaining('cauda equina') });
    expect(body.firedRules[0].sources.map((s: { id: string }) => s.id)).toEqual(['ces_card', 'nice_ng59', 'nhs_sciatica']);

    const download = await exportRoute(req(`/api/v1/clinician/interviews/${played.id}/export.json`, { token }), params({ id: played.id }));
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="knotwise-interview-${played.code}.json"`);
    expect((await download.json()).session.id).toBe(played.id);
    expect((await auditLog()).filter((e) => e.action === 'interview.exported').map((e) => e.detail)).toEqual([{ format: 'json' }]);
  });
});

describe('reviews and the protocol report', () => {
  it('records verdicts with notes, refuses bad ones, and lists them with the reviewer', async () => {
    const ann = await makeAccount({ name: 'Dr Ann' });
    const token = await tokenFor(ann);
    const done = await playInterview(CAUDA_EQUINA);
    const unfinished = await playInterview({ consent: 'agree' });
    const post = (id: string, body: unknown) => reviewRoute(req(`/api/v1/clinician/interviews/${id}/reviews`, { method: 'POST', token, body }), params({ id }));

    const ok = await post(done.id, { verdict: 'over_triaged', note: 'Bladder symptoms were long-standing.' });
    expect(ok.status).toBe(201);
    expect((await ok.json()).review).toMatchObject({ verdict: 'over_triaged', note: 'Bladder symptoms were long-standing.', clinician: { id: ann.id, name: 'Dr Ann' } });
    expect((await post(done.id, { verdict: 'agree' })).status).toBe(201);

    await expectError(await post(done.id, { verdict: 'maybe' }), 400, 'invalid_body');
    await expectError(await post(done.id, { verdict: 'agree', note: 'x'.repeat(2001) }), 400, 'invalid_body');
    await expectError(await post(done.id, { verdict: 'agree', extra: 1 }), 400, 'invalid_body');
    await expectError(await post(unfinished.id, { verdict: 'agree' }), 409, 'not_finished');
    await expectError(await post('00000000-0000-4000-8000-000000000000', { verdict: 'agree' }), 404, 'not_found');
    expect((await post(done.id, { verdict: 'under_triaged', note: 'y'.repeat(2000) })).status).toBe(201);

    const detail = await getInterviewDetail(done.id, { ...ann, address: '10.0.0.1' });
    expect(detail!.reviews.map((r) => r.verdict)).toEqual(['over_triaged', 'agree', 'under_triaged']);
    const added = (await auditLog()).filter((e) => e.action === 'review.added');
    expect(added).toHaveLength(3);
    // The audit keeps the verdict, not the clinical note.
    expect(JSON.stringify(added)).not.toContain('Bladder');
  });

  it('counts, per rule R01-R30 and G1-G4, times fired, reviewed and disagreed', async () => {
    const a = { ...(await makeAccount()), address: '10.0.0.1' };
    const b = { ...(await makeAccount()), address: '10.0.0.2' };
    const cauda = await playInterview(CAUDA_EQUINA);
    const older = await playInterview(OLDER_SELF_CARE);
    const plain = await playInterview(SELF_CARE);
    const nerve = await playInterview(NERVE);
    await playInterview({ consent: 'decline' });
    await playInterview({ consent: 'agree', age_years: 30 });

    await addReview(cauda.id, a, { verdict: 'over_triaged' });
    await addReview(cauda.id, b, { verdict: 'agree' });
    await addReview(older.id, a, { verdict: 'under_triaged', note: 'Should have seen a GP.' });
    await addReview(nerve.id, b, { verdict: 'agree' });
    void plain;

    const report = await protocolReport();
    expect(report.protocolVersion).toBe('bp-2');
    expect(report.rules.map((r) => r.id)).toEqual(bp2.rules.map((r) => r.id));
    expect(report.rules).toHaveLength(35);
    expect(report.interviews).toBe(4);
    expect(report.reviewedInterviews).toBe(3);
    const row = (id: string) => report.rules.find((r) => r.id === id);
    expect(row('R05_cauda_equina')).toMatchObject({ kind: 'disposition', leadsTo: 'emergency', fired: 1, reviewed: 1, agree: 1, overTriaged: 1, underTriaged: 0, disagreed: 1 });
    expect(row('R30_no_flags')).toMatchObject({ fired: 2, reviewed: 1, agree: 0, underTriaged: 1, disagreed: 1 });
    expect(row('G1_older_adult')).toMatchObject({ kind: 'gate', leadsTo: 'gentle', fired: 1, reviewed: 1, underTriaged: 1, disagreed: 1 });
    expect(row('G4_standard')).toMatchObject({ fired: 1, reviewed: 0, disagreed: 0 });
    expect(row('R21_nerve_symptoms')).toMatchObject({ leadsTo: 'consultation', fired: 1, reviewed: 1, agree: 1, disagreed: 0 });
    expect(row('R01_chest_pain')).toMatchObject({ fired: 0, reviewed: 0, disagreed: 0 });

    const token = await tokenFor(a);
    const api = await reportRoute(req('/api/v1/clinician/report', { token }));
    expect((await api.json()).rules).toEqual(report.rules);
    const empty = await (await reportRoute(req('/api/v1/clinician/report?to=2000-01-01', { token }))).json();
    expect(empty).toMatchObject({ interviews: 0, to: '2000-01-01' });
    await expectError(await reportRoute(req('/api/v1/clinician/report?from=yesterday', { token })), 400, 'invalid_query');
  });
});
