import { z } from 'zod';
import { checkAnswer } from '../protocol/answer-schema';
import type { Protocol } from '../protocol/define';
import type { Outcome } from '../protocol/outcome';
import { DISPOSITIONS, GATES, PLAN_AREAS, type AnswerValue, type QuestionId, EQUIPMENT } from '../protocol/types';
import { protocolFor, VERSION_IDS } from '../protocol/versions';
import { answerNext, replay, type RecordedAnswer } from './replay';

/**
 * Plays whole interviews from an answer map (question id -> value) and checks clinical cases against the outcome.
 * The CLI (`npm run triage -- --batch`, `npm run protocol:check`) and the tests share this one implementation, and
 * it drives the interview only through replay/answerNext, so a case exercises exactly what a patient would. Every
 * function takes the protocol version to play under: a map is checked against that version's questions.
 */

export type AnswerMap = Partial<Record<QuestionId, AnswerValue>>;

export type PlayResult =
  | { asked: QuestionId[]; status: 'complete'; outcome: Outcome }
  | { asked: QuestionId[]; status: 'declined' }
  | { error: string; asked?: QuestionId[] };

/** A version's schemas, built once: its questions never change once loaded. */
function memo<T>(build: (p: Protocol) => T): (p: Protocol) => T {
  const built = new WeakMap<Protocol, T>();
  return (p) => {
    if (!built.has(p)) built.set(p, build(p));
    return built.get(p)!;
  };
}

const answerMapSchema = memo((p: Protocol) => {
  const questionIdList = p.questionIds.join(', ');
  // The value check reuses the interview's own answer schema, so a map is held to the same rules as a patient, and a
  // typo in an answer to a question that ends up not being asked is still caught.
  const answerValue = (id: QuestionId) =>
    z
      .unknown()
      .superRefine((value, ctx) => {
        const checked = checkAnswer(p, id, value);
        if (!checked.ok) ctx.addIssue({ code: 'custom', message: `${checked.message} (got ${JSON.stringify(value)})` });
      })
      .transform((value) => value as AnswerValue)
      .optional();
  return z.strictObject(
    Object.fromEntries(p.questionIds.map((id) => [id, answerValue(id)])) as Record<QuestionId, ReturnType<typeof answerValue>>,
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') {
          return `Unknown question id ${issue.keys.map((k) => `"${k}"`).join(', ')}. Question ids are: ${questionIdList}.`;
        }
        if (issue.code === 'invalid_type') return 'An answer map must be a JSON object of question id to answer.';
        return undefined;
      },
    },
  );
});

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseAnswerMap(input: unknown, p: Protocol): ParseResult<AnswerMap> {
  const parsed = answerMapSchema(p).safeParse(input);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  // Zod keeps absent optional keys absent, so the parsed object is the map as given.
  return { ok: true, value: parsed.data as AnswerMap };
}

function formatValue(p: Protocol, id: QuestionId): string {
  const q = p.question(id);
  if (q.kind === 'integer') return `a whole number from ${q.min} to ${q.max}`;
  const values = (q.options ?? []).map((o) => `"${o.value}"`).join(', ');
  return q.kind === 'multi' ? `a list of one or more of ${values}` : `one of ${values}`;
}

/**
 * Answers exactly the questions the interview asks, in its order, taking each answer from the map. Answers to
 * questions that are never asked are ignored: that is how a case shows a conditional question being skipped.
 */
export function play(input: unknown, p: Protocol): PlayResult {
  const parsed = parseAnswerMap(input, p);
  if (!parsed.ok) return { error: parsed.error };
  const map = parsed.value;

  let recorded: RecordedAnswer[] = [];
  let state = replay(p, recorded);
  // Each accepted answer moves the machine past one question, so more steps than questions means a machine defect;
  // failing loudly beats hanging the CLI.
  for (let guard = 0; state.status === 'asking'; guard++) {
    const question = state.question;
    if (question === undefined || guard > p.questionIds.length) {
      throw new Error('The interview did not advance; this is a defect in the triage machine.');
    }
    const value = map[question];
    if (value === undefined) {
      return {
        error: `No answer for "${question}" ("${p.question(question).prompt}"), which is asked after ${recorded.length} answer(s). Add "${question}": ${formatValue(p, question)}.`,
        asked: state.asked,
      };
    }
    const result = answerNext(p, recorded, question, value);
    if (!result.ok) return { error: `"${question}": ${result.error.message}`, asked: state.asked };
    recorded = [...recorded, result.accepted];
    state = result.state;
  }

  if (state.status === 'declined') return { asked: state.asked, status: 'declined' };
  if (!state.outcome) throw new Error('A complete interview has no outcome; this is a defect in replay.');
  return { asked: state.asked, status: 'complete', outcome: state.outcome };
}

// ---------------------------------------------------------------------------------------------------------------
// Clinical cases

const planExpectSchema = z.strictObject(
  {
    /** The areas the steps work, exactly and in order. */
    areas: z.array(z.enum(PLAN_AREAS)).optional(),
    /** The tools the steps use, exactly (any order). */
    tools: z.array(z.enum(EQUIPMENT.filter((e) => e !== 'none') as [string, ...string[]])).optional(),
    /** Whether the plan carries a tool note (it had to use a tennis ball). */
    toolNote: z.boolean().optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown plan expectation ${issue.keys.join(', ')}.` : undefined) },
);

const caseSchema = memo((p: Protocol) => {
  const dispositionRuleIds = p.rules.filter((r) => r.table === 'disposition').map((r) => r.id) as [string, ...string[]];
  const gateRuleIds = p.rules.filter((r) => r.table === 'gate').map((r) => r.id) as [string, ...string[]];
  const questionId = z.enum(p.questionIds as [QuestionId, ...QuestionId[]], {
    error: (issue) => `Unknown question id ${JSON.stringify(issue.input)}. Question ids are: ${p.questionIds.join(', ')}.`,
  });
  const expectSchema = z
    .strictObject(
      {
        status: z.enum(['complete', 'declined']).optional(),
        disposition: z.enum(DISPOSITIONS).optional(),
        gate: z.enum(GATES).optional(),
        /** Exactly these disposition rules fire (any order). */
        rules: z
          .array(
            z.enum(dispositionRuleIds, {
              error: (issue) => `${p.id} has no disposition rule ${JSON.stringify(issue.input)}. Use the full id, e.g. "R01_chest_pain".`,
            }),
          )
          .optional(),
        /** Exactly these gate rules fire (any order); [] for anything but self_care. */
        gateRules: z
          .array(
            z.enum(gateRuleIds, {
              error: (issue) => `Unknown gate rule ${JSON.stringify(issue.input)}. Gate rules are: ${gateRuleIds.join(', ')}.`,
            }),
          )
          .optional(),
        /** The questions asked, exactly and in order, consent first. */
        asked: z.array(questionId).optional(),
        /** Questions that must not be asked. */
        notAsked: z.array(questionId).optional(),
        plan: planExpectSchema.optional(),
      },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown expectation ${issue.keys.join(', ')}.` : undefined) },
    )
    .refine((e) => (e.status === 'declined' ? e.disposition === undefined && e.gate === undefined : e.disposition !== undefined), {
      error: 'Expect a "disposition" (or "status": "declined" with no disposition or gate).',
    })
    .refine((e) => e.plan === undefined || e.disposition === 'self_care', { error: 'Only a self_care case can expect a plan.' });
  return z.strictObject({
    id: z.string({ error: 'Each case needs an "id" string.' }).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, {
      error: 'A case id uses letters, digits, "_", "-" and "." only, so it reads well in the check table.',
    }),
    protocolVersion: z.literal(p.id).optional(),
    note: z.string().optional(),
    answers: answerMapSchema(p),
    expect: expectSchema,
  });
});

const versionOfCase = z.object({
  protocolVersion: z
    .string()
    .refine((v) => VERSION_IDS.includes(v), { error: `"protocolVersion" must be one of ${VERSION_IDS.join(', ')}.` })
    .optional(),
});

export type CaseExpectation = z.infer<ReturnType<typeof caseSchema>>['expect'];

export interface ClinicalCase {
  id: string;
  /** The version the case is checked under. */
  protocolVersion: string;
  note?: string;
  answers: AnswerMap;
  expect: CaseExpectation;
}

/**
 * Reads a case file's text: a JSON array of cases or a single case. A case is checked under its own
 * "protocolVersion", else under `defaultVersion`. Errors name the file, the case and the field, so a clinician can fix
 * the file without reading code.
 */
export function parseCaseFile(text: string, fileName: string, defaultVersion: string): ParseResult<ClinicalCase[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${fileName}: not valid JSON (${(e as Error).message}).` };
  }
  const items = Array.isArray(json) ? json : [json];
  if (items.length === 0) return { ok: false, error: `${fileName}: the file holds no cases.` };
  const cases: ClinicalCase[] = [];
  const errors: string[] = [];
  items.forEach((item, index) => {
    const where = Array.isArray(json) ? `case #${index + 1}` : 'the case';
    const id = typeof (item as { id?: unknown })?.id === 'string' ? ` ("${(item as { id: string }).id}")` : '';
    const version = versionOfCase.safeParse(item);
    if (!version.success) return errors.push(`${fileName}, ${where}${id}:\n${z.prettifyError(version.error)}`);
    const protocolVersion = version.data.protocolVersion ?? defaultVersion;
    const parsed = caseSchema(protocolFor(protocolVersion)).safeParse(item);
    if (parsed.success) cases.push({ ...parsed.data, protocolVersion } as ClinicalCase);
    else errors.push(`${fileName}, ${where}${id} (${protocolVersion}):\n${z.prettifyError(parsed.error)}`);
  });
  const duplicates = duplicateIds(cases);
  if (duplicates.length > 0) errors.push(`${fileName}: case ids must be unique; repeated: ${duplicates.join(', ')}.`);
  return errors.length > 0 ? { ok: false, error: errors.join('\n') } : { ok: true, value: cases };
}

export function duplicateIds(cases: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const c of cases) (seen.has(c.id) ? repeated : seen).add(c.id);
  return [...repeated];
}

export interface CaseResult {
  id: string;
  protocolVersion: string;
  pass: boolean;
  /** Short forms for the check table, e.g. "consultation / none". */
  expected: string;
  actual: string;
  /** One line per mismatch; empty when the case passes. */
  problems: string[];
  result: PlayResult;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

function setProblem(what: string, expected: readonly string[], actual: readonly string[]): string | undefined {
  if (sameSet(expected, actual)) return undefined;
  const missing = expected.filter((x) => !actual.includes(x));
  const extra = actual.filter((x) => !expected.includes(x));
  const parts = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `unexpected ${extra.join(', ')}` : ''];
  return `${what}: expected [${expected.join(', ')}], got [${actual.join(', ')}] (${parts.filter(Boolean).join('; ')})`;
}

function summarise(status: string, disposition?: string, gate?: string): string {
  if (status !== 'complete') return status;
  return gate === undefined ? `${disposition}` : `${disposition} / ${gate}`;
}

function planProblems(expected: NonNullable<CaseExpectation['plan']>, plan: Outcome['plan']): string[] {
  if (!plan) return ['plan: expected a plan, got none'];
  const problems: string[] = [];
  const areas = plan.steps.map((s) => s.area);
  if (expected.areas && areas.join() !== expected.areas.join()) {
    problems.push(`plan areas: expected ${expected.areas.join(', ')}; got ${areas.join(', ')}`);
  }
  const tools = [...new Set(plan.steps.map((s) => s.tool))];
  const toolProblem = expected.tools && setProblem('plan tools', expected.tools, tools);
  if (toolProblem) problems.push(toolProblem);
  if (expected.toolNote !== undefined && expected.toolNote !== (plan.toolNote !== undefined)) {
    problems.push(`plan tool note: expected ${expected.toolNote ? 'one' : 'none'}, got ${plan.toolNote ? `"${plan.toolNote}"` : 'none'}`);
  }
  return problems;
}

/** Plays a case under its version and compares every expectation it states with what the interview produced. */
export function checkCase(c: ClinicalCase): CaseResult {
  const e = c.expect;
  const expectedStatus = e.status ?? 'complete';
  const expected = summarise(expectedStatus, e.disposition, e.gate);
  const result = play(c.answers, protocolFor(c.protocolVersion));
  const problems: string[] = [];
  const done = (actual: string) => ({ id: c.id, protocolVersion: c.protocolVersion, pass: problems.length === 0, expected, actual, problems, result });

  if ('error' in result) {
    problems.push(`the interview could not be played: ${result.error}`);
    return done('error');
  }

  const outcome = result.status === 'complete' ? result.outcome : undefined;
  const actual = summarise(result.status, outcome?.disposition, e.gate === undefined ? undefined : outcome?.gate);

  if (result.status !== expectedStatus) problems.push(`status: expected ${expectedStatus}, got ${result.status}`);
  if (outcome) {
    if (e.disposition !== undefined && outcome.disposition !== e.disposition) {
      problems.push(`disposition: expected ${e.disposition}, got ${outcome.disposition} (rules fired: ${outcome.rules.join(', ')})`);
    }
    if (e.gate !== undefined && outcome.gate !== e.gate) problems.push(`gate: expected ${e.gate}, got ${outcome.gate}`);
    const rules = e.rules && setProblem('rules', e.rules, outcome.rules);
    if (rules) problems.push(rules);
    const gateRules = e.gateRules && setProblem('gate rules', e.gateRules, outcome.gateRules);
    if (gateRules) problems.push(gateRules);
    if (e.plan) problems.push(...planProblems(e.plan, outcome.plan));
  } else if (e.rules?.length || e.gateRules?.length) {
    problems.push('rules: expected fired rules, but the interview ended without an outcome');
  }
  if (e.asked && (e.asked.length !== result.asked.length || e.asked.some((q, i) => result.asked[i] !== q))) {
    problems.push(`asked: expected ${e.asked.join(', ')}; got ${result.asked.join(', ')}`);
  }
  const wronglyAsked = (e.notAsked ?? []).filter((q) => result.asked.includes(q));
  if (wronglyAsked.length > 0) problems.push(`asked ${wronglyAsked.join(', ')}, which should not be asked`);

  return done(actual);
}
