import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closeDb } from '@/db/client';
import { GET as fhirRoute } from '@/app/api/v1/clinician/interviews/[id]/fhir/route';
import { GET as questionnaireRoute } from '@/app/api/v1/clinician/questionnaire/route';
import type { Bundle, Questionnaire as Q, QuestionnaireItem as QItem, QuestionnaireResponse as QR, RiskAssessment as RA } from '@/lib/clinician/fhir';
import { reviseAnswer } from '@/lib/interview/service';
import { NEWEST_VERSION, protocolFor } from '@/lib/protocol/versions';
import type { Answers } from '@/lib/protocol/types';
import { SELF_CARE } from '../support/answers';
import { auditLog, makeAccount, params, playInterview, req, tokenFor } from '../support/clinician';
import { resetDb } from '../support/db';
import { CollectionBundle, Questionnaire, QuestionnaireResponse, RiskAssessment } from '../support/fhir-r4';

// New interviews and the Questionnaire route default to the newest version.
const protocol = protocolFor(NEWEST_VERSION);
const asks = (id: Parameters<typeof protocol.asks>[0], answers: Answers) => protocol.asks(id, answers);

let token = '';
beforeAll(async () => {
  await resetDb();
  token = await tokenFor(await makeAccount());
});
afterAll(closeDb);

async function exportBundle(id: string): Promise<Bundle> {
  const res = await fhirRoute(req(`/api/v1/clinician/interviews/${id}/fhir`, { token }), params({ id }));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
  return (await res.json()) as Bundle;
}

function valid<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  expect(parsed.success ? '' : z.prettifyError(parsed.error)).toBe('');
  return parsed.data as T;
}

const resources = (b: Bundle) => ({
  response: b.entry.find((e) => e.resource.resourceType === 'QuestionnaireResponse')?.resource as QR,
  risk: b.entry.find((e) => e.resource.resourceType === 'RiskAssessment')?.resource as RA | undefined,
  questionnaire: b.entry.find((e) => e.resource.resourceType === 'Questionnaire')?.resource as Q,
});

/** FHIR's enableWhen semantics (R4 Questionnaire.item.enableWhen) evaluated against a response's answers. */
function enabled(item: QItem, response: QR): boolean {
  if (!item.enableWhen) return true;
  const results = item.enableWhen.map((w) => {
    const answers = response.item?.find((i) => i.linkId === w.question)?.answer ?? [];
    return answers.some((a) => {
      if (w.answerCoding) return w.operator === '=' && a.valueCoding?.code === w.answerCoding.code && a.valueCoding.system === w.answerCoding.system;
      const v = a.valueInteger;
      const x = w.answerInteger!;
      if (v === undefined) return false;
      return { '=': v === x, '!=': v !== x, '>': v > x, '<': v < x, '>=': v >= x, '<=': v <= x, exists: true }[w.operator];
    });
  });
  return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/** What a response must satisfy against its Questionnaire: linkIds, answer types, options, ranges, repeats, order. */
function checkAgainstQuestionnaire(response: QR, questionnaire: Q) {
  expect(response.questionnaire).toBe(`${questionnaire.url}|${questionnaire.version}`);
  const items = new Map(questionnaire.item.map((i) => [i.linkId, i]));
  let lastIndex = -1;
  for (const answered of response.item ?? []) {
    const item = items.get(answered.linkId);
    expect(item, `linkId ${answered.linkId} is in the Questionnaire`).toBeDefined();
    const index = questionnaire.item.indexOf(item!);
    expect(index, 'items keep the Questionnaire order').toBeGreaterThan(lastIndex);
    lastIndex = index;
    expect(enabled(item!, response), `${item!.linkId} answered while disabled`).toBe(true);
    if (!item!.repeats) expect(answered.answer, `qrs-2: ${item!.linkId} does not repeat`).toHaveLength(1);
    for (const a of answered.answer) {
      if (item!.type === 'integer') {
        expect(Number.isInteger(a.valueInteger)).toBe(true);
        const min = item!.extension?.find((e) => e.url.endsWith('/minValue'))?.valueInteger;
        const max = item!.extension?.find((e) => e.url.endsWith('/maxValue'))?.valueInteger;
        expect(a.valueInteger).toBeGreaterThanOrEqual(min!);
        expect(a.valueInteger).toBeLessThanOrEqual(max!);
      } else {
        expect(a.valueCoding).toBeDefined();
        expect(item!.answerOption?.map((o) => o.valueCoding)).toContainEqual(a.valueCoding);
      }
    }
  }
}

describe('the protocol as a FHIR R4 Questionnaire', () => {
  it('is a valid Questionnaire with one item per question, codings for options, and enableWhen that matches "asked when"', async () => {
    const res = await questionnaireRoute(req('/api/v1/clinician/questionnaire', { token }));
    const q = valid(Questionnaire, await res.json()) as unknown as Q;
    expect(q.item.map((i) => i.linkId)).toEqual(protocol.questionIds);
    expect({ url: q.url, version: q.version, id: q.id }).toEqual({ url: 'https://knotwise.invalid/fhir/Questionnaire/knotwise-back-pain', version: 'bp-2', id: 'knotwise-bp-2' });
    expect(q.item.find((i) => i.linkId === 'pain_region')).toMatchObject({ type: 'choice', repeats: true });
    expect(q.item.find((i) => i.linkId === 'age_years')).toMatchObject({ type: 'integer' });
    expect(q.item.find((i) => i.linkId === 'blood_thinners')!.answerOption![0]!.valueCoding).toEqual({
      system: 'https://knotwise.invalid/fhir/CodeSystem/bp-2-blood_thinners',
      code: 'anticoagulant',
      display: expect.any(String),
    });
    // The enableWhen conditions agree with the interview's own predicates on every relevant answer.
    const fake = (answers: Answers): QR => ({
      resourceType: 'QuestionnaireResponse', id: 'x', identifier: { system: 's', value: 'v' }, questionnaire: '', status: 'completed',
      subject: {}, authored: '2026-01-01',
      item: Object.entries(answers).map(([linkId, value]) => ({
        linkId,
        answer: (Array.isArray(value) ? value : [value]).map((v) =>
          typeof v === 'number' ? { valueInteger: v } : { valueCoding: q.item.find((i) => i.linkId === linkId)!.answerOption!.find((o) => o.valueCoding.code === v)!.valueCoding },
        ),
      })),
    });
    const item = (id: string) => q.item.find((i) => i.linkId === id)!;
    for (const age of [0, 11, 12, 30, 55, 56, 120]) {
      expect(enabled(item('pregnancy'), fake({ age_years: age })), `age ${age}`).toBe(asks('pregnancy', { age_years: age }));
    }
    for (const d of ['under_2_weeks', '2_to_6_weeks', '6_to_12_weeks', 'over_12_weeks'] as const) {
      expect(enabled(item('previously_assessed'), fake({ pain_duration: d })), d).toBe(asks('previously_assessed', { pain_duration: d }));
    }
    for (const regions of [['neck'], ['upper_back'], ['neck', 'upper_back']] as Answers['pain_region'][]) {
      expect(enabled(item('movement_related'), fake({ pain_region: regions }))).toBe(asks('movement_related', { pain_region: regions }));
    }
  });
});

describe('FHIR export of real interviews', () => {
  it('exports a finished self-care interview as a valid Bundle: QuestionnaireResponse, RiskAssessment, Questionnaire', async () => {
    const played = await playInterview({ ...SELF_CARE, pain_region: ['upper_back', 'lower_back'], movement_related: 'yes', pain_duration: 'over_12_weeks', previously_assessed: 'yes' });
    const bundle = valid(CollectionBundle, await exportBundle(played.id)) as unknown as Bundle;
    const { response, risk, questionnaire } = resources(bundle);
    valid(QuestionnaireResponse, response);
    valid(RiskAssessment, risk);
    valid(Questionnaire, questionnaire);
    checkAgainstQuestionnaire(response, questionnaire);

    expect(response).toMatchObject({ id: played.id, status: 'completed', identifier: { value: played.code } });
    expect(response.item!.map((i) => i.linkId)).toEqual([
      'consent', 'age_years', 'pain_region', 'emergency_signs', 'nerve_emergency_signs', 'general_signs', 'medical_history', 'blood_thinners',
      'onset', 'sensations', 'movement_related', 'pain_duration', 'pain_trend', 'previously_assessed', 'pain_severity', 'pregnancy',
      'massage_cautions', 'massage_reaction', 'equipment', 'floor_ok',
    ]);
    expect(response.item!.find((i) => i.linkId === 'age_years')!.answer).toEqual([{ valueInteger: 40 }]);
    expect(response.item!.find((i) => i.linkId === 'pain_region')!.answer.map((a) => a.valueCoding!.code)).toEqual(['upper_back', 'lower_back']);
    expect(response.item!.find((i) => i.linkId === 'pain_region')!.answer[0]!.valueCoding!.display).toMatch(/^Upper back/);

    expect(risk).toMatchObject({
      status: 'final',
      basis: [{ reference: `urn:uuid:${played.id}` }],
      prediction: [{ outcome: { coding: [{ code: 'self_care' }] }, rationale: expect.stringContaining('R30_no_flags') }],
    });
    expect(risk!.note!.map((n) => n.text)).toContain('Massage gate: standard (G4_standard).');
    // Every reference inside the bundle resolves to an entry.
    const urls = new Set(bundle.entry.map((e) => e.fullUrl));
    for (const ref of risk!.basis) expect(urls.has(ref.reference!)).toBe(true);
    expect(bundle.entry.find((e) => e.resource === risk)!.fullUrl).toBe(`urn:uuid:${risk!.id}`);
    // Re-exporting gives the same resource ids (new bundle id and time).
    const again = resources(await exportBundle(played.id));
    expect(again.risk!.id).toBe(risk!.id);
    expect((await auditLog()).filter((e) => e.action === 'interview.exported' && e.targetId === played.id).map((e) => e.detail)).toEqual([
      { format: 'fhir' },
      { format: 'fhir' },
    ]);
  });

  it('exports an early-exit emergency with the rules that fired, and leaves superseded answers out', async () => {
    const played = await playInterview({ consent: 'agree', age_years: 72, pain_region: ['lower_back'], emergency_signs: ['none'], nerve_emergency_signs: ['none'] });
    const revised = await reviseAnswer(played.id, played.token, 'nerve_emergency_signs');
    expect(revised.ok).toBe(true);
    const finished = await playInterview({}); // an unrelated interview in between must not leak in
    void finished;
    const { submitAnswer } = await import('@/lib/interview/service');
    const r = await submitAnswer(played.id, played.token, { questionId: 'nerve_emergency_signs', value: ['saddle_numbness', 'both_legs'] });
    expect(r.ok && r.turn.status).toBe('complete');

    const bundle = valid(CollectionBundle, await exportBundle(played.id)) as unknown as Bundle;
    const { response, risk, questionnaire } = resources(bundle);
    checkAgainstQuestionnaire(response, questionnaire);
    const nerve = response.item!.filter((i) => i.linkId === 'nerve_emergency_signs');
    expect(nerve).toHaveLength(1);
    expect(nerve[0]!.answer.map((a) => a.valueCoding!.code)).toEqual(['saddle_numbness', 'both_legs']);
    expect(risk!.prediction[0]!.outcome.coding![0]!.code).toBe('emergency');
    expect(risk!.prediction[0]!.rationale).toMatch(/R05_cauda_equina.*R06_both_legs/);
  });

  it('exports an unfinished interview as an in-progress response without a RiskAssessment', async () => {
    const played = await playInterview({ consent: 'agree', age_years: 33 });
    const bundle = valid(CollectionBundle, await exportBundle(played.id)) as unknown as Bundle;
    const { response, risk } = resources(bundle);
    expect(response.status).toBe('in-progress');
    expect(risk).toBeUndefined();
    expect(response.item!.map((i) => i.linkId)).toEqual(['consent', 'age_years']);
    const fresh = await playInterview({});
    const empty = resources(valid(CollectionBundle, await exportBundle(fresh.id)) as unknown as Bundle);
    expect(empty.response.item).toBeUndefined();
  });

  it('the schemas catch what R4 forbids (so the checks above can fail)', () => {
    const base = { resourceType: 'QuestionnaireResponse', status: 'completed' };
    expect(QuestionnaireResponse.safeParse({ ...base, status: 'done' }).success).toBe(false);
    expect(QuestionnaireResponse.safeParse({ ...base, item: [{ linkId: 'a', answer: [{ valueCoding: { code: 'x' }, valueInteger: 1 }] }] }).success).toBe(false);
    expect(QuestionnaireResponse.safeParse({ ...base, item: [{ linkId: 'a', answer: [] }] }).success).toBe(false);
    expect(QuestionnaireResponse.safeParse({ ...base, authored: '2026-13-01' }).success).toBe(false);
    expect(QuestionnaireResponse.safeParse({ ...base, answer: [] }).success).toBe(false);
    expect(RiskAssessment.safeParse({ resourceType: 'RiskAssessment', status: 'final' }).success).toBe(false);
    expect(Questionnaire.safeParse({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'integer', answerOption: [{ valueInteger: 1 }] }] }).success).toBe(false);
    expect(Questionnaire.safeParse({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'choice' }, { linkId: 'a', type: 'choice' }] }).success).toBe(false);
  });
});

describe('one Questionnaire per protocol version', () => {
  it('exports an interview against the Questionnaire of its own version, whatever the active one', async () => {
    const played = await playInterview({ ...SELF_CARE, blood_thinners: 'antiplatelet', onset: 'sudden_severe' }, 'bp-1');
    const { response, questionnaire, risk } = resources((await exportBundle(played.id)) as unknown as Bundle);
    expect({ id: questionnaire.id, version: questionnaire.version }).toEqual({ id: 'knotwise-bp-1', version: 'bp-1' });
    expect(response.questionnaire).toBe('https://knotwise.invalid/fhir/Questionnaire/knotwise-back-pain|bp-1');
    checkAgainstQuestionnaire(response, questionnaire);
    // bp-1's outcome for these answers, not what bp-2 would say (R31).
    expect(risk!.prediction[0]!.outcome.coding![0]!.code).toBe('self_care');
  });

  it('serves each version by ?version=, and refuses one it does not have', async () => {
    const bp1 = (await (await questionnaireRoute(req('/api/v1/clinician/questionnaire?version=bp-1', { token }))).json()) as Q;
    expect({ id: bp1.id, version: bp1.version }).toEqual({ id: 'knotwise-bp-1', version: 'bp-1' });
    const res = await questionnaireRoute(req('/api/v1/clinician/questionnaire?version=bp-9', { token }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/bp-1, bp-2/);
  });
});
