import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { replay, type RecordedAnswer } from '@/lib/interview/replay';
import { protocolFor } from '@/lib/protocol/versions';
import type { Inspector } from './database';
import type { Answer, Interview } from './patients';

/**
 * What the database must look like after any amount of load, crashes and conflicts, read straight from the tables
 * rather than through the app that wrote them.
 */

interface InterviewRow {
  id: string;
  /** Stored answers replay under the interview's own version. */
  protocol_version: string;
  status: string;
  step: number;
  disposition: string | null;
  gate: string | null;
  rules: string[] | null;
  outcome: unknown;
  completed_at: Date | null;
}

interface EntryRow {
  id: string | number;
  interview_id: string;
  role: 'assistant' | 'patient';
  question_id: string;
  step: number;
  value: unknown;
  superseded_at: Date | null;
}

export interface Stored {
  interviews: Map<string, InterviewRow>;
  /** Live patient answers per interview, by step. */
  answers: Map<string, Answer[]>;
  entries: Map<string, EntryRow[]>;
}

export async function readStored(db: Inspector): Promise<Stored> {
  const rows = await db.query<InterviewRow>('select id, protocol_version, status, step, disposition, gate, rules, outcome, completed_at from interviews');
  const entryRows = await db.query<EntryRow>(
    'select id, interview_id, role, question_id, step, value, superseded_at from transcript_entries order by interview_id, id',
  );
  const entries = new Map<string, EntryRow[]>();
  for (const e of entryRows) {
    const list = entries.get(e.interview_id) ?? [];
    list.push(e);
    entries.set(e.interview_id, list);
  }
  const answers = new Map<string, Answer[]>();
  for (const [id, list] of entries) {
    answers.set(
      id,
      list
        .filter((e) => e.role === 'patient' && e.superseded_at === null)
        .sort((a, b) => a.step - b.step)
        .map((e) => ({ questionId: e.question_id, value: e.value as Answer['value'] })),
    );
  }
  return { interviews: new Map(rows.map((r) => [r.id, r])), answers, entries };
}

const plain = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as unknown;

/**
 * Every interview in the database is whole: live answers at steps 0..n-1 with one question asked per step, the answers
 * replay through the triage machine, and the stored status, step and outcome are what that replay gives. Returns one
 * line per problem.
 */
export function consistencyProblems(stored: Stored): string[] {
  const problems: string[] = [];
  for (const [id, row] of stored.interviews) {
    const list = stored.entries.get(id) ?? [];
    const live = list.filter((e) => e.superseded_at === null);
    const patient = live.filter((e) => e.role === 'patient').sort((a, b) => a.step - b.step);
    const assistant = live.filter((e) => e.role === 'assistant').sort((a, b) => a.step - b.step);
    const say = (p: string) => problems.push(`interview ${id}: ${p}`);

    if (!patient.every((e, i) => e.step === i)) say(`live answers at steps ${patient.map((e) => e.step).join(',')}, not 0..${patient.length - 1}`);
    if (!assistant.every((e, i) => e.step === i)) say(`live questions at steps ${assistant.map((e) => e.step).join(',')}`);
    for (const answer of patient) {
      const asked = assistant.find((e) => e.step === answer.step);
      if (asked?.question_id !== answer.question_id) say(`step ${answer.step} answers ${answer.question_id} but asked ${asked?.question_id}`);
    }
    let state;
    try {
      state = replay(protocolFor(row.protocol_version), patient.map((e) => ({ questionId: e.question_id, value: e.value }) as RecordedAnswer));
    } catch (error) {
      say(`answers do not replay: ${(error as Error).message}`);
      continue;
    }
    const expectedQuestions = state.status === 'asking' ? patient.length + 1 : patient.length;
    if (assistant.length !== expectedQuestions) say(`${assistant.length} live questions for ${patient.length} answers (${state.status})`);
    if (state.question && assistant.at(-1)?.question_id !== state.question) say(`asking ${assistant.at(-1)?.question_id}, replay asks ${state.question}`);
    const status = state.status === 'asking' ? 'in_progress' : state.status;
    if (row.status !== status) say(`status ${row.status}, replay gives ${status}`);
    if (row.step !== patient.length) say(`step column ${row.step}, ${patient.length} live answers`);
    if (row.disposition !== (state.outcome?.disposition ?? null)) say(`disposition ${row.disposition}, replay gives ${state.outcome?.disposition}`);
    if (row.gate !== (state.outcome?.gate ?? null)) say(`gate ${row.gate}, replay gives ${state.outcome?.gate}`);
    if (!isDeepStrictEqual(plain(row.rules), plain(state.outcome?.rules))) {
      say(`rules ${JSON.stringify(row.rules)}, replay gives ${JSON.stringify(state.outcome?.rules)}`);
    }
    if (!isDeepStrictEqual(plain(row.outcome), plain(state.outcome))) say('stored outcome differs from the replayed one');
    if ((row.completed_at === null) !== (status === 'in_progress')) say(`completed_at ${String(row.completed_at)} with status ${status}`);
  }
  return problems;
}

/** Live entries sharing one step: the unique index should make this impossible, so it is checked directly. */
export async function duplicateLiveSteps(db: Inspector): Promise<unknown[]> {
  return db.query(
    `select interview_id, role, step, count(*)::int as n from transcript_entries
      where superseded_at is null group by interview_id, role, step having count(*) > 1`,
  );
}

/** Interviews whose stored live answers are not exactly what their client holds as accepted. */
export function answerMismatches(stored: Stored, clients: Iterable<Pick<Interview, 'id' | 'answers'>>): string[] {
  const problems: string[] = [];
  for (const iv of clients) {
    if (!stored.interviews.has(iv.id)) {
      problems.push(`interview ${iv.id} is missing from the database`);
      continue;
    }
    const answers = stored.answers.get(iv.id) ?? [];
    if (!isDeepStrictEqual(answers, iv.answers)) {
      problems.push(`interview ${iv.id}: stored ${JSON.stringify(answers)}, client sent ${JSON.stringify(iv.answers)}`);
    }
  }
  return problems;
}

const TABLES = [
  { table: 'interviews', order: 'id', owner: 'id' },
  { table: 'transcript_entries', order: 'id', owner: 'interview_id' },
  { table: 'reviews', order: 'id', owner: 'interview_id' },
  { table: 'clinicians', order: 'id', owner: null },
] as const;

export interface Excluded {
  interviews?: ReadonlySet<string>;
  reviews?: ReadonlySet<string>;
  clinicians?: ReadonlySet<string>;
}

/** Row counts and content hashes of the tables that hold patient and clinician data, minus rows known to be new. */
export async function snapshot(db: Inspector, excluded: Excluded = {}): Promise<Record<string, { rows: number; sha256: string }>> {
  const result: Record<string, { rows: number; sha256: string }> = {};
  for (const { table, order, owner } of TABLES) {
    const rows = await db.query<Record<string, unknown>>(`select * from ${table} order by ${order}`);
    const kept = rows.filter((r) => {
      if (owner && excluded.interviews?.has(String(r[owner]))) return false;
      if (table === 'reviews' && excluded.reviews?.has(String(r.id))) return false;
      if (table === 'clinicians' && excluded.clinicians?.has(String(r.id))) return false;
      return true;
    });
    result[table] = { rows: kept.length, sha256: createHash('sha256').update(JSON.stringify(kept)).digest('hex') };
  }
  return result;
}
