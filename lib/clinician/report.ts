import 'server-only';
import { z } from 'zod';
import { and, count, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { interviews, reviews } from '../../db/schema';
import { env } from '../env';
import { protocolFor, VERSION_IDS } from '../protocol/versions';
import { day, parseWith, type ParamsInput, type Parsed } from './params';

export interface RuleReport {
  id: string;
  kind: 'disposition' | 'gate';
  leadsTo: string;
  condition: string;
  /** Finished interviews in which the rule fired. */
  fired: number;
  /** Of those, how many have at least one review. */
  reviewed: number;
  /** Review verdicts on those interviews (an interview may have several reviews). */
  agree: number;
  overTriaged: number;
  underTriaged: number;
  /** overTriaged + underTriaged. */
  disagreed: number;
}

export interface ProtocolReport {
  protocolVersion: string;
  from: string | null;
  to: string | null;
  /** Finished interviews in the period, and how many of them are reviewed. */
  interviews: number;
  reviewedInterviews: number;
  rules: RuleReport[];
}

export interface ReportFilters {
  /** The protocol version reported on; the active one when absent. Rules and their numbers are per version. */
  version?: string;
  from?: Date;
  to?: Date;
}

const DAY_MS = 86_400_000;

export function parseReportFilters(input: ParamsInput): Parsed<ReportFilters> {
  return parseWith(
    z
      .object({
        version: z.enum(VERSION_IDS, { error: `version must be one of ${VERSION_IDS.join(', ')}.` }).optional(),
        from: day('from').optional(),
        to: day('to').optional(),
      })
      .refine((f) => !(f.from && f.to && f.from > f.to), {
      error: 'from must be on or before to.',
    }),
    input,
  );
}

/**
 * For each rule of the protocol (R01-R30, G1-G4): how often it fired, how often those interviews were reviewed, and
 * how often reviewers disagreed with the disposition. Three grouped queries, whatever the number of interviews.
 */
export async function protocolReport(filters: ReportFilters = {}): Promise<ProtocolReport> {
  const db = await getDb();
  const protocol = protocolFor(filters.version ?? env().PROTOCOL_VERSION);
  const where: SQL[] = [eq(interviews.status, 'complete'), eq(interviews.protocolVersion, protocol.id)];
  if (filters.from) where.push(gte(interviews.createdAt, filters.from));
  if (filters.to) where.push(lt(interviews.createdAt, new Date(filters.to.getTime() + DAY_MS)));

  const dispositionRules = db
    .select({ interviewId: interviews.id, rule: sql<string>`unnest(${interviews.rules})`.as('rule') })
    .from(interviews)
    .where(and(...where));
  const gateRules = db
    .select({
      interviewId: interviews.id,
      rule: sql<string>`jsonb_array_elements_text(coalesce(${interviews.outcome} -> 'gateRules', '[]'::jsonb))`.as('rule'),
    })
    .from(interviews)
    .where(and(...where));
  const fired = dispositionRules.unionAll(gateRules).as('fired');

  // Reviews are folded to one row per interview first, so the join below multiplies nothing and needs no DISTINCT.
  const verdict = (v: string) => sql<number>`count(*) filter (where ${reviews.verdict} = ${v})`;
  const perInterview = db
    .select({
      interviewId: reviews.interviewId,
      agree: verdict('agree').as('agree'),
      over: verdict('over_triaged').as('over'),
      under: verdict('under_triaged').as('under'),
    })
    .from(reviews)
    .groupBy(reviews.interviewId)
    .as('per_interview');
  const total = (column: SQL.Aliased<number>) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
  const anyReview = sql`exists (select 1 from ${reviews} where ${reviews.interviewId} = ${interviews.id})`;
  const [perRule, [totals]] = await Promise.all([
    db
      .select({
        rule: fired.rule,
        fired: count(),
        reviewed: count(perInterview.interviewId),
        agree: total(perInterview.agree),
        overTriaged: total(perInterview.over),
        underTriaged: total(perInterview.under),
      })
      .from(fired)
      .leftJoin(perInterview, eq(perInterview.interviewId, fired.interviewId))
      .groupBy(fired.rule),
    db
      .select({ interviews: count(), reviewed: sql<number>`count(*) filter (where ${anyReview})`.mapWith(Number) })
      .from(interviews)
      .where(and(...where)),
  ]);

  const byRule = new Map(perRule.map((r) => [r.rule, r]));
  return {
    protocolVersion: protocol.id,
    from: filters.from?.toISOString().slice(0, 10) ?? null,
    to: filters.to?.toISOString().slice(0, 10) ?? null,
    interviews: totals?.interviews ?? 0,
    reviewedInterviews: totals?.reviewed ?? 0,
    rules: protocol.rules.map((rule) => {
      const r = byRule.get(rule.id);
      const over = r?.overTriaged ?? 0;
      const under = r?.underTriaged ?? 0;
      return {
        id: rule.id,
        kind: rule.table,
        leadsTo: rule.outcome,
        condition: rule.condition,
        fired: r?.fired ?? 0,
        reviewed: r?.reviewed ?? 0,
        agree: r?.agree ?? 0,
        overTriaged: over,
        underTriaged: under,
        disagreed: over + under,
      };
    }),
  };
}
