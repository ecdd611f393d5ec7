import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '../../db/client';
import { interviews, transcriptEntries, type InterviewRow, type TranscriptRow } from '../../db/schema';
import { audit } from '../audit';
import { entryView, type Entry } from '../interview/present';
import type { Outcome } from '../protocol/outcome';
import type { Plan } from '../protocol/plan/build';
import type { Protocol } from '../protocol/define';
import type { Disposition, Gate } from '../protocol/types';
import { protocolFor } from '../protocol/versions';
import { listReviews, type Review } from './reviews';
import type { Actor } from './types';

export interface InterviewSummary {
  id: string;
  code: string;
  status: 'in_progress' | 'complete' | 'declined';
  protocolVersion: string;
  locale: string;
  disposition: Disposition | null;
  gate: Gate | null;
  /** Answers accepted so far. */
  step: number;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/** A transcript entry as the patient saw it; an answer also carries the question it answered. */
export interface DetailEntry extends Entry {
  step: number;
  /** For an answer: the question text shown when it was given. */
  question?: string;
}

/** A live (not superseded) answer, in the order asked. */
export interface AnswerLine {
  questionId: string;
  question: string;
  value: unknown;
  label: string;
  at: string;
}

export interface FiredRule {
  id: string;
  kind: 'disposition' | 'gate';
  /** The disposition or gate the rule leads to. */
  leadsTo: string;
  condition: string;
  reason: string;
  sources: { id: string; title: string; publisher: string }[];
}

export interface InterviewDetail {
  session: InterviewSummary;
  transcript: DetailEntry[];
  answers: AnswerLine[];
  outcome: Outcome | null;
  firedRules: FiredRule[];
  protocolVersion: string;
  plan: Plan | null;
  reviews: Review[];
}

/** A fired rule with its condition, plain reason and sources, from the data of the interview's protocol version. */
export function describeRule(protocol: Protocol, id: string): FiredRule {
  const rule = protocol.rule(id);
  // A stored outcome should only name rules of its own version; if it ever does not, show the id rather than fail.
  if (!rule) return { id, kind: 'disposition', leadsTo: 'unknown', condition: `not in protocol ${protocol.id}`, reason: '', sources: [] };
  return { id, kind: rule.table, leadsTo: rule.outcome, condition: rule.condition, reason: rule.reason, sources: rule.sources };
}

function summary(row: InterviewRow): InterviewSummary {
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    protocolVersion: row.protocolVersion,
    locale: row.locale,
    disposition: row.disposition as Disposition | null,
    gate: row.gate as Gate | null,
    step: row.step,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

function transcriptOf(protocol: Protocol, rows: TranscriptRow[]): { transcript: DetailEntry[]; answers: AnswerLine[] } {
  const shown = new Map<string, string>();
  const transcript: DetailEntry[] = [];
  for (const row of rows) {
    const entry: DetailEntry = { ...entryView(row), step: row.step };
    if (row.role === 'assistant') shown.set(row.questionId, row.text);
    else entry.question = shown.get(row.questionId) ?? (protocol.isQuestionId(row.questionId) ? protocol.question(row.questionId).prompt : row.questionId);
    transcript.push(entry);
  }
  const answers = transcript
    .filter((e) => e.role === 'patient' && !e.supersededAt)
    .sort((a, b) => a.step - b.step)
    .map((e) => ({ questionId: e.questionId, question: e.question ?? '', value: e.value, label: e.text, at: e.at }));
  return { transcript, answers };
}

/** Everything about one interview, unaudited: callers audit what they do with it (view or export). */
export async function readInterview(id: string): Promise<InterviewDetail | undefined> {
  if (!z.uuid().safeParse(id).success) return undefined;
  const db = await getDb();
  const [row] = await db.select().from(interviews).where(eq(interviews.id, id));
  if (!row) return undefined;
  const [rows, reviewList] = await Promise.all([
    db.select().from(transcriptEntries).where(eq(transcriptEntries.interviewId, id)).orderBy(asc(transcriptEntries.id)),
    listReviews(id),
  ]);
  const outcome = (row.outcome as Outcome | null) ?? null;
  const protocol = protocolFor(row.protocolVersion);
  return {
    session: summary(row),
    ...transcriptOf(protocol, rows),
    outcome,
    firedRules: outcome ? [...outcome.rules, ...outcome.gateRules].map((id) => describeRule(protocol, id)) : [],
    protocolVersion: row.protocolVersion,
    plan: outcome?.plan ?? null,
    reviews: reviewList,
  };
}

/** One interview for a clinician to read; the view is audited. Undefined when there is no such interview. */
export async function getInterviewDetail(id: string, viewer: Actor): Promise<InterviewDetail | undefined> {
  const detail = await readInterview(id);
  if (detail) {
    await audit({ action: 'interview.viewed', actor: viewer, address: viewer.address, targetType: 'interview', targetId: id });
  }
  return detail;
}

/** One interview as a JSON download; audited as an export. */
export async function exportInterviewJson(id: string, by: Actor): Promise<InterviewDetail | undefined> {
  const detail = await readInterview(id);
  if (detail) {
    await audit({ action: 'interview.exported', actor: by, address: by.address, targetType: 'interview', targetId: id, detail: { format: 'json' } });
  }
  return detail;
}
