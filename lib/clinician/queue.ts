import 'server-only';
import { and, count, desc, eq, gte, isNotNull, like, lt, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { interviews, reviews, ruleFired, type ReviewVerdict } from '../../db/schema';
import { ALL_RULE_IDS } from '../protocol/versions';
import type { Disposition, Gate } from '../protocol/types';
import { decodeCursor, encodeCursor } from './params';
import { cursorSchema, filtersToQuery, QUEUE_BUCKETS, URGENCY, type QueueBucket, type QueueFilters } from './queue-filters';

export { filtersToQuery, parseQueueFilters, QUEUE_BUCKETS, type QueueBucket, type QueueFilters } from './queue-filters';

export interface QueueItem {
  id: string;
  code: string;
  status: 'in_progress' | 'complete' | 'declined';
  disposition: Disposition | null;
  gate: Gate | null;
  /** Disposition rules that fired (R01-R30). */
  rules: string[];
  /** Gate rules that fired (G1-G4; self_care only). */
  gateRules: string[];
  protocolVersion: string;
  createdAt: string;
  completedAt: string | null;
  reviewCount: number;
  lastVerdict: ReviewVerdict | null;
  lastReviewedAt: string | null;
}

export interface QueuePage {
  items: QueueItem[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Interviews per UTC day and disposition, for the queue's small chart (finished interviews only). */
export interface DayCounts {
  day: string;
  counts: Partial<Record<Disposition, number>>;
}

/** Both parts apply every filter but `disposition`: they show the whole picture the tabs choose from. */
export interface QueueSummary {
  /** Per bucket: the numbers on the queue's tabs. */
  counts: Record<QueueBucket, number>;
  total: number;
  days: DayCounts[];
  /** When these numbers were counted (they may be cached for a few seconds). */
  asOf: string;
}

const RULE_IDS = new Set<string>(ALL_RULE_IDS);
const DAY_MS = 86_400_000;
/** The chart's default span, and its cap, in days. */
const CHART_DAYS = 30;
const MAX_CHART_DAYS = 366;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The WHERE conditions of every filter but the cursor (and, for the tab counts, but the disposition). Exported for
 * the test that checks the query plans.
 */
export function conditions(f: Partial<QueueFilters>, withDisposition = true): SQL[] {
  const where: SQL[] = [];
  if (withDisposition && f.disposition) where.push(eq(interviews.urgency, URGENCY[f.disposition]));
  if (f.from) where.push(gte(interviews.createdAt, f.from));
  if (f.to) where.push(lt(interviews.createdAt, new Date(f.to.getTime() + DAY_MS)));
  // The exact predicate of that rule's partial index (db/schema.ts), so the planner walks it in queue order.
  if (f.rule) where.push(RULE_IDS.has(f.rule) ? ruleFired(f.rule) : sql`false`);
  if (f.version) where.push(eq(interviews.protocolVersion, f.version));
  if (f.q) where.push(f.q.length === 11 ? eq(interviews.code, f.q) : like(interviews.code, `${escapeLike(f.q)}%`));
  if (f.reviewed !== undefined) {
    const anyReview = sql`select 1 from ${reviews} where ${reviews.interviewId} = ${interviews.id}`;
    where.push(f.reviewed ? sql`exists (${anyReview})` : sql`not exists (${anyReview})`);
  }
  return where;
}

// Microsecond-exact, so a cursor never skips or repeats rows whose times differ by less than a millisecond.
const cursorTime = sql<string>`to_char(${interviews.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * One page of the queue: most urgent first (emergency_ambulance ... self_care, then unfinished, then declined), newest
 * first within each. Keyset pagination on (urgency, created_at, id), served by interviews_queue_idx. One round trip:
 * the page is cut first, then each of its rows looks up its latest review (a lateral join on reviews_interview_idx).
 */
export async function listInterviews(filters: QueueFilters): Promise<QueuePage> {
  const db = await getDb();
  const where = conditions(filters);
  const after = filters.cursor ? decodeCursor(filters.cursor, cursorSchema) : undefined;
  if (after) {
    where.push(sql`(${interviews.urgency}, ${interviews.createdAt}, ${interviews.id}) < (${after.u}, ${after.c}::timestamptz, ${after.id}::uuid)`);
  }
  const page = db
    .select({
      id: interviews.id,
      code: interviews.code,
      status: interviews.status,
      disposition: interviews.disposition,
      gate: interviews.gate,
      rules: interviews.rules,
      gateRules: sql<string[] | null>`${interviews.outcome} -> 'gateRules'`.as('gate_rules'),
      protocolVersion: interviews.protocolVersion,
      createdAt: interviews.createdAt,
      completedAt: interviews.completedAt,
      urgency: interviews.urgency,
      cursorTime: cursorTime.as('cursor_time'),
    })
    .from(interviews)
    .where(and(...where))
    .orderBy(desc(interviews.urgency), desc(interviews.createdAt), desc(interviews.id))
    .limit(filters.limit + 1)
    .as('page');
  const latest = db
    .select({
      verdict: reviews.verdict,
      reviewedAt: sql<Date>`${reviews.createdAt}`.as('reviewed_at'),
      reviewCount: sql<number>`count(*) over ()`.mapWith(Number).as('review_count'),
    })
    .from(reviews)
    .where(eq(reviews.interviewId, page.id))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(1)
    .as('latest');
  const rows = await db
    .select({
      id: page.id,
      code: page.code,
      status: page.status,
      disposition: page.disposition,
      gate: page.gate,
      rules: page.rules,
      gateRules: page.gateRules,
      protocolVersion: page.protocolVersion,
      createdAt: page.createdAt,
      completedAt: page.completedAt,
      urgency: page.urgency,
      cursorTime: page.cursorTime,
      verdict: latest.verdict,
      reviewedAt: latest.reviewedAt,
      reviewCount: latest.reviewCount,
    })
    .from(page)
    .leftJoinLateral(latest, sql`true`)
    .orderBy(desc(page.urgency), desc(page.createdAt), desc(page.id));
  const items = rows.slice(0, filters.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      id: r.id,
      code: r.code,
      status: r.status,
      disposition: r.disposition as Disposition | null,
      gate: r.gate as Gate | null,
      rules: r.rules ?? [],
      gateRules: r.gateRules ?? [],
      protocolVersion: r.protocolVersion,
      createdAt: r.createdAt.toISOString(),
      completedAt: r.completedAt?.toISOString() ?? null,
      reviewCount: r.reviewCount ?? 0,
      lastVerdict: r.verdict ?? null,
      lastReviewedAt: r.reviewedAt ? new Date(r.reviewedAt).toISOString() : null,
    })),
    nextCursor: rows.length > filters.limit && last ? encodeCursor({ u: last.urgency, c: last.cursorTime, id: last.id }) : null,
  };
}

/** How many interviews match the filters (the cursor is ignored). */
export async function countInterviews(filters: Partial<QueueFilters>): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(interviews).where(and(...conditions(filters)));
  return row?.n ?? 0;
}

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Counting 100,000 interviews costs tens of milliseconds, too much on every page view; the numbers are kept for a few
 * seconds per filter set instead (the list itself is always live). Concurrent requests share one count.
 */
export const SUMMARY_MAX_AGE_MS = 10_000;
const MAX_CACHED = 200;
const holder = globalThis as unknown as { __knotwiseQueueSummaries?: Map<string, { at: number; value: Promise<QueueSummary> }> };
const cache = (holder.__knotwiseQueueSummaries ??= new Map());

/**
 * The numbers around the queue: per-bucket counts for the tabs and interviews per day for the chart, at most
 * `maxAgeMs` old (0 counts afresh).
 */
export async function queueSummary(filters: Partial<QueueFilters>, options: { maxAgeMs?: number } = {}): Promise<QueueSummary> {
  const { disposition: _all, cursor: _first, limit: _any, ...relevant } = filters;
  const now = Date.now();
  const key = `${utcDay(new Date(now))}?${filtersToQuery(relevant)}`;
  const hit = cache.get(key);
  if (hit && now - hit.at <= (options.maxAgeMs ?? SUMMARY_MAX_AGE_MS)) return hit.value;
  const value = countSummary(relevant, new Date(now));
  cache.delete(key);
  cache.set(key, { at: now, value });
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}

async function countSummary(filters: Partial<QueueFilters>, now: Date): Promise<QueueSummary> {
  const db = await getDb();
  const byBucket = await db
    .select({ urgency: interviews.urgency, n: count() })
    .from(interviews)
    .where(and(...conditions(filters, false)))
    .groupBy(interviews.urgency);
  const counts = Object.fromEntries(QUEUE_BUCKETS.map((b) => [b, 0])) as Record<QueueBucket, number>;
  for (const row of byBucket) {
    const bucket = QUEUE_BUCKETS.find((b) => URGENCY[b] === row.urgency);
    if (bucket) counts[bucket] = row.n;
  }

  // The chart spans the filter's dates, or the last 30 days; never more than a year of bars.
  const today = new Date(`${utcDay(now)}T00:00:00Z`);
  const last = filters.to ?? today;
  let first = filters.from ?? new Date(last.getTime() - (CHART_DAYS - 1) * DAY_MS);
  if ((last.getTime() - first.getTime()) / DAY_MS >= MAX_CHART_DAYS) first = new Date(last.getTime() - (MAX_CHART_DAYS - 1) * DAY_MS);
  const dayOf = sql<string>`to_char(${interviews.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const perDay = await db
    .select({ day: dayOf, disposition: interviews.disposition, n: count() })
    .from(interviews)
    .where(and(...conditions({ ...filters, from: first, to: last }, false), isNotNull(interviews.disposition)))
    .groupBy(dayOf, interviews.disposition);
  const days: DayCounts[] = [];
  const index = new Map<string, DayCounts>();
  for (let t = first.getTime(); t <= last.getTime(); t += DAY_MS) {
    const entry: DayCounts = { day: utcDay(new Date(t)), counts: {} };
    days.push(entry);
    index.set(entry.day, entry);
  }
  for (const row of perDay) {
    const entry = index.get(row.day);
    if (entry && row.disposition) entry.counts[row.disposition as Disposition] = row.n;
  }
  return { counts, total: Object.values(counts).reduce((a, b) => a + b, 0), days, asOf: now.toISOString() };
}
