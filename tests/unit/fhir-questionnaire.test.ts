/**
 * The Questionnaire's enableWhen and enableWhenExpression against the interview itself: for hundreds of generated
 * patients, a form engine reading the Questionnaire must ask exactly the questions the interview asked, no more (a
 * referral shown the equipment question, a question after an emergency answer) and no fewer. Each patient costs a
 * played interview and two FHIRPath engines on every expression, hence the run counts and the long timeouts.
 */
import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFhirPath } from '@/lib/clinician/fhir-conditions';
import { fhirProtocol } from '@/lib/clinician/fhir-protocol';
import { answerCoding, protocolQuestionnaire, type FhirProtocol } from '@/lib/clinician/fhir-questionnaire';
import { play, type AnswerMap } from '@/lib/interview/play';
import type { Answers, QuestionId } from '@/lib/protocol/types';
import { protocolFor, VERSIONS } from '@/lib/protocol/versions';
import { SELF_CARE } from '../support/answers';
import { enabledLinkIds, isEnabled } from '../support/fhir-questionnaire-check';

// Every version has the same questions; its rules and conditions differ.
const QUESTIONS = VERSIONS[0]!.content.questions;

function responseTo(
  fp: FhirProtocol,
  answers: AnswerMap,
  asked: readonly QuestionId[],
  status: QuestionnaireResponse['status'] = 'completed',
): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    status,
    item: asked.map((id) => {
      const value = answers[id]!;
      return {
        linkId: id,
        answer: (Array.isArray(value) ? value : [value]).map((v) =>
          typeof v === 'number' ? { valueInteger: v } : { valueCoding: answerCoding(fp, id, v) },
        ),
      };
    }),
  };
}

const AGE_BOUNDARIES = [0, 11, 12, 15, 16, 55, 56, 65, 69, 70, 120];

/** Any valid answer to each question, the ones the interview will not ask included. */
const anyAnswers: fc.Arbitrary<AnswerMap> = fc.record(
  Object.fromEntries(
    QUESTIONS.map((q) => {
      const values = (q.options ?? []).map((o) => o.value);
      const others = values.filter((v) => v !== 'none');
      const arbitrary =
        q.kind === 'integer'
          ? fc.oneof(fc.constantFrom(...AGE_BOUNDARIES), fc.integer({ min: q.min ?? 0, max: q.max ?? 120 }))
          : q.kind === 'multi'
            ? fc.oneof(...(values.includes('none') ? [fc.constant(['none'])] : []), fc.shuffledSubarray(others, { minLength: 1 }))
            : fc.constantFrom(...values);
      return [q.id, arbitrary];
    }),
  ) as Record<QuestionId, fc.Arbitrary<AnswerMap[QuestionId]>>,
) as fc.Arbitrary<AnswerMap>;

/** A self-care patient with up to three answers changed: the paths where the last questions are or are not asked. */
const nearSelfCare = fc
  .tuple(anyAnswers, fc.subarray(QUESTIONS.map((q) => q.id), { maxLength: 3 }))
  .map(([random, changed]) => ({ ...random, ...SELF_CARE, ...Object.fromEntries(changed.map((id) => [id, random[id]])) }) as AnswerMap);

const patients = fc.oneof(nearSelfCare, anyAnswers);

describe.each(VERSIONS.map((v) => [v.id] as const))('the %s Questionnaire', (version) => {
  const protocol = protocolFor(version);
  const fp = fhirProtocol(version);
  const questionnaire: Questionnaire = protocolQuestionnaire(fp);

  it('a form engine enables exactly the questions the interview asked, for every generated patient', { timeout: 300_000 }, () => {
    let selfCare = 0;
    let referred = 0;
    fc.assert(
      fc.property(patients, (answers) => {
        const result = play(answers, protocol);
        if ('error' in result) throw new Error(result.error);
        const response = responseTo(fp, answers, result.asked);
        expect(enabledLinkIds(questionnaire, response)).toEqual(result.asked);
        if (result.status === 'complete' && result.outcome.disposition === 'self_care') selfCare++;
        else referred++;
      }),
      { numRuns: 250 },
    );
    // Both sides of the self-care condition were exercised, many times.
    expect(selfCare).toBeGreaterThan(40);
    expect(referred).toBeGreaterThan(40);
  });

  it('while an interview is in progress, the question it is asking is enabled', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(patients, fc.nat(), (answers, cut) => {
        const result = play(answers, protocol);
        if ('error' in result) throw new Error(result.error);
        const sofar = result.asked.slice(0, 1 + (cut % result.asked.length));
        const response = responseTo(fp, answers, sofar.slice(0, -1), 'in-progress');
        const next = sofar.at(-1)!;
        expect(isEnabled(questionnaire.item!.find((i) => i.linkId === next)!, response), next).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('each rule and "asked when" condition agrees with the protocol predicate it translates', { timeout: 300_000 }, () => {
    const evaluate = (expression: string, answers: AnswerMap) =>
      isEnabled(
        {
          linkId: 'probe',
          type: 'display',
          extension: [{ url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression', valueExpression: { language: 'text/fhirpath', expression } }],
        },
        responseTo(fp, answers, QUESTIONS.map((q) => q.id)),
      );
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        for (const rule of protocol.content.rules) {
          const condition = fp.rules.find((r) => r.id === rule.id)!.condition;
          expect(evaluate(toFhirPath(condition), answers), rule.id).toBe(protocol.fires(rule.id, answers as Answers));
        }
        for (const q of protocol.content.questions.filter((x) => x.askedWhen)) {
          expect(evaluate(toFhirPath(fp.askedWhen[q.id]!), answers), q.id).toBe(protocol.asks(q.id, answers as Answers));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('marks "None of these" exclusive, every question required, and carries date, language and experimental', () => {
    expect(questionnaire).toMatchObject({ date: protocol.released, language: 'en', experimental: false, status: 'active', version });
    for (const [index, q] of QUESTIONS.entries()) {
      const item = questionnaire.item![index]!;
      expect(item.linkId).toBe(q.id);
      expect(item.required, q.id).toBe(true);
      for (const option of item.answerOption ?? []) {
        const exclusive = option.extension?.some((e) => e.url === 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive' && e.valueBoolean === true) ?? false;
        expect(exclusive, `${q.id} ${option.valueCoding?.code}`).toBe(q.kind === 'multi' && option.valueCoding?.code === 'none');
      }
    }
    // Only the first question is unconditional; the next three need only consent, which R4's enableWhen can say.
    expect(questionnaire.item!.filter((i) => !i.enableWhen && !i.extension?.some((e) => e.valueExpression)).map((i) => i.linkId)).toEqual(['consent']);
    expect(questionnaire.item!.filter((i) => i.enableWhen).map((i) => i.linkId)).toEqual(['age_years', 'pain_region', 'emergency_signs']);
  });
});
