import type { Coding, Extension, Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import type { QuestionDef } from '../protocol/model';
import { askedWhenWords } from '../protocol/words';
import type { Disposition, QuestionId } from '../protocol/types';
import { all, answerIn, any, asAnswerEquals, not, simplify, toFhirPath, type Condition } from './fhir-conditions';
import { h, narrative, table } from './fhir-narrative';
import { fhirUrls } from './fhir-urls';

/** What a Questionnaire needs to know about one protocol version (lib/clinician/fhir-protocol.ts builds it from the version). */
export interface FhirProtocol {
  version: string;
  /** When this version was published (Questionnaire.date). */
  date: string;
  /** The questions in the order asked. */
  questions: readonly QuestionDef[];
  /** Every disposition rule, with its condition. */
  rules: readonly { id: string; disposition: Disposition; condition: Condition }[];
  /** Dispositions that end the interview at the answer that reaches them. */
  earlyExit: readonly Disposition[];
  /** The answer to the first question that lets the interview go on. */
  consent: { question: QuestionId; code: string };
  /** Conditional questions: when they are asked, beyond consent and no early exit. */
  askedWhen: Partial<Record<QuestionId, Condition>>;
  /** Published codes (LOINC, SNOMED CT) for a question, beside the protocol's own linkId. */
  questionCodes: Partial<Record<QuestionId, Coding[]>>;
}

const EXT = 'http://hl7.org/fhir/StructureDefinition';
const ENABLE_WHEN_EXPRESSION = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression';

export function answerCoding(protocol: FhirProtocol, questionId: QuestionId, value: string): Coding {
  const label = protocol.questions.find((q) => q.id === questionId)?.options?.find((o) => o.value === value)?.label;
  return { system: fhirUrls(protocol.version).answers(questionId), code: value, ...(label ? { display: label } : {}) };
}

/**
 * When the question at `index` is asked: after consent, while no answer so far makes the outcome an early exit, and
 * under its own condition if it has one. Only the questions before it are read (they are all that is known when it is
 * asked, and reading its own answer would let that answer switch the question off). `true` for the first question.
 */
function askedCondition(protocol: FhirProtocol, index: number): Condition | boolean {
  const question = protocol.questions[index]!;
  if (index === 0) return true;
  const known = new Set(protocol.questions.slice(0, index).map((q) => q.id));
  const exits = protocol.rules.filter((r) => protocol.earlyExit.includes(r.disposition)).map((r) => r.condition);
  const own = protocol.askedWhen[question.id];
  const condition = all(answerIn(protocol.consent.question, protocol.consent.code), not(any(...exits)), ...(own ? [own] : []));
  return simplify(condition, known);
}

/** In words, for the narrative and the expression's description. */
function askedWhenText(q: QuestionDef, index: number): string {
  if (index === 0) return 'Always: the first question.';
  const own = askedWhenWords(q);
  return ['After consent, unless an earlier answer made the outcome an emergency.', own ? `Only when ${own}.` : ''].filter(Boolean).join(' ');
}

/** The item's enableWhen where R4 can say it, or else SDC's enableWhenExpression (FHIRPath). */
function enableWhen(protocol: FhirProtocol, q: QuestionDef, index: number): Pick<QuestionnaireItem, 'enableWhen'> & { extension: Extension[] } {
  const condition = askedCondition(protocol, index);
  if (condition === true) return { extension: [] };
  if (condition === false) throw new Error(`Question ${q.id} can never be asked: check its condition.`);
  const equals = asAnswerEquals(condition);
  if (equals) {
    return { enableWhen: [{ question: equals.question, operator: '=', answerCoding: answerCoding(protocol, equals.question, equals.code) }], extension: [] };
  }
  return {
    extension: [
      {
        url: ENABLE_WHEN_EXPRESSION,
        valueExpression: { description: askedWhenText(q, index), language: 'text/fhirpath', expression: toFhirPath(condition) },
      },
    ],
  };
}

function item(protocol: FhirProtocol, q: QuestionDef, index: number): QuestionnaireItem {
  const { enableWhen: when, extension: conditionExtension } = enableWhen(protocol, q, index);
  const range: Extension[] = [
    ...(q.min === undefined ? [] : [{ url: `${EXT}/minValue`, valueInteger: q.min }]),
    ...(q.max === undefined ? [] : [{ url: `${EXT}/maxValue`, valueInteger: q.max }]),
  ];
  const extension = [...range, ...conditionExtension];
  return {
    linkId: q.id,
    ...(extension.length > 0 ? { extension } : {}),
    ...(protocol.questionCodes[q.id] ? { code: protocol.questionCodes[q.id] } : {}),
    prefix: String(index),
    text: q.prompt,
    type: q.kind === 'integer' ? 'integer' : 'choice',
    ...(when ? { enableWhen: when } : {}),
    // Every question must be answered once asked; enableWhen makes that conditional (R4: required holds only while
    // the item is enabled).
    required: true,
    ...(q.kind === 'multi' ? { repeats: true } : {}),
    ...(q.options
      ? {
          answerOption: q.options.map((o) => ({
            valueCoding: answerCoding(protocol, q.id, o.value),
            // "None of these" cannot be chosen with another answer (lib/protocol/answer-schema.ts).
            ...(q.kind === 'multi' && o.value === 'none' ? { extension: [{ url: `${EXT}/questionnaire-optionExclusive`, valueBoolean: true }] } : {}),
          })),
        }
      : {}),
  };
}

function answersText(q: QuestionDef): string {
  if (q.kind === 'integer') return `A whole number from ${q.min} to ${q.max}.`;
  const labels = (q.options ?? []).map((o) => o.label).join('; ');
  return q.kind === 'multi' ? `One or more of: ${labels}.` : `One of: ${labels}.`;
}

/** One protocol version as a FHIR R4 Questionnaire: one item per question, linkId = question id, answers as codings. */
export function protocolQuestionnaire(protocol: FhirProtocol): Questionnaire {
  const urls = fhirUrls(protocol.version);
  const title = `Knotwise back-pain screening (protocol ${protocol.version})`;
  const description =
    'Questions in the order asked. Every question must be answered once asked. An answer that makes the outcome an ' +
    'emergency ends the interview at once; the last questions are asked only while the outcome is still self-care. ' +
    'Each item says when it is asked with enableWhen, or with the SDC enableWhenExpression (FHIRPath) where enableWhen ' +
    'cannot express it.';
  return {
    resourceType: 'Questionnaire',
    id: urls.questionnaireId,
    text: narrative(
      h('p', h('b', title)),
      h('p', description),
      table(
        ['#', 'linkId', 'Question', 'Answers', 'Asked when'],
        protocol.questions.map((q, index) => [String(index), q.id, q.prompt, answersText(q), askedWhenText(q, index)]),
      ),
    ),
    url: urls.questionnaire,
    version: protocol.version,
    name: 'KnotwiseBackPainScreening',
    title,
    status: 'active',
    // Knotwise triages real patients: this is not a test form.
    experimental: false,
    subjectType: ['Patient'],
    date: protocol.date,
    publisher: 'Knotwise',
    description,
    language: 'en',
    item: protocol.questions.map((q, index) => item(protocol, q, index)),
  };
}
