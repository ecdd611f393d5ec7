import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { audit } from '../audit';
import { env } from '../env';
import type { Protocol } from '../protocol/define';
import type { QuestionId } from '../protocol/types';
import { protocolFor } from '../protocol/versions';
import { askedWhenWords } from '../protocol/words';
import { readInterview, type InterviewDetail } from './detail';
import type {
  Bundle,
  Coding,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  RiskAssessment,
} from './fhir-types';
import type { Actor } from './types';

export type * from './fhir-types';

export const FHIR_JSON = 'application/fhir+json; fhirVersion=4.0';
/** Each version's Questionnaire has a resource id of its own; all versions share one canonical url. */
const questionnaireId = (version: string) => `knotwise-${version}`;

/**
 * Canonical URLs identify the protocol and its code systems; FHIR_BASE_URL says under which base. The Questionnaire's
 * url is the same for every version and its `version` tells them apart (a response points at `url|version`); the
 * code systems are per version, because a version may change what a value means.
 */
export const fhirUrls = (version: string) => {
  const base = env().FHIR_BASE_URL;
  return {
    questionnaire: `${base}/Questionnaire/knotwise-back-pain`,
    questionnaireFullUrl: `${base}/Questionnaire/${questionnaireId(version)}`,
    /** One code system per question: a value like `none` or `yes` means something different in each. */
    answers: (questionId: string) => `${base}/CodeSystem/${version}-${questionId}`,
    interviewCode: `${base}/interview-code`,
    protocol: `${base}/CodeSystem/protocol`,
    assessment: `${base}/CodeSystem/assessment`,
    disposition: `${base}/CodeSystem/${version}-disposition`,
  };
};

const DISPOSITION_DISPLAY: Record<string, string> = {
  emergency_ambulance: 'Emergency: call an ambulance now',
  emergency: 'Emergency department now',
  consultation_24: 'See a doctor within 24 hours',
  consultation: 'Book an appointment with a doctor or physiotherapist',
  self_care: 'Self-care with a self-massage plan',
};

function codingOf(p: Protocol, questionId: QuestionId, value: string): Coding {
  const label = p.question(questionId).options?.find((o) => o.value === value)?.label;
  return { system: fhirUrls(p.id).answers(questionId), code: value, ...(label ? { display: label } : {}) };
}

/**
 * PROTOCOL.md's "asked when" as enableWhen, where FHIR can say it. The last two questions depend on the disposition
 * reached, which no enableWhen can express; the description says so in words.
 */
function enableWhen(p: Protocol, id: QuestionId): Pick<QuestionnaireItem, 'enableWhen' | 'enableBehavior'> {
  const coding = (questionId: QuestionId, value: string) => codingOf(p, questionId, value);
  switch (id) {
    case 'movement_related':
      return { enableWhen: [{ question: 'pain_region', operator: '=', answerCoding: coding('pain_region', 'upper_back') }] };
    case 'previously_assessed':
      return {
        enableWhen: [
          { question: 'pain_duration', operator: '=', answerCoding: coding('pain_duration', '6_to_12_weeks') },
          { question: 'pain_duration', operator: '=', answerCoding: coding('pain_duration', 'over_12_weeks') },
        ],
        enableBehavior: 'any',
      };
    case 'pregnancy':
      return {
        enableWhen: [
          { question: 'age_years', operator: '>=', answerInteger: 12 },
          { question: 'age_years', operator: '<=', answerInteger: 55 },
        ],
        enableBehavior: 'all',
      };
    default:
      return {};
  }
}

const minMax = (url: string, value: number | undefined) =>
  value === undefined ? [] : [{ url: `http://hl7.org/fhir/StructureDefinition/${url}`, valueInteger: value }];

/** A protocol version as a FHIR Questionnaire: one item per question, linkId = question id, answers as codings. */
export function protocolQuestionnaire(p: Protocol): Questionnaire {
  const conditional = p.content.questions.flatMap((q) => {
    const when = askedWhenWords(q);
    return when ? [`${q.id}: ${when}`] : [];
  });
  return {
    resourceType: 'Questionnaire',
    id: questionnaireId(p.id),
    url: fhirUrls(p.id).questionnaire,
    version: p.id,
    name: 'KnotwiseBackPainScreening',
    title: `Knotwise back-pain screening (protocol ${p.id})`,
    status: 'active',
    subjectType: ['Patient'],
    publisher: 'Knotwise',
    description: [
      'Questions in the order asked. An answer that makes the disposition an emergency ends the interview at once.',
      `Asked only when: ${conditional.join('; ')}.`,
    ].join(' '),
    item: p.content.questions.map((q, index): QuestionnaireItem => ({
      linkId: q.id,
      prefix: String(index),
      text: q.prompt,
      type: q.kind === 'integer' ? 'integer' : 'choice',
      ...(q.kind === 'consent' ? { required: true } : {}),
      ...(q.kind === 'multi' ? { repeats: true } : {}),
      ...enableWhen(p, q.id),
      ...(q.options ? { answerOption: q.options.map((o) => ({ valueCoding: codingOf(p, q.id, o.value) })) } : {}),
      ...(q.kind === 'integer' ? { extension: [...minMax('minValue', q.min), ...minMax('maxValue', q.max)] } : {}),
    })),
  };
}

/** A stable UUID for a resource derived from an interview, so re-exports carry the same ids. */
function derivedUuid(interviewId: string, kind: string): string {
  const h = createHash('sha256').update(`${interviewId}:${kind}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function responseItems(p: Protocol, detail: InterviewDetail): QuestionnaireResponseItem[] {
  return detail.answers.map((a) => {
    const id = a.questionId as QuestionId;
    const values = Array.isArray(a.value) ? a.value : [a.value];
    return {
      linkId: id,
      text: a.question,
      answer: values.map((v) => (typeof v === 'number' ? { valueInteger: v } : { valueCoding: codingOf(p, id, String(v)) })),
    };
  });
}

/**
 * One interview as a FHIR R4 collection Bundle: the answers as a QuestionnaireResponse, the outcome (when finished) as
 * a RiskAssessment based on it, and the Questionnaire they refer to. The patient is anonymous: resources name them
 * only by the interview's short code.
 */
export function interviewBundle(detail: InterviewDetail, now = new Date()): Bundle {
  const { session, outcome } = detail;
  const protocol = protocolFor(session.protocolVersion);
  const urls = fhirUrls(protocol.id);
  const subject = {
    identifier: { system: urls.interviewCode, value: session.code },
    display: `Anonymous patient of interview ${session.code}`,
  };
  const response: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    id: session.id,
    identifier: { system: urls.interviewCode, value: session.code },
    questionnaire: `${urls.questionnaire}|${session.protocolVersion}`,
    status: session.status === 'in_progress' ? 'in-progress' : 'completed',
    subject,
    authored: session.completedAt ?? session.updatedAt,
    ...(detail.answers.length > 0 ? { item: responseItems(protocol, detail) } : {}),
  };
  const entry: Bundle['entry'] = [{ fullUrl: `urn:uuid:${session.id}`, resource: response }];

  if (outcome && session.completedAt) {
    const riskId = derivedUuid(session.id, 'risk-assessment');
    const risk: RiskAssessment = {
      resourceType: 'RiskAssessment',
      id: riskId,
      identifier: [{ system: urls.interviewCode, value: session.code }],
      status: 'final',
      method: {
        coding: [{ system: urls.protocol, code: session.protocolVersion, display: `Knotwise back-pain screening protocol ${session.protocolVersion}` }],
      },
      code: { coding: [{ system: urls.assessment, code: 'back-pain-triage', display: 'Back-pain triage' }], text: 'Back-pain triage' },
      subject,
      occurrenceDateTime: session.completedAt,
      basis: [{ reference: `urn:uuid:${session.id}` }],
      prediction: [
        {
          outcome: {
            coding: [{ system: urls.disposition, code: outcome.disposition, display: DISPOSITION_DISPLAY[outcome.disposition] ?? outcome.disposition }],
            text: DISPOSITION_DISPLAY[outcome.disposition] ?? outcome.disposition,
          },
          rationale: detail.firedRules
            .filter((r) => r.kind === 'disposition')
            .map((r) => `${r.id} (${r.condition}): ${r.reason}`)
            .join(' '),
        },
      ],
      mitigation: outcome.advice.join(' '),
      note: [
        { text: `Massage gate: ${outcome.gate}${outcome.gateRules.length ? ` (${outcome.gateRules.join(', ')})` : ''}.` },
        ...detail.firedRules.map((r) => ({ text: `${r.id}: ${r.condition}. Sources: ${r.sources.map((s) => s.title).join('; ') || 'none'}.` })),
      ],
    };
    entry.push({ fullUrl: `urn:uuid:${riskId}`, resource: risk });
  }
  entry.push({ fullUrl: urls.questionnaireFullUrl, resource: protocolQuestionnaire(protocol) });
  return { resourceType: 'Bundle', id: randomUUID(), type: 'collection', timestamp: now.toISOString(), entry };
}

/** The FHIR export of one interview; audited. Undefined when there is no such interview. */
export async function exportInterviewFhir(id: string, by: Actor): Promise<Bundle | undefined> {
  const detail = await readInterview(id);
  if (!detail) return undefined;
  await audit({ action: 'interview.exported', actor: by, address: by.address, targetType: 'interview', targetId: id, detail: { format: 'fhir' } });
  return interviewBundle(detail);
}
