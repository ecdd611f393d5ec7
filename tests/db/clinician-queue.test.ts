import { randomUUID } from 'node:crypto';
import { and, desc, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { interviews, reviews } from '@/db/schema';
import { GET as queueRoute } from '@/app/api/v1/clinician/interviews/route';
import { GET as csvRoute } from '@/app/api/v1/clinician/export.csv/route';
import { csvCell, csvRow } from '@/lib/clinician/csv';
import { conditions, listInterviews, parseQueueFilters, queueSummary, type QueueFilters, type QueueItem } from '@/lib/clinician/queue';
import { newCode } from '@/lib/interview/tokens';
import { SELF_CARE } from '../support/answers';
import { auditLog, expectError, makeAccount, playInterview, req, tokenFor } from '../support/clinician';
import { resetDb } from '../support/db';

beforeEach(resetDb);
afterAll(closeDb);

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-10T12:00:00Z');

interface Seed {
  disposition?: string;
  status?: 'in_progress' | 'complete' | 'declined';
  rules?: string[];
  gateRules?: string[];
  at: number;
  code?: string;
  version?: string;
}

/** Interview rows written directly (the queue reads only these columns), for exact control of times and outcomes. */
async function seed(rows: Seed[]): Promise<string[]> {
  const db = await getDb();
  const values = rows.map((r) => {
    const status = r.status ?? (r.disposition ? 'complete' : 'in_progress');
    return {
      id: randomUUID(),
      code: r.code ?? newCode(),
      tokenHash: 'x'.repeat(64),
      protocolVersion: r.version ?? 'bp-2',
      status,
      disposition: r.disposition ?? null,
      gate: r.disposition === 'self_care' ? 'standard' : r.disposition ? 'none' : null,
      rules: r.rules ?? (r.disposition ? ['R30_no_flags'] : null),
      outcome: r.disposition ? { disposition: r.disposition, rules: r.rules ?? [], gateRules: r.gateRules ?? [] } : null,
      createdAt: new Date(r.at),
      updatedAt: new Date(r.at),
      completedAt: status === 'in_progress' ? null : new Date(r.at + 60_000),
    };
  });
  await db.insert(interviews).values(values);
  return values.map((v) => v.id);
}

function filters(query: Record<string, string> = {}): QueueFilters {
  const parsed = parseQueueFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

async function all(query: Record<string, string>, limit = 3): Promise<QueueItem[]> {
  const out: QueueItem[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listInterviews({ ...filters({ ...query, limit: String(limit) }), cursor });
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

describe('the queue', () => {
  it('orders most urgent first, newest first within, then unfinished and declined', async () => {
    await seed([
      { disposition: 'self_care', at: T0 + 5 * DAY },
      { disposition: 'consultation', at: T0 },
      { disposition: 'emergency', at: T0 + DAY },
      { at: T0 + 9 * DAY },
      { status: 'declined', at: T0 + 10 * DAY },
      { disposition: 'emergency_ambulance', at: T0 - DAY },
      { disposition: 'consultation_24', at: T0 + 2 * DAY },
      { disposition: 'emergency', at: T0 + 3 * DAY },
    ]);
    const items = await all({}, 100);
    expect(items.map((i) => `${i.disposition ?? i.status}@${i.createdAt.slice(5, 10)}`)).toEqual([
      'emergency_ambulance@03-09',
      'emergency@03-13',
      'emergency@03-11',
      'consultation_24@03-12',
      'consultation@03-10',
      'self_care@03-15',
      'in_progress@03-19',
      'declined@03-20',
    ]);
  });

  it('pages with an opaque keyset cursor: no row lost or repeated, even with equal times and microsecond differences', async () => {
    const sameTime = Array.from({ length: 5 }, () => ({ disposition: 'consultation', at: T0 }));
    await seed([...sameTime, ...Array.from({ length: 7 }, (_, i) => ({ disposition: i % 2 ? 'emergency' : 'self_care', at: T0 + i * 1000 }))]);
    const db = await getDb();
    // Rows that differ by microseconds only (a bulk load with now()), which a millisecond cursor would mis-page.
    await db.execute(
      sql`insert into interviews (id, code, token_hash, protocol_version, status, disposition, created_at)
        select gen_random_uuid(), 'MIC-' || lpad(g::text, 3, '0') || '-XXX', 'x', 'bp-1', 'complete', 'consultation',
               timestamptz '2026-03-10T12:00:00.000Z' + (g || ' microseconds')::interval from generate_series(1, 4) g`,
    );
    const paged = await all({}, 2);
    const whole = (await listInterviews(filters({ limit: '200' }))).items;
    expect(paged.map((i) => i.id)).toEqual(whole.map((i) => i.id));
    expect(new Set(paged.map((i) => i.id)).size).toBe(16);
    const first = await listInterviews(filters({ limit: '2' }));
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseQueueFilters(new URLSearchParams({ cursor: 'garbage' }))).toMatchObject({ ok: false });
  });

  it('filters by disposition, reviewed, dates, fired rule and short code, and counts per disposition', async () => {
    const clinician = await makeAccount();
    const [a, b, , d] = await seed([
      { disposition: 'emergency', rules: ['R05_cauda_equina', 'R21_nerve_symptoms'], at: T0, code: 'BK7-F3Q-92X' },
      { disposition: 'consultation', rules: ['R21_nerve_symptoms'], at: T0 + DAY, code: 'BK7-F4A-111', version: 'bp-1' },
      { disposition: 'self_care', rules: ['R30_no_flags'], gateRules: ['G1_older_adult'], at: T0 + 2 * DAY },
      { disposition: 'self_care', rules: ['R30_no_flags'], gateRules: ['G4_standard'], at: T0 + 3 * DAY },
      { at: T0 + 3 * DAY },
    ]);
    const db = await getDb();
    await db.insert(reviews).values([
      { interviewId: a!, clinicianId: clinician.id, verdict: 'agree' },
      { interviewId: d!, clinicianId: clinician.id, verdict: 'over_triaged' },
    ]);
    const ids = async (q: Record<string, string>) => (await all(q, 100)).map((i) => i.id);
    expect(await ids({ disposition: 'self_care' })).toHaveLength(2);
    expect(await ids({ disposition: 'in_progress' })).toHaveLength(1);
    expect(await ids({ reviewed: 'yes' })).toEqual([a, d]);
    expect(await ids({ reviewed: 'no' })).toHaveLength(3);
    expect(await ids({ from: '2026-03-11', to: '2026-03-12' })).toHaveLength(2);
    expect(await ids({ to: '2026-03-10' })).toEqual([a]);
    expect(await ids({ rule: 'R21_nerve_symptoms' })).toEqual([a, b]);
    expect(await ids({ rule: 'G1_older_adult' })).toHaveLength(1);
    expect(await ids({ rule: 'G4_standard' })).toEqual([d]);
    expect(await ids({ q: 'bk7 f3q 92x' })).toEqual([a]);
    expect(await ids({ q: 'bk7f3q92x' })).toEqual([a]);
    expect(await ids({ q: 'bk7-f' })).toEqual([a, b]);
    expect(await ids({ version: 'bp-1' })).toEqual([b]);
    expect(await ids({ version: 'bp-2' })).toHaveLength(4);
    expect((await all({ version: 'bp-1' }, 100))[0]).toMatchObject({ protocolVersion: 'bp-1' });
    expect(parseQueueFilters(new URLSearchParams({ version: 'bp-9' }))).toMatchObject({ ok: false, message: expect.stringContaining('bp-1, bp-2') });
    expect(parseQueueFilters(new URLSearchParams({ q: '%_' }))).toMatchObject({ ok: false, message: expect.stringContaining('q must be') });
    expect(await ids({ disposition: 'self_care', reviewed: 'yes' })).toEqual([d]);

    const page = await listInterviews(filters({ reviewed: 'yes' }));
    expect(page.items[0]).toMatchObject({ reviewCount: 1, lastVerdict: 'agree' });
    expect(page.items[1]).toMatchObject({ reviewCount: 1, lastVerdict: 'over_triaged', gateRules: ['G4_standard'] });

    const summary = await queueSummary(filters({ disposition: 'self_care', from: '2026-03-09', to: '2026-03-14' }), { maxAgeMs: 0 });
    // Tab counts ignore the disposition filter, keep the others.
    expect(summary.counts).toEqual({
      emergency_ambulance: 0,
      emergency: 1,
      consultation_24: 0,
      consultation: 1,
      self_care: 2,
      in_progress: 1,
      declined: 0,
    });
    expect(summary.total).toBe(5);
    expect(summary.days.map((d) => d.day)).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14']);
    expect(summary.days.find((d) => d.day === '2026-03-13')?.counts).toEqual({ self_care: 1 });
    expect(summary.days.find((d) => d.day === '2026-03-10')?.counts).toEqual({ emergency: 1 });
  });

  it('keeps the counts for a few seconds per filter set, and counts afresh when asked', async () => {
    await seed([{ disposition: 'emergency', at: T0 }]);
    const f = filters({ from: '2026-01-01' });
    expect((await queueSummary(f, { maxAgeMs: 0 })).counts.emergency).toBe(1);
    await seed([{ disposition: 'emergency', at: T0 + 1 }]);
    const cached = await queueSummary({ ...f, disposition: 'self_care' });
    expect(cached.counts.emergency).toBe(1);
    expect(Date.now() - Date.parse(cached.asOf)).toBeLessThan(10_000);
    expect((await queueSummary(f, { maxAgeMs: 0 })).counts.emergency).toBe(2);
  });

  it('rejects bad filters with 400 invalid_query naming the parameter', async () => {
    const token = await tokenFor(await makeAccount());
    for (const [q, word] of [
      ['disposition=urgent', 'disposition'],
      ['reviewed=maybe', 'reviewed'],
      ['from=10/03/2026', 'from'],
      ['rule=R99', 'rule'],
      ['from=2026-03-10&to=2026-03-01', 'from must be on or before to'],
      ['limit=1000', 'limit'],
    ] as const) {
      const error = await expectError(await queueRoute(req(`/api/v1/clinician/interviews?${q}`, { token })), 400, 'invalid_query');
      expect(error.message).toContain(word);
    }
  });

  it('refuses a crafted cursor with 400 invalid_query (API) and an error on the page, never a database error', async () => {
    const token = await tokenFor(await makeAccount());
    await seed([{ disposition: 'self_care', at: T0 }]);
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const id = randomUUID();
    for (const crafted of [
      { u: 2, c: 'not a time', id },
      { u: 2, c: '2026-13-45T99:00:00.000000Z', id },
      { u: 2, c: '0000-01-01T00:00:00.000000Z', id },
      { u: 2, c: '2026-03-10T12:00:00Z', id },
      { u: 40_000, c: '2026-03-10T12:00:00.000000Z', id },
      { u: -1, c: '2026-03-10T12:00:00.000000Z', id },
    ]) {
      const where = JSON.stringify(crafted);
      const res = await queueRoute(req(`/api/v1/clinician/interviews?cursor=${cursor(crafted)}`, { token }));
      const error = await expectError(res, 400, 'invalid_query');
      expect(error.message, where).toMatch(/cursor is not one this server gave out/);
      // The page reads its filters with the same parser, and shows this message above the form.
      expect(parseQueueFilters({ cursor: cursor(crafted) }), where).toMatchObject({ ok: false, message: error.message });
    }
    // A cursor the server gave out still works.
    const first = await listInterviews(filters({ limit: '1' }));
    expect(first.items).toHaveLength(1);
    expect(parseQueueFilters({ cursor: cursor({ u: 2, c: '2026-03-10T12:00:00.000000Z', id }) })).toMatchObject({ ok: true });
  });

  it('serves the queue over the API with counts and chart days, played interviews included', async () => {
    const token = await tokenFor(await makeAccount());
    const played = await playInterview(SELF_CARE);
    const res = await queueRoute(req('/api/v1/clinician/interviews?disposition=self_care', { token }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items).toEqual([expect.objectContaining({ id: played.id, code: played.code, disposition: 'self_care', gate: 'standard', rules: ['R30_no_flags'], gateRules: ['G4_standard'] })]);
    expect(body.counts.self_care).toBe(1);
    expect(body.days).toHaveLength(30);
    expect(body.days.at(-1).counts).toEqual({ self_care: 1 });
    expect(body.nextCursor).toBeNull();
  });

  it('stays on the indexes: each filter walks an index in queue order, with no sort of the table', async () => {
    const db = await getDb();
    const plan = async (query: Record<string, string>) => {
      const page = db
        .select({ id: interviews.id })
        .from(interviews)
        .where(and(...conditions(filters(query))))
        .orderBy(desc(interviews.urgency), desc(interviews.createdAt), desc(interviews.id))
        .limit(51);
      const result = await db.execute(sql`explain ${page}`);
      return JSON.stringify((result as unknown as { rows: unknown[] }).rows);
    };
    // An empty test table makes any plan cheap; this asks which index the planner can use, as on a full one.
    await db.execute(sql`set enable_seqscan = off`);
    await db.execute(sql`set enable_bitmapscan = off`);
    try {
      for (const [query, index] of [
        [{}, 'interviews_queue_idx'],
        [{ disposition: 'consultation' }, 'interviews_queue_idx'],
        [{ reviewed: 'no' }, 'interviews_queue_idx'],
        [{ rule: 'R21_nerve_symptoms' }, 'interviews_rule_r21_nerve_symptoms_idx'],
        [{ rule: 'G1_older_adult', reviewed: 'yes' }, 'interviews_rule_g1_older_adult_idx'],
      ] as const) {
        const text = await plan(query);
        expect(text, JSON.stringify(query)).toContain(index);
        expect(text, JSON.stringify(query)).not.toMatch(/"Sort|Seq Scan on interviews/);
      }
    } finally {
      await db.execute(sql`reset enable_seqscan`);
      await db.execute(sql`reset enable_bitmapscan`);
    }
  });
});

describe('CSV export', () => {
  it('escapes formula injection and CSV syntax', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(['R05_cauda_equina', 'R21_nerve_symptoms'])).toBe('R05_cauda_equina R21_nerve_symptoms');
    expect(csvCell('BK7-F3Q-92X')).toBe('BK7-F3Q-92X');
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('exports the whole filtered queue in queue order, across pages, and audits it', async () => {
    const clinician = await makeAccount();
    const token = await tokenFor(clinician);
    await seed([
      ...Array.from({ length: 1203 }, (_, i) => ({ disposition: 'self_care', at: T0 + i * 1000 })),
      { disposition: 'emergency', rules: ['R06_both_legs'], at: T0 },
      { disposition: 'consultation', at: T0 },
    ]);
    const res = await csvRoute(req('/api/v1/clinician/export.csv?from=2026-03-01', { token }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="knotwise-queue-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('code,interview_id,created_at,completed_at,status,disposition,gate,rules,gate_rules,protocol_version,review_count,last_verdict,last_reviewed_at');
    expect(lines).toHaveLength(1 + 1205);
    expect(lines[1]).toContain(',emergency,none,R06_both_legs,');
    expect(lines[2]).toContain(',consultation,');
    expect(new Set(lines.slice(1).map((l) => l.split(',')[1])).size).toBe(1205);

    const filtered = await (await csvRoute(req('/api/v1/clinician/export.csv?disposition=emergency', { token }))).text();
    expect(filtered.trimEnd().split('\r\n')).toHaveLength(2);
    const exports = (await auditLog()).filter((e) => e.action === 'queue.exported');
    expect(exports.map((e) => e.detail)).toEqual([
      { format: 'csv', filters: 'from=2026-03-01', rows: 1205 },
      { format: 'csv', filters: 'disposition=emergency', rows: 1 },
    ]);
    expect(exports[0]).toMatchObject({ actorId: clinician.id, actorEmail: clinician.email, address: '10.0.0.1' });
  });
});
