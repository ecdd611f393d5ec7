/**
 * Zod schemas for the FHIR R4 (4.0.1) resources Knotwise exports, written from the specification
 * (hl7.org/fhir/R4: datatypes.html, questionnaire.html, questionnaireresponse.html, riskassessment.html, bundle.html).
 * Objects are strict, so a misspelt or invented element fails; primitive formats use the spec's regular expressions;
 * the invariants that can apply to what we emit are checked with refinements (their spec keys in the messages).
 * Elements Knotwise never emits are left out on purpose: emitting one then fails here and gets looked at.
 */
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'id: [A-Za-z0-9-.]{1,64}');
const string = z.string().regex(/^[ \r\n\t\S]+$/, 'string: non-empty');
const uri = z.string().regex(/^\S*$/, 'uri: no whitespace').min(1);
const canonical = uri;
const code = z.string().regex(/^[^\s]+(\s[^\s]+)*$/, 'code: no leading, trailing or double whitespace');
const dateTime = z
  .string()
  .regex(
    /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/,
    'dateTime',
  );
const instant = z
  .string()
  .regex(
    /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/,
    'instant',
  );
const integer = z.number().int().min(-2147483648).max(2147483647);
const markdown = string;

export const Coding = z.strictObject({
  system: uri.optional(),
  version: string.optional(),
  code: code.optional(),
  display: string.optional(),
  userSelected: z.boolean().optional(),
});
export const CodeableConcept = z.strictObject({ coding: z.array(Coding).min(1).optional(), text: string.optional() });
export const Identifier = z.strictObject({ system: uri.optional(), value: string.optional() });
export const Reference = z
  .strictObject({ reference: string.optional(), type: uri.optional(), identifier: Identifier.optional(), display: string.optional() })
  // ref-1 (no contained resources here): a local "#x" reference would point at nothing.
  .refine((r) => !r.reference?.startsWith('#'), 'ref-1: local references need contained resources');
const Extension = z
  .strictObject({ url: uri, valueInteger: integer.optional() })
  .refine((e) => e.valueInteger !== undefined, 'ext-1: an extension needs a value');
const Annotation = z.strictObject({ text: markdown, time: dateTime.optional() });

const ITEM_TYPES = [
  'group', 'display', 'boolean', 'decimal', 'integer', 'date', 'dateTime', 'time', 'string', 'text', 'url', 'choice',
  'open-choice', 'attachment', 'reference', 'quantity',
] as const;

const EnableWhen = z
  .strictObject({
    question: string,
    operator: z.enum(['exists', '=', '!=', '>', '<', '>=', '<=']),
    answerBoolean: z.boolean().optional(),
    answerInteger: integer.optional(),
    answerString: string.optional(),
    answerCoding: Coding.optional(),
  })
  .refine((w) => [w.answerBoolean, w.answerInteger, w.answerString, w.answerCoding].filter((v) => v !== undefined).length === 1, {
    message: 'enableWhen.answer[x] is 1..1',
  })
  .refine((w) => (w.operator === 'exists') === (w.answerBoolean !== undefined), 'que-7: exists goes with answerBoolean and only it');

type QItem = {
  linkId: string;
  type: (typeof ITEM_TYPES)[number];
  item?: QItem[];
  repeats?: boolean;
  required?: boolean;
  enableWhen?: z.infer<typeof EnableWhen>[];
  enableBehavior?: 'all' | 'any';
  answerOption?: { valueCoding?: z.infer<typeof Coding>; valueInteger?: number; valueString?: string }[];
  [k: string]: unknown;
};

export const QuestionnaireItem: z.ZodType<QItem> = z.lazy(() =>
  z
    .strictObject({
      linkId: string,
      definition: uri.optional(),
      code: z.array(Coding).optional(),
      prefix: string.optional(),
      text: string.optional(),
      type: z.enum(ITEM_TYPES),
      enableWhen: z.array(EnableWhen).min(1).optional(),
      enableBehavior: z.enum(['all', 'any']).optional(),
      required: z.boolean().optional(),
      repeats: z.boolean().optional(),
      readOnly: z.boolean().optional(),
      maxLength: integer.optional(),
      answerValueSet: canonical.optional(),
      answerOption: z
        .array(
          z
            .strictObject({
              valueInteger: integer.optional(),
              valueString: string.optional(),
              valueCoding: Coding.optional(),
              initialSelected: z.boolean().optional(),
            })
            .refine((o) => [o.valueInteger, o.valueString, o.valueCoding].filter((v) => v !== undefined).length === 1, 'answerOption.value[x] is 1..1'),
        )
        .min(1)
        .optional(),
      extension: z.array(Extension).optional(),
      item: z.array(QuestionnaireItem).optional(),
    })
    .refine((i) => (i.type === 'group' ? (i.item?.length ?? 0) > 0 : true), 'que-1: a group has items')
    .refine((i) => (i.type === 'display' ? !i.item : true), 'que-1: a display item has no items')
    .refine((i) => !(i.answerOption && i.answerValueSet), 'que-4: answerOption or answerValueSet, not both')
    .refine((i) => (i.answerOption || i.answerValueSet ? ['choice', 'open-choice'].includes(i.type) : true), 'que-5: only choice items have answer options')
    .refine((i) => (i.type === 'display' ? i.required === undefined && i.repeats === undefined : true), 'que-6: display items are neither required nor repeating')
    .refine((i) => ((i.enableWhen?.length ?? 0) > 1) === (i.enableBehavior !== undefined), 'que-12: enableBehavior iff more than one enableWhen'),
);

function allLinkIds(items: readonly QItem[] | undefined): string[] {
  return (items ?? []).flatMap((i) => [i.linkId, ...allLinkIds(i.item)]);
}

export const Questionnaire = z
  .strictObject({
    resourceType: z.literal('Questionnaire'),
    id: id.optional(),
    url: uri.optional(),
    identifier: z.array(Identifier).optional(),
    version: string.optional(),
    name: string.regex(/^[A-Z]([A-Za-z0-9_]){0,254}$/, 'cnl-0: name is a computer-friendly identifier').optional(),
    title: string.optional(),
    status: z.enum(['draft', 'active', 'retired', 'unknown']),
    experimental: z.boolean().optional(),
    subjectType: z.array(code).optional(),
    date: dateTime.optional(),
    publisher: string.optional(),
    description: markdown.optional(),
    item: z.array(QuestionnaireItem).optional(),
  })
  .refine((q) => new Set(allLinkIds(q.item)).size === allLinkIds(q.item).length, 'que-2: linkIds are unique');

type RItem = { linkId: string; text?: string; answer?: RAnswer[]; item?: RItem[] };
type RAnswer = { valueCoding?: z.infer<typeof Coding>; valueInteger?: number; valueString?: string; valueBoolean?: boolean; item?: RItem[] };

const ResponseAnswer: z.ZodType<RAnswer> = z.lazy(() =>
  z
    .strictObject({
      valueBoolean: z.boolean().optional(),
      valueInteger: integer.optional(),
      valueString: string.optional(),
      valueCoding: Coding.optional(),
      item: z.array(ResponseItem).optional(),
    })
    .refine(
      (a) => [a.valueBoolean, a.valueInteger, a.valueString, a.valueCoding].filter((v) => v !== undefined).length <= 1,
      'answer.value[x] is 0..1',
    ),
);

export const ResponseItem: z.ZodType<RItem> = z.lazy(() =>
  z
    .strictObject({
      linkId: string,
      definition: uri.optional(),
      text: string.optional(),
      answer: z.array(ResponseAnswer).min(1).optional(),
      item: z.array(ResponseItem).optional(),
    })
    .refine((i) => !(i.answer && i.item), 'qrs-1: nested items go under answer or item, not both'),
);

export const QuestionnaireResponse = z.strictObject({
  resourceType: z.literal('QuestionnaireResponse'),
  id: id.optional(),
  identifier: Identifier.optional(),
  questionnaire: canonical.optional(),
  status: z.enum(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']),
  subject: Reference.optional(),
  authored: dateTime.optional(),
  author: Reference.optional(),
  item: z.array(ResponseItem).optional(),
});

export const RiskAssessment = z.strictObject({
  resourceType: z.literal('RiskAssessment'),
  id: id.optional(),
  identifier: z.array(Identifier).optional(),
  basedOn: Reference.optional(),
  parent: Reference.optional(),
  status: z.enum(['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown']),
  method: CodeableConcept.optional(),
  code: CodeableConcept.optional(),
  subject: Reference,
  occurrenceDateTime: dateTime.optional(),
  basis: z.array(Reference).optional(),
  prediction: z
    .array(
      z
        .strictObject({
          outcome: CodeableConcept.optional(),
          probabilityDecimal: z.number().optional(),
          qualitativeRisk: CodeableConcept.optional(),
          relativeRisk: z.number().optional(),
          rationale: string.optional(),
        })
        .refine((p) => p.probabilityDecimal === undefined || p.probabilityDecimal <= 100, 'ras-2: probability at most 100'),
    )
    .optional(),
  mitigation: string.optional(),
  note: z.array(Annotation).optional(),
});

const Resource = z.discriminatedUnion('resourceType', [Questionnaire, QuestionnaireResponse, RiskAssessment]);

export const CollectionBundle = z
  .strictObject({
    resourceType: z.literal('Bundle'),
    id: id.optional(),
    identifier: Identifier.optional(),
    type: z.literal('collection'),
    timestamp: instant.optional(),
    entry: z
      .array(
        z
          .strictObject({ fullUrl: uri.optional(), resource: Resource.optional() })
          // bdl-5: without a request or response (never in a collection), an entry must have a resource.
          .refine((e) => e.resource !== undefined, 'bdl-5: an entry has a resource'),
      )
      .optional(),
  })
  .refine((b) => {
    const urls = (b.entry ?? []).map((e) => e.fullUrl).filter(Boolean);
    return new Set(urls).size === urls.length;
  }, 'bdl-7: fullUrls are unique')
  .refine((b) => (b.entry ?? []).every((e) => !e.fullUrl?.includes('/_history/')), 'bdl-8: fullUrl is not version-specific');
