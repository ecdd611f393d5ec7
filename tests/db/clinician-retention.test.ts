import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { clinicianSessions, interviews, loginFailures, reviews, transcriptEntries } from '@/db/schema';
import { DELETE as deleteSession, GET as readSession } from '@/app/api/v1/sessions/[id]/route';
import { addReview } from '@/lib/clinician/reviews';
import { clinicianForToken, createSession } from '@/lib/clinician/sessions';
import { deleteInterview } from '@/lib/interview/delete';
import { purgeExpired, scheduleRetention } from '@/lib/retention';
import { SELF_CARE } from '../support/answers';
import { auditLog, BASE, expectError, makeAccount, params, playInterview, req } from '../support/clinician';
import { resetDb } from '../support/db';

beforeEach(resetDb);
afterAll(closeDb);

const DAY = 86_400_000;
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

async function age(id: string, days: number) {
  const db = await getDb();
  await db.update(interviews).set({ createdAt: new Date(Date.now() - days * DAY) }).where(eq(interviews.id, id));
}

async function counts() {
  const db = await getDb();
  const n = async (table: typeof interviews | typeof transcriptEntries | typeof reviews) =>
    (await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table))[0]!.n;
  return { interviews: await n(interviews), entries: await n(transcriptEntries), reviews: await n(reviews) };
}

describe('retention', () => {
  it('deletes interviews older than RETENTION_DAYS with their transcripts and reviews, and audits only counts', async () => {
    const clinician = { ...(await makeAccount()), address: '10.0.0.1' };
    const old = await playInterview(SELF_CARE);
    const edge = await playInterview({ consent: 'agree' });
    const recent = await playInterview(SELF_CARE);
    await addReview(old.id, clinician, { verdict: 'agree', note: 'old review' });
    await addReview(recent.id, clinician, { verdict: 'agree' });
    await age(old.id, 91);
    await age(edge.id, 89.9);

    const result = await purgeExpired({ via: 'command line' });
    expect(result).toMatchObject({ interviews: 1, retentionDays: 90 });
    const db = await getDb();
    expect((await db.select({ id: interviews.id }).from(interviews)).map((r) => r.id).sort()).toEqual([edge.id, recent.id].sort());
    expect(await db.select().from(transcriptEntries).where(eq(transcriptEntries.interviewId, old.id))).toEqual([]);
    expect(await db.select().from(reviews).where(eq(reviews.interviewId, old.id))).toEqual([]);
    // The surviving review is the recent interview's, by name, not merely "one review".
    expect(await db.select({ interviewId: reviews.interviewId, verdict: reviews.verdict }).from(reviews)).toEqual([
      { interviewId: recent.id, verdict: 'agree' },
    ]);
    expect([...new Set((await db.select({ id: transcriptEntries.interviewId }).from(transcriptEntries)).map((r) => r.id))].sort()).toEqual(
      [edge.id, recent.id].sort(),
    );

    const purged = (await auditLog()).filter((e) => e.action === 'retention.purged');
    expect(purged).toHaveLength(1);
    expect(purged[0]).toMatchObject({ actorId: null, targetId: null, detail: { interviews: 1, retentionDays: 90, via: 'command line' } });
    expect(JSON.stringify(purged)).not.toContain(old.id);

    // A shorter period (RETENTION_DAYS=30, say) takes more; nothing is left to take the second time.
    expect((await purgeExpired({ days: 1, now: new Date(Date.now() + 2 * DAY) })).interviews).toBe(2);
    expect((await purgeExpired()).interviews).toBe(0);
  });

  it('deletes in batches, and clears dead sign-in sessions and old failure counters', async () => {
    const db = await getDb();
    await db.execute(sql`insert into interviews (id, code, token_hash, protocol_version, status, created_at)
      select gen_random_uuid(), 'OLD-' || lpad(g::text, 4, '0'), 'x', 'bp-1', 'in_progress', now() - interval '200 days'
      from generate_series(1, 1234) g`);
    const account = await makeAccount();
    const live = await createSession(account.id, '10.0.0.1');
    await createSession(account.id, '10.0.0.1', undefined, new Date(Date.now() - 2 * DAY));
    await db.insert(loginFailures).values([
      { email: 'old@example.org', address: '10.0.0.1', at: new Date(Date.now() - 20 * 60_000) },
      { email: 'recent@example.org', address: '10.0.0.1' },
    ]);
    const recent = await playInterview({ consent: 'agree' });
    const result = await purgeExpired();
    expect(result).toMatchObject({ interviews: 1234, sessions: 1, loginFailures: 1 });
    // Named survivors: the live session (by the hash of its token), the recent failure, the recent interview.
    expect((await db.select({ tokenHash: clinicianSessions.tokenHash }).from(clinicianSessions)).map((r) => r.tokenHash)).toEqual([sha256(live.token)]);
    expect(await clinicianForToken(live.token)).toMatchObject({ id: account.id });
    expect((await db.select({ email: loginFailures.email }).from(loginFailures)).map((r) => r.email)).toEqual(['recent@example.org']);
    expect((await db.select({ id: interviews.id }).from(interviews)).map((r) => r.id)).toEqual([recent.id]);
  });
});

describe('the retention schedule', () => {
  const holder = globalThis as unknown as { __knotwiseRetention?: NodeJS.Timeout[] };
  afterEach(() => {
    vi.useRealTimers();
    for (const timer of holder.__knotwiseRetention ?? []) clearTimeout(timer);
    delete holder.__knotwiseRetention;
  });

  const serverPurges = async () => (await auditLog()).filter((e) => e.action === 'retention.purged' && (e.detail as { via?: string }).via === 'server');
  // Waits on the audit log itself (each check is a query, which lets the purge's own queries run); no timer is
  // involved, so it cannot move the faked clock. The test's timeout bounds it.
  const untilServerPurges = async (n: number) => {
    while ((await serverPurges()).length < n);
  };
  const surviving = async () => (await (await getDb()).select({ id: interviews.id }).from(interviews)).map((r) => r.id).sort();

  it('purges a minute after the server starts and then once a day, however often it is scheduled', async () => {
    const kept = await playInterview(SELF_CARE);
    const first = await playInterview(SELF_CARE);
    await age(first.id, 91);
    // Only the timers are faked: the database and the purge see the real clock.
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
    scheduleRetention();
    scheduleRetention(); // instrumentation may run twice: still one purge per period

    await vi.advanceTimersByTimeAsync(59_000);
    expect(await serverPurges()).toEqual([]);
    expect(await surviving()).toEqual([kept.id, first.id].sort());

    await vi.advanceTimersByTimeAsync(1_000);
    await untilServerPurges(1);
    expect(await surviving()).toEqual([kept.id]);

    const second = await playInterview(SELF_CARE);
    await age(second.id, 91);
    await vi.advanceTimersByTimeAsync(86_400_000 - 61_000);
    expect(await serverPurges()).toHaveLength(1);
    expect(await surviving()).toEqual([kept.id, second.id].sort());

    await vi.advanceTimersByTimeAsync(1_000);
    await untilServerPurges(2);
    expect(await surviving()).toEqual([kept.id]);
  });
});

describe('patient self-delete', () => {
  it('deletes the interview with its token, transcript and reviews, clears the cookie, and audits no content', async () => {
    const clinician = { ...(await makeAccount()), address: '10.0.0.1' };
    const mine = await playInterview(SELF_CARE);
    const other = await playInterview(SELF_CARE);
    await addReview(mine.id, clinician, { verdict: 'agree' });
    const before = await counts();

    // Wrong token, another interview's token, a malformed id, a cross-site cookie, no token: 401, nothing deleted.
    await expectError(await deleteSession(req(`/api/v1/sessions/${mine.id}`, { method: 'DELETE', token: 'x'.repeat(43) }), params({ id: mine.id })), 401, 'unauthorized');
    await expectError(await deleteSession(req(`/api/v1/sessions/${mine.id}`, { method: 'DELETE', token: other.token }), params({ id: mine.id })), 401, 'unauthorized');
    await expectError(await deleteSession(req('/api/v1/sessions/nope', { method: 'DELETE', token: mine.token }), params({ id: 'nope' })), 401, 'unauthorized');
    const cookie = `kw_interview=${mine.id}.${mine.token}`;
    await expectError(
      await deleteSession(req(`/api/v1/sessions/${mine.id}`, { method: 'DELETE', cookie, origin: 'https://evil.example' }), params({ id: mine.id })),
      401,
      'unauthorized',
    );
    await expectError(await deleteSession(req(`/api/v1/sessions/${mine.id}`, { method: 'DELETE' }), params({ id: mine.id })), 401, 'unauthorized');
    expect(await counts()).toEqual(before);

    const res = await deleteSession(req(`/api/v1/sessions/${mine.id}`, { method: 'DELETE', cookie, origin: BASE }), params({ id: mine.id }));
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^kw_interview=;.*Max-Age=0/i);
    const after = await counts();
    expect(after.interviews).toBe(before.interviews - 1);
    expect(after.reviews).toBe(0);
    expect(after.entries).toBeLessThan(before.entries);
    const db = await getDb();
    expect(await db.select().from(transcriptEntries).where(eq(transcriptEntries.interviewId, mine.id))).toEqual([]);

    // Gone for good: the token opens nothing, and deleting again is the same 401 as any wrong token.
    await expectError(await readSession(req(`/api/v1/sessions/${mine.id}`, { token: mine.token }), params({ id: mine.id })), 401, 'unauthorized');
    expect(await deleteInterview(mine.id, mine.token)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const log = (await auditLog()).filter((e) => e.action === 'interview.deleted_by_patient');
    expect(log).toEqual([expect.objectContaining({ actorId: null, actorEmail: null, targetId: null, address: null, detail: {} })]);
    // The other patient's interview is untouched.
    expect((await readSession(req(`/api/v1/sessions/${other.id}`, { token: other.token }), params({ id: other.id }))).status).toBe(200);
  });
});
