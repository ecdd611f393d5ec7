import type { Protocol } from '../protocol/define';
import type { Outcome } from '../protocol/outcome';
import type { QuestionId } from '../protocol/types';
import type { InterviewRow, TranscriptRow } from '../../db/schema';
import type { InterviewState } from './replay';

/** API.md shapes. */
export interface QuestionView {
  id: QuestionId;
  kind: 'consent' | 'single' | 'multi' | 'integer';
  prompt: string;
  help?: string;
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
}

export interface Turn {
  step: number;
  status: 'asking' | 'complete' | 'declined';
  question?: QuestionView;
  outcome?: Outcome;
}

export interface SessionView {
  id: string;
  code: string;
  status: 'in_progress' | 'complete' | 'declined';
  protocolVersion: string;
  locale: string;
  createdAt: string;
}

export interface Entry {
  at: string;
  role: 'assistant' | 'patient';
  questionId: string;
  text: string;
  value?: unknown;
  supersededAt?: string;
}

export function questionView(p: Protocol, id: QuestionId): QuestionView {
  const q = p.question(id);
  return {
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    help: q.help,
    ...(q.options ? { options: q.options.map((o) => ({ value: o.value, label: o.label })) } : {}),
    ...(q.kind === 'integer' ? { min: q.min, max: q.max } : {}),
  };
}

export function turnOf(p: Protocol, state: InterviewState): Turn {
  return {
    step: state.step,
    status: state.status,
    ...(state.question ? { question: questionView(p, state.question) } : {}),
    ...(state.outcome ? { outcome: state.outcome } : {}),
  };
}

export function sessionStatus(state: InterviewState): SessionView['status'] {
  return state.status === 'asking' ? 'in_progress' : state.status;
}

export function sessionView(
  row: Pick<InterviewRow, 'id' | 'code' | 'status' | 'protocolVersion' | 'locale' | 'createdAt'>,
): SessionView {
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    protocolVersion: row.protocolVersion,
    locale: row.locale,
    createdAt: row.createdAt.toISOString(),
  };
}

export function entryView(row: TranscriptRow): Entry {
  return {
    at: row.at.toISOString(),
    role: row.role,
    questionId: row.questionId,
    text: row.text,
    ...(row.role === 'patient' ? { value: row.value } : {}),
    ...(row.supersededAt ? { supersededAt: row.supersededAt.toISOString() } : {}),
  };
}
