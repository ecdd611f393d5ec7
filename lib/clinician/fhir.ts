import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type {
  Bundle,
  Patient,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Reference,
  RiskAssessment,
} from '@medplum/fhirtypes';
import { audit } from '../audit';
import type { QuestionId } from '../protocol/types';
import { readInterview, type InterviewDetail } from './detail';
import { fhirProtocol } from './fhir-protocol';
import { h, narrative, table } from './fhir-narrative';
import { answerCoding, protocolQuestionnaire, type FhirProtocol } from './fhir-questionnaire';
import { fhirUrls } from './fhir-urls';
import type { Actor } from './types';

export { protocolQuestionnaire, type FhirProtocol } from './fhir-questionnaire';
export { fhirProtocol } from './fhir-protocol';

const DISPOSITION_DISPLAY: Record<string, string> = {
  emergency_ambulance: 'Emergency: call an ambulance now',
  emergency: 'Emergency department now',
  consultation_24: 'See a doctor within 24 hours',
  consultation: 'Book an appointment with a doctor or physiotherapist',
  self_care: 'Self-care with a self-massage plan',
};

/** A stable UUID for a resource derived from an interview, so re-exports carry the same ids. */
function derivedUuid(interviewId: string, kind: string): string {
  const hash = createHash('sha256').update(`${interviewId}:${kind}`).digest('hex');
  const variant = ((parseInt(hash[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-${variant}${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}

const RESPONSE_STATUS = { in_progress: 'in-progress', complete: 'completed', declined: 'stopped' } as const;

/**
 * One item per live answer, in the Questionnaire's order. A question that was not asked has no item: R4's
 * "completed" response keeps only enabled, answered items, and the Questionnaire's enableWhen and enableWhenExpression
 * say, from these answers, which questions were not asked (docs/decisions/0040-fhir-questions-not-asked.md).
 */
function responseItems(protocol: FhirProtocol, detail: InterviewDetail): QuestionnaireResponseItem[] {
  const order = (id: string) => protocol.questions.findIndex((q) => q.id === id);
  return [...detail.answers]
    .sort((a, b) => order(a.questionId) - order(b.questionId))
    .map((a) => {
      const id = a.questionId as QuestionId;
      const values = Array.isArray(a.value) ? a.value : [a.value];
      return {
        linkId: id,
        text: a.question,
        answer: values.map((v) => (typeof v === 'number' ? { valueInteger: v } : { valueCoding: answerCoding(protocol, id, String(v)) })),
      };
    });
}

function responseNarrative(protocol: FhirProtocol, detail: InterviewDetail) {
  const { session, answers } = detail;
  const answered = new Set(answers.map((a) => a.questionId));
  const notAsked = protocol.questions.filter((q) => !answered.has(q.id)).map((q) => q.id);
  const state = {
    in_progress: `In progress: ${answers.length} question(s) answered so far.`,
    complete: 'Completed.',
    declined: 'Stopped: the patient did not consent, so no other question was asked.',
  }[session.status];
  return narrative(
    h('p', h('b', `Interview ${session.code}`), ` (protocol ${session.protocolVersion}). ${state}`),
    ...(answers.length > 0 ? [table(['Question', 'Answer'], answers.map((a) => [a.question, a.label]))] : []),
    ...(notAsked.length > 0 && session.status !== 'in_progress' ? [h('p', `Not asked: ${notAsked.join(', ')}.`)] : []),
  );
}

function riskAssessment(protocol: FhirProtocol, detail: InterviewDetail, subject: Reference<Patient>, completedAt: string): RiskAssessment {
  const urls = fhirUrls(protocol.version);
  const { session } = detail;
  const outcome = detail.outcome!;
  const disposition = DISPOSITION_DISPLAY[outcome.disposition] ?? outcome.disposition;
  const dispositionRules = detail.firedRules.filter((r) => r.kind === 'disposition');
  const gateNote = `Massage gate: ${outcome.gate}${outcome.gateRules.length ? ` (${outcome.gateRules.join(', ')})` : ''}.`;
  const id = derivedUuid(session.id, 'risk-assessment');
  return {
    resourceType: 'RiskAssessment',
    id,
    text: narrative(
      h('p', h('b', `Outcome of interview ${session.code}: ${disposition}`), ` (protocol ${session.protocolVersion}).`),
      table(['Rule', 'Condition', 'Why'], detail.firedRules.map((r) => [r.id, r.condition, r.reason])),
      h('p', gateNote),
      h('p', `Advice given: ${outcome.advice.join(' ')}`),
    ),
    identifier: [{ system: urls.interviewCode, value: session.code }],
    status: 'final',
    method: {
      coding: [{ system: urls.protocol, code: session.protocolVersion, display: `Knotwise back-pain screening protocol ${session.protocolVersion}` }],
    },
    code: { coding: [{ system: urls.assessment, code: 'back-pain-triage', display: 'Back-pain triage' }], text: 'Back-pain triage' },
    subject,
    occurrenceDateTime: completedAt,
    basis: [{ reference: `urn:uuid:${session.id}` }],
    prediction: [
      {
        outcome: { coding: [{ system: urls.disposition, code: outcome.disposition, display: disposition }], text: disposition },
        rationale: dispositionRules.map((r) => `${r.id} (${r.condition}): ${r.reason}`).join(' '),
      },
    ],
    mitigation: outcome.advice.join(' '),
    note: [
      { text: gateNote },
      ...detail.firedRules.map((r) => ({ text: `${r.id}: ${r.condition}. Sources: ${r.sources.map((s) => s.title).join('; ') || 'none'}.` })),
    ],
  };
}

/**
 * One interview as a FHIR R4 collection Bundle: the answers as a QuestionnaireResponse, the outcome (when finished) as
 * a RiskAssessment based on it, and the Questionnaire they refer to. The patient is anonymous: resources name them
 * only by the interview's short code.
 */
export function interviewBundle(protocol: FhirProtocol, detail: InterviewDetail, now = new Date()): Bundle {
  const urls = fhirUrls(protocol.version);
  const { session, outcome } = detail;
  const subject: Reference<Patient> = {
    type: 'Patient',
    identifier: { system: urls.interviewCode, value: session.code },
    display: `Anonymous patient of interview ${session.code}`,
  };
  const items = responseItems(protocol, detail);
  const response: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    id: session.id,
    language: session.locale,
    text: responseNarrative(protocol, detail),
    identifier: { system: urls.interviewCode, value: session.code },
    questionnaire: `${urls.questionnaire}|${session.protocolVersion}`,
    status: RESPONSE_STATUS[session.status],
    subject,
    authored: session.completedAt ?? session.updatedAt,
    ...(items.length > 0 ? { item: items } : {}),
  };
  const entry: NonNullable<Bundle['entry']> = [{ fullUrl: `urn:uuid:${session.id}`, resource: response }];
  if (outcome && session.completedAt) {
    const risk = riskAssessment(protocol, detail, subject, session.completedAt);
    entry.push({ fullUrl: `urn:uuid:${risk.id}`, resource: risk });
  }
  entry.push({ fullUrl: urls.questionnaireFullUrl, resource: protocolQuestionnaire(protocol) });
  return { resourceType: 'Bundle', id: randomUUID(), type: 'collection', timestamp: now.toISOString(), entry };
}

/** The FHIR export of one interview; audited. Undefined when there is no such interview. */
export async function exportInterviewFhir(id: string, by: Actor): Promise<Bundle | undefined> {
  const detail = await readInterview(id);
  if (!detail) return undefined;
  await audit({ action: 'interview.exported', actor: by, address: by.address, targetType: 'interview', targetId: id, detail: { format: 'fhir' } });
  return interviewBundle(fhirProtocol(detail.protocolVersion), detail);
}
