import type { Coding } from '@medplum/fhirtypes';
import type { Cond } from '../protocol/conditions';
import type { Protocol } from '../protocol/define';
import type { QuestionId } from '../protocol/types';
import { protocolFor } from '../protocol/versions';
import { all, answerIn, any, not, numberIs, type Condition } from './fhir-conditions';
import type { FhirProtocol } from './fhir-questionnaire';

/**
 * Published codes (LOINC) beside the protocol's own linkIds, only where a published source confirms them; docs/api.md
 * says which, and why no others. Question ids keep their meaning across versions, so one table serves them all.
 */
const QUESTION_CODES: Partial<Record<QuestionId, Coding[]>> = {
  age_years: [{ system: 'http://loinc.org', code: '21612-7' }],
  pregnancy: [{ system: 'http://loinc.org', code: '82810-3', display: 'Pregnancy status' }],
};

/**
 * A protocol condition in the forms a Questionnaire can carry. Those forms are false while a question is unanswered;
 * the protocol's are unknown, and both fire only when true, so every form maps across except a negation, which is
 * written as the answers it leaves (answered, and one of the others), never as "not", which would hold while unanswered.
 */
function toCondition(p: Protocol, c: Cond): Condition {
  if ('all' in c) return all(...c.all.map((x) => toCondition(p, x)));
  if ('any' in c) return any(...c.any.map((x) => toCondition(p, x)));
  if ('has' in c) return answerIn(c.has, ...c.anyOf);
  if ('is' in c) return answerIn(c.is, ...c.anyOf);
  if ('num' in c) {
    const bounds = [
      ...(c.atLeast === undefined ? [] : [numberIs(c.num, '>=', c.atLeast)]),
      ...(c.below === undefined ? [] : [numberIs(c.num, '<', c.below)]),
    ];
    return bounds.length === 1 ? bounds[0]! : all(...bounds);
  }
  const inner = c.not;
  if ('is' in inner) {
    const others = (p.question(inner.is).options ?? []).map((o) => o.value).filter((v) => !inner.anyOf.includes(v));
    return answerIn(inner.is, ...others);
  }
  throw new Error(`protocol ${p.id}: a negation of ${JSON.stringify(inner)} has no FHIR form yet`);
}

function fhirProtocolOf(p: Protocol): FhirProtocol {
  const rules = p.content.rules.map((r) => ({ id: r.id, disposition: r.disposition, condition: toCondition(p, r.when) }));
  // Self-care is still the outcome: no disposition rule fires.
  const selfCareStill = not(any(...rules.map((r) => r.condition)));
  const askedWhen: FhirProtocol['askedWhen'] = {};
  for (const q of p.content.questions) {
    if (q.askedWhen) askedWhen[q.id] = toCondition(p, q.askedWhen);
    else if (q.selfCareOnly) askedWhen[q.id] = selfCareStill;
  }
  return {
    version: p.id,
    date: p.released,
    questions: p.content.questions,
    rules,
    earlyExit: ['emergency_ambulance', 'emergency'],
    askedWhen,
    consent: { question: 'consent', code: 'agree' },
    questionCodes: QUESTION_CODES,
  };
}

const byVersion = new Map<string, FhirProtocol>();

/** The FHIR view of a protocol version (its Questionnaire's content), built once per version. */
export function fhirProtocol(version: string): FhirProtocol {
  let built = byVersion.get(version);
  if (!built) {
    built = fhirProtocolOf(protocolFor(version));
    byVersion.set(version, built);
  }
  return built;
}
