/**
 * FHIR exports of real interviews, validated by an independent FHIR R4 validator (Medplum's, tests/support/
 * fhir-validator.ts: zero errors and zero warnings) and checked against their Questionnaire the way a form engine
 * reads it (tests/support/fhir-questionnaire-check.ts).
 */
import type { Bundle, OperationOutcome, Questionnaire, QuestionnaireResponse, RiskAssessment } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/db/client';
import { DELETE as fhirDelete, GET as fhirRoute, POST as fhirPost } from '@/app/api/v1/clinician/interviews/[id]/fhir/route';
import { GET as questionnaireRoute, PUT as questionnairePut } from '@/app/api/v1/clinician/questionnaire/route';
import { reviseAnswer, submitAnswer } from '@/lib/interview/service';
import { NEWEST_VERSION, protocolFor } from '@/lib/protocol/versions';
import { SELF_CARE } from '../support/answers';
import { auditLog, makeAccount, params, playInterview, req, tokenFor } from '../support/clinician';
import { resetDb } from '../support/db';
import { enabledLinkIds, responseProblems } from '../support/fhir-questionnaire-check';
import { fhirProblems } from '../support/fhir-validator';

// New interviews and the Questionnaire route default to the newest version.
const QUESTIONS = protocolFor(NEWEST_VERSION).content.questions;

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

const resources = (b: Bundle) => ({
  response: b.entry!.find((e) => e.resource?.resourceType === 'QuestionnaireResponse')!.resource as QuestionnaireResponse,
  risk: b.entry!.find((e) => e.resource?.resourceType === 'RiskAssessment')?.resource as RiskAssessment | undefined,
  questionnaire: b.entry!.find((e) => e.resource?.resourceType === 'Questionnaire')!.resource as Questionnaire,
});

/** Exports an interview and holds it to the validator and to its Questionnaire; returns its resources. */
async function validExport(id: string) {
  const bundle = await exportBundle(id);
  expect(fhirProblems(bundle)).toEqual([]);
  const r = resources(bundle);
  expect(responseProblems(r.questionnaire, r.response)).toEqual([]);
  for (const entry of bundle.entry!) expect((entry.resource as { text?: { status: string } }).text?.status).toBe('generated');
  return { bundle, ...r };
}

const linkIds = (response: QuestionnaireResponse) => (response.item ?? []).map((i) => i.linkId);

describe('the protocol as a FHIR R4 Questionnaire', () => {
  it('passes the validator with no error and no warning, with a narrative, date, language and published codes', async () => {
    const res = await questionnaireRoute(req('/api/v1/clinician/questionnaire', { token }), undefined);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const q = (await res.json()) as Questionnaire;
    expect(fhirProblems(q)).toEqual([]);
    expect(q).toMatchObject({ resourceType: 'Questionnaire', id: 'knotwise-bp-2', url: 'https://knotwise.invalid/fhir/Questionnaire/knotwise-back-pain', version: 'bp-2', language: 'en', experimental: false, date: '2026-12-03' });
    expect(q.text).toMatchObject({ status: 'generated', div: expect.stringContaining(QUESTIONS[1]!.prompt) });
    expect(q.item!.map((i) => i.linkId)).toEqual(QUESTIONS.map((x) => x.id));
    expect(q.item!.find((i) => i.linkId === 'blood_thinners')!.answerOption![0]!.valueCoding).toEqual({
      system: 'https://knotwise.invalid/fhir/CodeSystem/bp-2-blood_thinners',
      code: 'anticoagulant',
      display: expect.any(String),
    });
    expect(q.item!.find((i) => i.linkId === 'age_years')!.code).toEqual([{ system: 'http://loinc.org', code: '21612-7' }]);
    expect(q.item!.find((i) => i.linkId === 'pregnancy')!.code).toEqual([{ system: 'http://loinc.org', code: '82810-3', display: 'Pregnancy status' }]);
  });
});

describe('FHIR export of real interviews', () => {
  it('a self-care interview: QuestionnaireResponse, RiskAssessment and Questionnaire, every question answered', async () => {
    const played = await playInterview({ ...SELF_CARE, pain_region: ['upper_back', 'lower_back'], movement_related: 'yes', pain_duration: 'over_12_weeks', previously_assessed: 'yes' });
    const { bundle, response, risk } = await validExport(played.id);

    expect(response).toMatchObject({ id: played.id, status: 'completed', identifier: { value: played.code }, questionnaire: 'https://knotwise.invalid/fhir/Questionnaire/knotwise-back-pain|bp-2' });
    expect(linkIds(response)).toEqual([
      'consent', 'age_years', 'pain_region', 'emergency_signs', 'nerve_emergency_signs', 'general_signs', 'medical_history', 'blood_thinners',
      'onset', 'sensations', 'movement_related', 'pain_duration', 'pain_trend', 'previously_assessed', 'pain_severity', 'pregnancy',
      'massage_cautions', 'massage_reaction', 'equipment', 'floor_ok',
    ]);
    expect(response.item!.find((i) => i.linkId === 'age_years')!.answer).toEqual([{ valueInteger: 40 }]);
    expect(response.item!.find((i) => i.linkId === 'pain_region')!.answer!.map((a) => a.valueCoding!.code)).toEqual(['upper_back', 'lower_back']);
    expect(response.item!.find((i) => i.linkId === 'pain_region')!.answer![0]!.valueCoding!.display).toMatch(/^Upper back/);

    expect(risk).toMatchObject({
      status: 'final',
      basis: [{ reference: `urn:uuid:${played.id}` }],
      prediction: [{ outcome: { coding: [{ code: 'self_care' }] }, rationale: expect.stringContaining('R30_no_flags') }],
    });
    expect(risk!.note!.map((n) => n.text)).toContain('Massage gate: standard (G4_standard).');
    expect(risk!.text!.div).toContain('R30_no_flags');
    // Every reference inside the bundle resolves to an entry.
    const urls = new Set(bundle.entry!.map((e) => e.fullUrl));
    for (const ref of risk!.basis!) expect(urls.has(ref.reference!)).toBe(true);
    expect(bundle.entry!.find((e) => e.resource === risk)!.fullUrl).toBe(`urn:uuid:${risk!.id}`);
    // Re-exporting gives the same resource ids (new bundle id and time).
    const again = resources(await exportBundle(played.id));
    expect(again.risk!.id).toBe(risk!.id);
    expect((await auditLog()).filter((e) => e.action === 'interview.exported' && e.targetId === played.id).map((e) => e.detail)).toEqual([
      { format: 'fhir' },
      { format: 'fhir' },
    ]);
  });

  it('a referral: the self-care questions were not asked, and the Questionnaire says so; no question was skipped', async () => {
    const played = await playInterview({ ...SELF_CARE, pain_trend: 'worse' });
    const { response, risk, questionnaire } = await validExport(played.id);
    expect(risk!.prediction![0]!.outcome!.coding![0]!.code).toBe('consultation');
    expect(linkIds(response)).not.toContain('equipment');
    expect(linkIds(response)).not.toContain('floor_ok');
    // Not asked: every question without an item is disabled for these answers. Not skipped: every enabled one is answered.
    expect(enabledLinkIds(questionnaire, response)).toEqual(linkIds(response));
    expect(response.text!.div).toContain('Not asked: movement_related, previously_assessed, equipment, floor_ok.');

    // What the two would look like: an answer to a question not asked, and a required question left out.
    const withEquipment: QuestionnaireResponse = {
      ...response,
      item: [...response.item!, { linkId: 'equipment', answer: [{ valueCoding: questionnaire.item!.find((i) => i.linkId === 'equipment')!.answerOption![0]!.valueCoding }] }],
    };
    expect(responseProblems(questionnaire, withEquipment)).toEqual(['equipment: present although not enabled']);
    const skipped: QuestionnaireResponse = { ...response, item: response.item!.filter((i) => i.linkId !== 'pain_severity') };
    expect(responseProblems(questionnaire, skipped)).toEqual(['pain_severity: required, enabled and not answered']);
  });

  it('an emergency early exit after a revised answer: the rules that fired, superseded answers left out', async () => {
    const played = await playInterview({ consent: 'agree', age_years: 72, pain_region: ['lower_back'], emergency_signs: ['none'], nerve_emergency_signs: ['none'] });
    expect((await reviseAnswer(played.id, played.token, 'nerve_emergency_signs')).ok).toBe(true);
    // An unrelated interview answered in between must not leak in: it really holds answers of its own.
    const unrelated = await playInterview({ consent: 'agree', age_years: 33 });
    expect(unrelated.turn).toMatchObject({ status: 'asking', step: 2, question: { id: 'pain_region' } });
    const r = await submitAnswer(played.id, played.token, { questionId: 'nerve_emergency_signs', value: ['saddle_numbness', 'both_legs'] });
    expect(r.ok && r.turn.status).toBe('complete');

    const { response, risk, questionnaire } = await validExport(played.id);
    expect(response.status).toBe('completed');
    expect(response.item!.filter((i) => i.linkId === 'nerve_emergency_signs').map((i) => i.answer!.map((a) => a.valueCoding!.code))).toEqual([
      ['saddle_numbness', 'both_legs'],
    ]);
    expect(linkIds(response)).toEqual(['consent', 'age_years', 'pain_region', 'emergency_signs', 'nerve_emergency_signs']);
    expect(response.item!.find((i) => i.linkId === 'age_years')!.answer).toEqual([{ valueInteger: 72 }]);
    expect(JSON.stringify(response)).not.toContain(unrelated.id);
    expect(JSON.stringify(response)).not.toContain(unrelated.code);
    // Every later question is disabled by the emergency answer: required, yet rightly absent from a completed response.
    expect(enabledLinkIds(questionnaire, response)).toEqual(linkIds(response));
    expect(risk!.prediction![0]!.outcome!.coding![0]!.code).toBe('emergency');
    expect(risk!.prediction![0]!.rationale).toMatch(/R05_cauda_equina.*R06_both_legs/);
  });

  it('an emergency on the first red-flag question ends there', async () => {
    const played = await playInterview({ consent: 'agree', age_years: 50, pain_region: ['upper_back'], emergency_signs: ['chest_pain'] });
    const { response, risk } = await validExport(played.id);
    expect(linkIds(response)).toEqual(['consent', 'age_years', 'pain_region', 'emergency_signs']);
    expect(risk!.prediction![0]!.outcome!.coding![0]!.code).toBe('emergency_ambulance');
  });

  it('a declined consent is a stopped response with only the consent answer, and no RiskAssessment', async () => {
    const played = await playInterview({ consent: 'decline' });
    const { response, risk, questionnaire } = await validExport(played.id);
    expect(response.status).toBe('stopped');
    expect(risk).toBeUndefined();
    expect(linkIds(response)).toEqual(['consent']);
    expect(enabledLinkIds(questionnaire, response)).toEqual(['consent']);
  });

  it('an unfinished interview is an in-progress response without a RiskAssessment', async () => {
    const played = await playInterview({ consent: 'agree', age_years: 33 });
    const { response, risk } = await validExport(played.id);
    expect(response.status).toBe('in-progress');
    expect(risk).toBeUndefined();
    expect(linkIds(response)).toEqual(['consent', 'age_years']);
    const fresh = await playInterview({});
    expect((await validExport(fresh.id)).response.item).toBeUndefined();
  });
});

describe('errors from the FHIR endpoints', () => {
  async function outcome(res: Response, status: number, code: string) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const body = (await res.json()) as OperationOutcome;
    expect(fhirProblems(body)).toEqual([]);
    expect(body.issue).toHaveLength(1);
    expect(body.issue[0]).toMatchObject({ severity: 'error', code, details: { text: expect.stringMatching(/\w+ \w+ \w+/) } });
    return body;
  }

  it('are OperationOutcomes, with the API error code beside the FHIR issue type', async () => {
    const played = await playInterview({ consent: 'agree' });
    const id = played.id;
    const anonymous = await outcome(await fhirRoute(req(`/api/v1/clinician/interviews/${id}/fhir`), params({ id })), 401, 'login');
    expect(anonymous.issue[0]!.details!.coding).toEqual([{ system: 'https://knotwise.invalid/fhir/CodeSystem/api-error', code: 'unauthorized' }]);
    const unknown = '00000000-0000-4000-8000-000000000000';
    await outcome(await fhirRoute(req(`/api/v1/clinician/interviews/${unknown}/fhir`, { token }), params({ id: unknown })), 404, 'not-found');
    await outcome(await questionnaireRoute(req('/api/v1/clinician/questionnaire'), undefined), 401, 'login');
    for (const res of [fhirPost(), fhirDelete(), questionnairePut()]) {
      const refused = await res;
      expect(refused.headers.get('allow')).toContain('GET');
      await outcome(refused, 405, 'not-supported');
    }
  });
});

describe('the validator and the Questionnaire check can fail', () => {
  it('flag what strict tools reject', async () => {
    const played = await playInterview(SELF_CARE);
    const bundle = await exportBundle(played.id);
    const { response, questionnaire } = resources(bundle);
    const problems = (resource: object) => fhirProblems(resource as Bundle);
    expect(problems({ ...response, status: 'done' })).toEqual([expect.stringContaining('"done" is not in')]);
    expect(problems({ ...response, answers: [] })).toEqual([expect.stringContaining('Invalid additional property "answers"')]);
    expect(problems({ ...response, text: undefined })).toEqual([expect.stringMatching(/^warning .*dom-6/)]);
    expect(problems({ ...response, text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>a & b</p></div>' } })).toEqual([
      expect.stringContaining('not well-formed XHTML'),
    ]);
    expect(problems({ ...response, text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><script>x()</script>a</div>' } })).toEqual([
      expect.stringContaining('txt-1: <script>'),
    ]);
    expect(problems({ ...questionnaire, name: 'knotwise screening' })).toEqual([expect.stringMatching(/^warning .*que-0/)]);
    const exclusive = structuredClone(questionnaire);
    exclusive.item![3]!.answerOption!.at(-1)!.extension = [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive', valueString: 'yes' }];
    expect(problems(exclusive)).toEqual([expect.stringContaining('takes valueBoolean, not valueString')]);
    const misplaced = structuredClone(questionnaire);
    misplaced.item![0]!.extension = [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive', valueBoolean: true }];
    expect(problems(misplaced)).toEqual([expect.stringContaining('is not allowed on Questionnaire.item')]);
    const duplicated = { ...bundle, entry: [...bundle.entry!, bundle.entry![0]!] };
    expect(problems(duplicated)).toEqual([expect.stringContaining('bdl-7')]);
    // A question answered twice, and an answer that is not one of the options.
    const twice = { ...response, item: [...response.item!.slice(0, 2), response.item![1]!, ...response.item!.slice(2)] };
    expect(responseProblems(questionnaire, twice)).toContain('age_years: out of the Questionnaire\'s order');
    const odd = structuredClone(response);
    odd.item![7]!.answer![0]!.valueCoding!.code = 'sometimes';
    expect(responseProblems(questionnaire, odd)).toEqual(['blood_thinners: sometimes is not one of its answer options']);
  });
});

describe('one Questionnaire per protocol version', () => {
  it('exports an interview against the Questionnaire of its own version, whatever the active one', async () => {
    const played = await playInterview({ ...SELF_CARE, blood_thinners: 'antiplatelet', onset: 'sudden_severe' }, 'bp-1');
    const bundle = await exportBundle(played.id);
    expect(fhirProblems(bundle)).toEqual([]);
    const resource = <T extends string>(type: T) => bundle.entry!.find((e) => e.resource?.resourceType === type)?.resource;
    const questionnaire = resource('Questionnaire') as Questionnaire;
    const response = resource('QuestionnaireResponse') as QuestionnaireResponse;
    const risk = resource('RiskAssessment') as RiskAssessment;
    expect({ id: questionnaire.id, version: questionnaire.version, date: questionnaire.date }).toEqual({ id: 'knotwise-bp-1', version: 'bp-1', date: '2026-11-21' });
    expect(response.questionnaire).toBe('https://knotwise.invalid/fhir/Questionnaire/knotwise-back-pain|bp-1');
    expect(responseProblems(questionnaire, response)).toEqual([]);
    // bp-1's outcome for these answers (self-care), not what bp-2 would say (R31).
    expect(risk.prediction![0]!.outcome!.coding![0]!.code).toBe('self_care');
    expect(enabledLinkIds(questionnaire, response)).toContain('equipment');
  });

  it('serves each version by ?version=, and refuses one it does not have', async () => {
    const res = await questionnaireRoute(req('/api/v1/clinician/questionnaire?version=bp-1', { token }), undefined);
    const bp1 = (await res.json()) as Questionnaire;
    expect(fhirProblems(bp1)).toEqual([]);
    expect({ id: bp1.id, version: bp1.version }).toEqual({ id: 'knotwise-bp-1', version: 'bp-1' });
    const bad = await questionnaireRoute(req('/api/v1/clinician/questionnaire?version=bp-9', { token }), undefined);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as OperationOutcome).issue![0]!.details!.text).toMatch(/bp-1, bp-2/);
  });
});
