import 'server-only';
import { and, asc, eq, gt, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { interviews, transcriptEntries } from '../../db/schema';
import type { PlanStep } from '../protocol/plan/build';
import type { Disposition, Gate } from '../protocol/types';
import type { ImpactOptions } from './options';
import type { StoredAnswer } from './replay-under';

/** A finished interview as the impact reads it: its stored outcome and its live answers by question. */
export interface StoredInterview {
  id: string;
  code: string;
  disposition: Disposition;
  gate: Gate;
  rules: string[];
  gateRules: string[];
  steps: PlanStep[] | null;
  /** The live answers, in the order asked. */
  answers: StoredAnswer[];
}

const DAY_MS = 86_400_000;

/**
 * Every finished interview stored under `options.from` (created within since..until, whole UTC days), in batches:
 * keyset pages on the id, then the live answers of just that page. Only one batch is held at a time, whatever the
 * size of the database. The outcome is read in part (gate rules and plan steps, not the advice texts).
 */
export async function* finishedInterviews(options: ImpactOptions, batchSize: number): AsyncGenerator<StoredInterview[]> {
  const db = await getDb();
  const where: SQL[] = [eq(interviews.protocolVersion, options.from), eq(interviews.status, 'complete')];
  if (options.since) where.push(gte(interviews.createdAt, options.since));
  if (options.until) where.push(lt(interviews.createdAt, new Date(options.until.getTime() + DAY_MS)));
  let after: string | undefined;
  for (;;) {
    const rows = await db
      .select({
        id: interviews.id,
        code: interviews.code,
        disposition: interviews.disposition,
        gate: interviews.gate,
        rules: interviews.rules,
        gateRules: sql<string[] | null>`${interviews.outcome} -> 'gateRules'`,
        steps: sql<PlanStep[] | null>`${interviews.outcome} -> 'plan' -> 'steps'`,
      })
      .from(interviews)
      .where(and(...where, ...(after ? [gt(interviews.id, after)] : [])))
      .orderBy(asc(interviews.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;

    const answers = new Map(rows.map((r) => [r.id, [] as StoredAnswer[]]));
    const entries = await db
      .select({ interviewId: transcriptEntries.interviewId, questionId: transcriptEntries.questionId, value: transcriptEntries.value })
      .from(transcriptEntries)
      .where(
        and(
          inArray(transcriptEntries.interviewId, rows.map((r) => r.id)),
          eq(transcriptEntries.role, 'patient'),
          isNull(transcriptEntries.supersededAt),
        ),
      )
      .orderBy(asc(transcriptEntries.interviewId), asc(transcriptEntries.step));
    for (const e of entries) answers.get(e.interviewId)!.push({ questionId: e.questionId, value: e.value as StoredAnswer['value'] });

    yield rows.map((r) => ({
      id: r.id,
      code: r.code,
      disposition: r.disposition as Disposition,
      gate: r.gate as Gate,
      rules: r.rules ?? [],
      gateRules: r.gateRules ?? [],
      steps: r.steps,
      answers: answers.get(r.id)!,
    }));
    if (rows.length < batchSize) return;
  }
}
