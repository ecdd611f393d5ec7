import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, gte, isNull, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '../../db/client';
import { interviews, transcriptEntries, type InterviewRow } from '../../db/schema';
import { env } from '../env';
import type { Protocol } from '../protocol/define';
import type { QuestionId } from '../protocol/types';
import { protocolFor } from '../protocol/versions';
import { answerLabel } from '../protocol/words';
import { entryView, sessionStatus, sessionView, turnOf, type Entry, type SessionView, type Turn } from './present';
import { answerNext, replay, revise, type InterviewState, type RecordedAnswer, type ResumePoint } from './replay';
import { authorised, UNAUTHORIZED } from './access';
import { forget, recall, remember, type KnownInterview } from './answer-cache';
import { hashToken, newCode, newToken, tokenMatches } from './tokens';

/** A refusal the API maps to an HTTP error (API.md, Errors). Nothing is stored when one is returned. */
export type ServiceError =
  | { code: 'unauthorized'; message: string }
  | { code: 'not_current_question' | 'stale_step' | 'interview_finished'; message: string; turn: Turn }
  | { code: 'invalid_answer'; message: string; questionId: string; allowed?: string[]; min?: number; max?: number };

export type ServiceResult<T> = ({ ok: true } & T) | { ok: false; error: ServiceError };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Queryable = Db | Tx;

function findAuthorised(q: Queryable, id: string, token: string, lock: boolean): Promise<InterviewRow | undefined> {
  return authorised(id, token, async () => {
    const query = q.select().from(interviews).where(eq(interviews.id, id));
    return (lock ? await query.for('update') : await query)[0];
  });
}

/** The interview's version and live answers in one statement, so both come from one snapshot. */
function findAuthorisedWithAnswers(db: Db, id: string, token: string): Promise<KnownInterview | undefined> {
  return authorised(id, token, async () => {
    const [row] = await db
      .select({
        tokenHash: interviews.tokenHash,
        version: interviews.version,
        protocolVersion: interviews.protocolVersion,
        answers: sql<RecordedAnswer[]>`coalesce((
          select jsonb_agg(jsonb_build_object('questionId', e.question_id, 'value', e.value) order by e.step)
          from ${transcriptEntries} e
          where e.interview_id = interviews.id and e.role = 'patient' and e.superseded_at is null
        ), '[]'::jsonb)`,
      })
      .from(interviews)
      .where(eq(interviews.id, id));
    return row;
  });
}

async function liveAnswers(q: Queryable, interviewId: string): Promise<RecordedAnswer[]> {
  const rows = await q
    .select({ questionId: transcriptEntries.questionId, value: transcriptEntries.value })
    .from(transcriptEntries)
    .where(
      and(
        eq(transcriptEntries.interviewId, interviewId),
        eq(transcriptEntries.role, 'patient'),
        isNull(transcriptEntries.supersededAt),
      ),
    )
    .orderBy(asc(transcriptEntries.step));
  return rows.map((r) => ({ questionId: r.questionId as QuestionId, value: r.value as RecordedAnswer['value'] }));
}

function askedEntry(p: Protocol, interviewId: string, state: InterviewState, at: Date) {
  if (!state.question) return [];
  return [
    {
      interviewId,
      role: 'assistant' as const,
      questionId: state.question,
      step: state.step,
      text: p.question(state.question).prompt,
      at,
    },
  ];
}

function derivedColumns(state: InterviewState, at: Date) {
  return {
    step: state.step,
    status: sessionStatus(state),
    disposition: state.outcome?.disposition ?? null,
    gate: state.outcome?.gate ?? null,
    rules: state.outcome?.rules ?? null,
    outcome: state.outcome ?? null,
    completedAt: state.status === 'asking' ? null : at,
    updatedAt: at,
  };
}

/** The derived columns after a change to the answers, which also moves the interview to its next version. */
function changedColumns(state: InterviewState, at: Date) {
  return { ...derivedColumns(state, at), version: sql`${interviews.version} + 1` };
}

export interface StartOptions {
  locale?: string;
  /** One of the versions this build supports (checked by the caller); the deployment's active one when absent. */
  protocolVersion?: string;
}

/**
 * Starts an interview under its protocol version, which it keeps for life. The token is returned once and only its
 * hash is kept.
 */
export async function startInterview({ locale = 'en', protocolVersion }: StartOptions = {}): Promise<{
  session: SessionView;
  token: string;
  turn: Turn;
}> {
  const db = await getDb();
  const protocol = protocolFor(protocolVersion ?? env().PROTOCOL_VERSION);
  const token = newToken();
  const state = replay(protocol, []);
  const now = new Date();
  for (let attempt = 0; ; attempt++) {
    const id = randomUUID();
    try {
      const row = {
        id,
        code: newCode(),
        tokenHash: hashToken(token),
        protocolVersion: protocol.id,
        locale,
        ...derivedColumns(state, now),
        createdAt: now,
      };
      // One statement for the interview and its first question: both are stored or neither is.
      const created = db.$with('created').as(db.insert(interviews).values(row).returning({ id: interviews.id }));
      await db
        .with(created)
        .insert(transcriptEntries)
        .values(askedEntry(protocol, id, state, now).map((entry) => ({ ...entry, interviewId: sql`(select ${created.id} from ${created})` })));
      remember(id, { tokenHash: row.tokenHash, version: 0, protocolVersion: protocol.id, answers: [] });
      return { session: sessionView(row), token, turn: turnOf(protocol, state) };
    } catch (error) {
      // Nine characters from 27 make a clash rare; a clash on the unique code is simply retried.
      if (attempt >= 4 || !String((error as { cause?: unknown }).cause ?? error).includes('interviews_code_key')) throw error;
    }
  }
}

/** The interview as it stands: session, current turn and the whole transcript (superseded entries included). */
export async function loadInterview(
  id: string,
  token: string,
): Promise<ServiceResult<{ session: SessionView; turn: Turn; transcript: Entry[] }>> {
  const db = await getDb();
  const row = await findAuthorised(db, id, token, false);
  if (!row) return { ok: false, error: UNAUTHORIZED };
  const rows = await db
    .select()
    .from(transcriptEntries)
    .where(eq(transcriptEntries.interviewId, id))
    .orderBy(asc(transcriptEntries.id));
  const answers = rows
    .filter((r) => r.role === 'patient' && !r.supersededAt)
    .sort((a, b) => a.step - b.step)
    .map((r) => ({ questionId: r.questionId as QuestionId, value: r.value as RecordedAnswer['value'] }));
  const protocol = protocolFor(row.protocolVersion);
  return { ok: true, session: sessionView(row), turn: turnOf(protocol, replay(protocol, answers)), transcript: rows.map(entryView) };
}

/** Canonical form for comparing a retried answer with the stored one: option order does not matter. */
function sameValue(a: unknown, b: unknown): boolean {
  const canon = (v: unknown) => JSON.stringify(Array.isArray(v) ? [...v].map(String).sort() : v);
  return canon(a) === canon(b);
}

export interface AnswerInput {
  questionId: string;
  value: unknown;
  step?: number;
}

/** What an answer leads to before anything is written: a reply as it stands, or the state to record. */
type Decision =
  | { reply: ServiceResult<{ turn: Turn }> }
  | { record: { protocol: Protocol; state: InterviewState; accepted: RecordedAnswer; step: number; resume: ResumePoint } };

function decideAnswer(
  { answers, resume, protocolVersion }: Pick<KnownInterview, 'answers' | 'resume' | 'protocolVersion'>,
  input: AnswerInput,
): Decision {
  const protocol = protocolFor(protocolVersion);
  const current = () => turnOf(protocol, replay(protocol, answers));
  // A retry of an answer already accepted returns the current turn and stores nothing.
  const retryOf = input.step ?? answers.length - 1;
  const earlier = answers[retryOf];
  if (retryOf < answers.length && earlier?.questionId === input.questionId && sameValue(earlier.value, input.value)) {
    return { reply: { ok: true, turn: current() } };
  }
  if (input.step !== undefined && input.step !== answers.length) {
    return {
      reply: {
        ok: false,
        error: {
          code: 'stale_step',
          message: `This answer was for step ${input.step}, but the interview is at step ${answers.length}. It may have been answered in another tab. Continue from the current question.`,
          turn: current(),
        },
      },
    };
  }
  const result = answerNext(protocol, answers, input.questionId, input.value, resume);
  if (!result.ok) {
    const { error } = result;
    return { reply: { ok: false, error: error.code === 'invalid_answer' ? error : { ...error, turn: current() } } };
  }
  return { record: { protocol, state: result.state, accepted: result.accepted, step: answers.length, resume: result.resume } };
}

/**
 * One statement: the interview moves on only if nobody else has changed it since `version` was read, and the answer
 * (and the next question) are stored only if it did. Returns false when another request got there first.
 */
async function recordAnswer(db: Db, id: string, version: number, record: Extract<Decision, { record: unknown }>['record']) {
  const { protocol, state, accepted, step } = record;
  const now = new Date();
  const entries = [
    {
      role: 'patient',
      question_id: accepted.questionId,
      step,
      text: answerLabel(protocol, accepted.questionId, accepted.value),
      value: accepted.value,
      at: now,
    },
    ...askedEntry(protocol, id, state, now).map((e) => ({ role: e.role, question_id: e.questionId, step: e.step, text: e.text, value: null, at: e.at })),
  ];
  const claim = db
    .update(interviews)
    .set(changedColumns(state, now))
    .where(and(eq(interviews.id, id), eq(interviews.version, version)))
    .returning({ id: interviews.id });
  const inserted = await db.execute(sql`
    with claimed as (${claim.getSQL()})
    insert into ${transcriptEntries} (interview_id, role, question_id, step, text, value, at)
    select claimed.id, e.role, e.question_id, e.step, e.text, e.value, e.at
    from claimed cross join jsonb_to_recordset(${JSON.stringify(entries)}::jsonb)
      as e(role text, question_id text, step integer, text text, value jsonb, at timestamptz)
    returning id`);
  return (inserted as unknown as { rows: unknown[] }).rows.length > 0;
}

/** Enough for any real contention on one interview (one patient, a few tabs); each round is a fresh read. */
const MAX_ROUNDS = 5;

/**
 * Records one answer. Optimistic: decide, then write only if the interview is unchanged; a request that loses the
 * race decides again on what the winner stored (a retry, a stale step or the next question). The decision starts
 * from what this process last knew (answer-cache.ts), so an answer usually costs one statement; anything but a
 * write is confirmed against the database first. The transcript's unique live entry per step backs all of this up
 * in the database itself.
 */
export async function submitAnswer(id: string, token: string, input: AnswerInput): Promise<ServiceResult<{ turn: Turn }>> {
  const db = await getDb();
  let hint = recall(id);
  // A wrong token takes the path an unknown interview takes: timing must not tell which interviews this process holds.
  if (hint && !tokenMatches(token, hint.tokenHash)) hint = undefined;
  for (let round = 1; ; round++) {
    const found = hint ?? (await findAuthorisedWithAnswers(db, id, token));
    if (!found) return { ok: false, error: UNAUTHORIZED };
    const decision = decideAnswer(found, input);
    if ('record' in decision && (await recordAnswer(db, id, found.version, decision.record))) {
      const { accepted, state, resume, protocol } = decision.record;
      remember(id, { ...found, version: found.version + 1, answers: [...found.answers, accepted], resume });
      return { ok: true, turn: turnOf(protocol, state) };
    }
    if ('reply' in decision && !hint) return decision.reply;
    // Stale (lost a race, or a reply decided on the hint): decide again on what the database holds.
    forget(id);
    hint = undefined;
    if (round === MAX_ROUNDS) {
      const answers = (await findAuthorisedWithAnswers(db, id, token))?.answers ?? found.answers;
      const protocol = protocolFor(found.protocolVersion);
      return {
        ok: false,
        error: {
          code: 'stale_step',
          message: 'This interview is being answered from somewhere else at the same moment. Continue from the current question.',
          turn: turnOf(protocol, replay(protocol, answers)),
        },
      };
    }
  }
}

/** Asks an earlier question again. Its answer and every later entry are kept, marked superseded. */
export async function reviseAnswer(id: string, token: string, questionId: string): Promise<ServiceResult<{ turn: Turn }>> {
  const db = await getDb();
  let changed: KnownInterview | undefined;
  const reply = await db.transaction(async (tx): Promise<ServiceResult<{ turn: Turn }>> => {
    const row = await findAuthorised(tx, id, token, true);
    if (!row) return { ok: false, error: UNAUTHORIZED };
    const protocol = protocolFor(row.protocolVersion);
    const answers = await liveAnswers(tx, id);
    const state = replay(protocol, answers);
    if (state.question === questionId) return { ok: true, turn: turnOf(protocol, state) };
    const result = revise(protocol, answers, questionId);
    if (!result.ok) {
      return { ok: false, error: { code: 'not_current_question', message: result.message, turn: turnOf(protocol, state) } };
    }
    const from = result.kept.length;
    const now = new Date();
    await tx
      .update(transcriptEntries)
      .set({ supersededAt: now })
      .where(
        and(
          eq(transcriptEntries.interviewId, id),
          isNull(transcriptEntries.supersededAt),
          or(
            and(eq(transcriptEntries.role, 'patient'), gte(transcriptEntries.step, from)),
            and(eq(transcriptEntries.role, 'assistant'), gt(transcriptEntries.step, from)),
          ),
        ),
      );
    await tx
      .update(interviews)
      .set(changedColumns(result.state, now))
      .where(eq(interviews.id, id));
    changed = { tokenHash: row.tokenHash, version: row.version + 1, protocolVersion: row.protocolVersion, answers: result.kept };
    return { ok: true, turn: turnOf(protocol, result.state) };
  });
  // Only once committed: a rolled-back revision must not become what this process believes.
  if (changed) remember(id, changed);
  return reply;
}
